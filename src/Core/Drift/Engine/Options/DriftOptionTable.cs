using ModelGates.Configuration.Json;
using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;

namespace ModelGates.Drift.Engine.Options;

/// <summary>
/// Every drift option, in documentation order (docs/drift.md#options). Adding an option is one entry here and
/// its property on <see cref="DriftOptions"/> (and <see cref="ColumnDriftOverride"/> when it can be set per column):
/// modelgates.json, <c>modelgates drift</c>, <c>DriftAssert</c> and the checks pick it up from this table.
/// </summary>
public static partial class DriftOptionTable
{
    /// <summary>Every option.</summary>
    public static IReadOnlyList<DriftOption> All { get; } =
    [
        new()
        {
            Key = "test", Type = OptionType.Text, ValueHint = "auto|<id>", Default = "auto",
            Help = "the test for every column it applies to; other columns fall back to auto",
            ColumnHelp = "one column's test; a test that does not apply to the column is an error (MG0031)",
            Get = o => o.Test, Set = (o, v) => o with { Test = (string)v },
            GetColumn = c => c.Test, SetColumn = (c, v) => c with { Test = (string)v },
            Check = (v, _, column) => KnownTest((string)v, column),
        },
        new()
        {
            Key = "threshold", Type = OptionType.Number, ValueHint = "<x>", Default = "the test's",
            Help = "the threshold of the test in its units (α of a p-value test, the drifting distance of a distance); with auto, the effect threshold",
            ColumnHelp = "one column's threshold, in its test's units",
            Get = o => o.Threshold, Set = (o, v) => o with { Threshold = (double)v },
            GetColumn = c => c.Threshold, SetColumn = (c, v) => c with { Threshold = (double)v },
            Check = (v, test, _) => Threshold((double)v, test),
        },
        new()
        {
            Key = "alpha", Type = OptionType.Number, ValueHint = "<a>", Default = "0.05",
            Help = "the significance level of the adjusted p-values",
            ColumnHelp = "one column's significance level",
            Get = o => o.Alpha, Set = (o, v) => o with { Alpha = (double)v },
            GetColumn = c => c.Alpha, SetColumn = (c, v) => c with { Alpha = (double)v },
            Check = (v, _, _) => OpenUnit((double)v),
        },
        new()
        {
            Key = "effectThreshold", Type = OptionType.Number, ValueHint = "<x>", Default = "the effect measure's, 0.1",
            Help = "the smallest effect (a distance) that counts as drift",
            ColumnHelp = "one column's effect threshold",
            Get = o => o.EffectThreshold, Set = (o, v) => o with { EffectThreshold = (double)v },
            GetColumn = c => c.EffectThreshold, SetColumn = (c, v) => c with { EffectThreshold = (double)v },
            Check = (v, _, _) => Distance((double)v),
        },
        new()
        {
            Key = "decision", Type = OptionType.Choice, Choices = DriftDecisionRuleText.Names, ValueHint = string.Join('|', DriftDecisionRuleText.Names), Default = "effect",
            Help = "when a column counts as drifted: significant and an effect at least the threshold, its interval's lower bound at least the threshold, or the test alone",
            Get = o => o.Decision.ToText(), Set = (o, v) => o with { Decision = DecisionRule((string)v) },
        },
        new()
        {
            Key = "correction", Type = OptionType.Choice, Choices = MultipleTestingCorrectionText.Names, ValueHint = string.Join('|', MultipleTestingCorrectionText.Names), Default = "holm",
            Help = "the correction of the p-values for testing many columns",
            Get = o => o.Correction.ToText(), Set = (o, v) => o with { Correction = Correction((string)v) },
        },
        new()
        {
            Key = "missingShareThreshold", Type = OptionType.Number, ValueHint = "<x>", Default = "0.05",
            Help = "the smallest change of a column's missing share (0 to 1) that counts as drift",
            ColumnHelp = "one column's missing-share threshold",
            Get = o => o.MissingShareThreshold, Set = (o, v) => o with { MissingShareThreshold = (double)v },
            GetColumn = c => c.MissingShareThreshold, SetColumn = (c, v) => c with { MissingShareThreshold = (double)v },
            Check = (v, _, _) => ClosedUnit((double)v),
        },
        new()
        {
            Key = "minimumCount", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "10",
            Help = "the fewest non-missing values each side needs for a column to be tested",
            Get = o => o.MinimumCount, Set = (o, v) => o with { MinimumCount = (long)v },
            Check = (v, _, _) => AtLeast(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), 1),
        },
        new()
        {
            Key = "datasetDriftShare", Type = OptionType.Number, ValueHint = "<x>", Default = "0.5", DeprecatedKeys = ["driftedShare"],
            Help = "the weighted share of drifted columns at or above which the dataset has drifted",
            Get = o => o.DatasetDriftShare, Set = (o, v) => o with { DatasetDriftShare = (double)v },
            Check = (v, _, _) => Share((double)v),
        },
        new()
        {
            Key = "bootstrapReplicates", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "200",
            Help = "the bootstrap replicates of each effect interval and minimum detectable effect",
            Get = o => o.BootstrapReplicates, Set = (o, v) => o with { BootstrapReplicates = (int)Math.Clamp((long)v, int.MinValue, int.MaxValue) },
            Check = (v, _, _) => Between(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), 20, 100_000),
        },
        new()
        {
            Key = "confidenceLevel", Type = OptionType.Number, ValueHint = "<c>", Default = "0.95",
            Help = "the confidence level of the effect intervals",
            Get = o => o.ConfidenceLevel, Set = (o, v) => o with { ConfidenceLevel = (double)v },
            Check = (v, _, _) => Confidence((double)v),
        },
        new()
        {
            Key = "seed", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "0", Minimum = 0,
            Help = "the seed of every bootstrap; the same seed gives the same bytes",
            Get = o => o.Seed, Set = (o, v) => o with { Seed = (ulong)(long)v },
        },
        new()
        {
            Key = "columns", Type = OptionType.List, ValueHint = "<a,b,...>", Default = "every column of the reference",
            Help = "compare only these reference columns",
            Get = o => o.Columns, Set = (o, v) => o with { Columns = (IReadOnlyList<string>)v },
        },
        new()
        {
            Key = "multivariate", Type = OptionType.Choice, Choices = MultivariateDriftText.Names, ValueHint = string.Join('|', MultivariateDriftText.Names), Default = "both",
            Help = "the dataset-level checks run when both sides are data: the domain classifier, the PCA reconstruction error, both, or off",
            Get = o => o.Multivariate.ToText(), Set = (o, v) => o with { Multivariate = Multivariate((string)v) },
        },
        new()
        {
            Key = "multivariateSampleRows", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "10000",
            Help = "the most rows drawn (seeded) from each side for the multivariate checks",
            Get = o => o.MultivariateSampleRows, Set = (o, v) => o with { MultivariateSampleRows = (int)Math.Clamp((long)v, int.MinValue, int.MaxValue) },
            Check = (v, _, _) => Between(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), 100, 1_000_000),
        },
        new()
        {
            Key = "domainClassifierAuc", Type = OptionType.Number, ValueHint = "<auc>", Default = "0.55",
            Help = "the domain classifier flags drift when the lower bound of its AUC interval is above this",
            Get = o => o.DomainClassifierAuc, Set = (o, v) => o with { DomainClassifierAuc = (double)v },
            Check = (v, _, _) => (double)v >= 0.5 && (double)v < 1 ? null : Invalid($"must be at least 0.5 and below 1, not {Scalar.Format((double)v)}"),
        },
        new()
        {
            Key = "reconstructionThreshold", Type = OptionType.Number, ValueHint = "<x>", Default = "0.1",
            Help = "the reconstruction check flags drift when the interval of the mean reconstruction error's relative change lies beyond this",
            Get = o => o.ReconstructionThreshold, Set = (o, v) => o with { ReconstructionThreshold = (double)v },
            Check = (v, _, _) => (double)v > 0 && double.IsFinite((double)v) ? null : Invalid($"must be a finite number above 0, not {Scalar.Format((double)v)}"),
        },
        new()
        {
            Key = "weight", Type = OptionType.Number, ValueHint = "<w>", Default = "1",
            ColumnHelp = "a column's importance in the dataset rule",
            GetColumn = c => c.Weight, SetColumn = (c, v) => c with { Weight = (double)v },
            Check = (v, _, _) => Weight((double)v),
        },
        new()
        {
            Key = "skip", Type = OptionType.Flag, ValueHint = string.Empty, Default = "false", DeprecatedKeys = ["ignore"],
            ColumnHelp = "leave the column out (reported as not compared)",
            GetColumn = c => c.Skip, SetColumn = (c, v) => c with { Skip = (bool)v },
        },
    ];

    /// <summary>The option with this JSON key, or null.</summary>
    internal static DriftOption? Find(string key) => All.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.Ordinal));

    private static DriftDecisionRule DecisionRule(string text) =>
        DriftDecisionRuleText.TryParse(text, out var rule) ? rule : throw new ArgumentException($"Unknown decision rule '{text}'.", nameof(text));

    private static MultivariateDrift Multivariate(string text) =>
        MultivariateDriftText.TryParse(text, out var value) ? value : throw new ArgumentException($"Unknown multivariate choice '{text}'.", nameof(text));

    private static MultipleTestingCorrection Correction(string text) =>
        MultipleTestingCorrectionText.TryParse(text, out var correction) ? correction : throw new ArgumentException($"Unknown correction '{text}'.", nameof(text));

    private static DriftOptionCheck? KnownTest(string id, string? column)
    {
        if (id == DriftOptions.AutoTest || DriftTestRegistry.TryGet(id, out _))
        {
            return null;
        }

        var suggestion = DidYouMean.Suggest(id, DriftTestRegistry.All.Select(t => t.Id).Prepend(DriftOptions.AutoTest));
        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        var where = column is null ? string.Empty : $" (column '{column}')";
        return new DriftOptionCheck(
            DiagnosticCatalog.UnknownDriftTest,
            $"Unknown drift test '{id}'{where}.{hint} Known tests: {DriftOptions.AutoTest}, {string.Join(", ", DriftTestRegistry.All.Select(t => t.Id))}.",
            Complete: true);
    }

    private static DriftOptionCheck? Threshold(double value, string test) =>
        test != DriftOptions.AutoTest && DriftTestRegistry.TryGet(test, out var found) && found.ThresholdKind == DriftThresholdKind.PValue
            ? value > 0 && value < 1 ? null : Invalid($"is the threshold of the p-value test {test} and must be above 0 and below 1, not {Scalar.Format(value)}")
            : Distance(value);

    private static DriftOptionCheck? OpenUnit(double value) =>
        value > 0 && value < 1 ? null : Invalid($"must be above 0 and below 1, not {Scalar.Format(value)}");

    private static DriftOptionCheck? ClosedUnit(double value) =>
        value >= 0 && value <= 1 ? null : Invalid($"must be between 0 and 1, not {Scalar.Format(value)}");

    private static DriftOptionCheck? Share(double value) =>
        value > 0 && value <= 1 ? null : Invalid($"must be above 0 and at most 1, not {Scalar.Format(value)}");

    private static DriftOptionCheck? Confidence(double value) =>
        value >= 0.5 && value < 1 ? null : Invalid($"must be at least 0.5 and below 1, not {Scalar.Format(value)}");

    private static DriftOptionCheck? Distance(double value) =>
        value >= 0 && double.IsFinite(value) ? null : Invalid($"must be a finite distance of at least 0, not {Scalar.Format(value)}");

    private static DriftOptionCheck? Weight(double value) =>
        value >= 0 && double.IsFinite(value) ? null : Invalid($"must be a finite number of at least 0, not {Scalar.Format(value)}");

    private static DriftOptionCheck? AtLeast(long value, long minimum) =>
        value >= minimum ? null : Invalid(FormattableString.Invariant($"must be at least {minimum}, not {value}"));

    private static DriftOptionCheck? Between(long value, long minimum, long maximum) =>
        value >= minimum && value <= maximum ? null : Invalid(FormattableString.Invariant($"must be between {minimum} and {maximum}, not {value}"));

    private static DriftOptionCheck Invalid(string message) => new(DiagnosticCatalog.InvalidDriftOption, message);
}
