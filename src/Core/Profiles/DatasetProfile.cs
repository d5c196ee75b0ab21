namespace ModelGates.Profiles;

/// <summary>
/// A compact, mergeable JSON summary of a dataset. Teams commit a reference profile (kilobytes)
/// instead of the reference data; drift runs against it.
/// </summary>
public sealed record DatasetProfile
{
    /// <summary>The version of the profile JSON schema this tool writes.</summary>
    internal const int CurrentSchemaVersion = 1;

    /// <summary>The dataset(s) summarised: the path or glob given, or the profiles merged.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Rows read.</summary>
    public required long Rows { get; init; }

    /// <summary>Records that could not be parsed (not in <see cref="Rows"/>).</summary>
    public required long UnparsedRows { get; init; }

    /// <summary>Sketch sizes.</summary>
    public required ProfileSettings Settings { get; init; }

    /// <summary>Columns in file order.</summary>
    public required IReadOnlyList<ColumnProfile> Columns { get; init; }

    /// <summary>The column of that name, or null.</summary>
    internal ColumnProfile? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
