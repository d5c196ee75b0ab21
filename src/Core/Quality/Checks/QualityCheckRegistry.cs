namespace ModelGates.Quality;

/// <summary>
/// Every quality check, in report order. A new check (a detector of another folder included) is one class and one
/// line here; the config keys, <c>--checks</c> and the reports pick it up from its id.
/// </summary>
internal static class QualityCheckRegistry
{
    /// <summary>The checks.</summary>
    public static IReadOnlyList<IQualityCheck> All { get; } =
    [
        new Checks.DuplicatesCheck(),
        new Checks.ConflictingLabelsCheck(),
        new Checks.LeakageCheck(),
        new Checks.SingleValueCheck(),
        new Checks.MixedTypesCheck(),
        new Checks.MixedNullsCheck(),
        new Checks.SpellingsCheck(),
        new Checks.FeatureLeakageCheck(),
        new Checks.FreshnessCheck(),
        new Checks.VolumeCheck(),
        new Checks.PiiColumnsCheck(),
        new Checks.LabelErrorsCheck(),
        new Checks.OutliersCheck(),
    ];

    /// <summary>The check of that id, or null.</summary>
    public static IQualityCheck? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
