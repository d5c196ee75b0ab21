using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;

namespace ModelGates.Drift.Engine.Options;

/// <summary>
/// How a drift comparison judges columns: the test (or <c>auto</c>), thresholds, the correction for testing
/// many columns, the decision rule, the dataset rule, and per-column overrides merged over these defaults.
/// Every property but <see cref="ColumnSeverity"/> is a key of a drift gate in modelgates.json and an option of
/// <c>modelgates drift</c> under the same name (<see cref="DriftOptionTable"/>); the defaults are documented in
/// docs/drift.md#options.
/// </summary>
public sealed record DriftOptions
{
    /// <summary>The test id that lets the automatic policy choose per column.</summary>
    public const string AutoTest = "auto";

    /// <summary>The default options.</summary>
    public static DriftOptions Default { get; } = new();

    /// <summary>The test for every column it applies to (<c>auto</c> by default); other columns fall back to <c>auto</c>.</summary>
    public string Test { get; init; } = AutoTest;

    /// <summary>
    /// The threshold of <see cref="Test"/> in its units: the significance level of a p-value test, the
    /// smallest drifting distance of a distance. With <c>auto</c> it is the effect threshold. Null: the test's default.
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>The significance level adjusted p-values are compared with. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The smallest effect (a distance) that counts as drift; null for the effect measure's default (0.1).</summary>
    public double? EffectThreshold { get; init; }

    /// <summary>The correction across columns. Default Holm: a build fails on any one drifted column, so the chance of any false alarm is what a team feels.</summary>
    public MultipleTestingCorrection Correction { get; init; } = MultipleTestingCorrection.Holm;

    /// <summary>When a column counts as drifted. Default: significant and an effect at least its threshold.</summary>
    public DriftDecisionRule Decision { get; init; } = DriftDecisionRule.Effect;

    /// <summary>The smallest change of a column's missing share (absolute, 0 to 1) that counts as drift. Default 0.05 (5 percentage points).</summary>
    public double MissingShareThreshold { get; init; } = 0.05;

    /// <summary>The fewest non-missing values each side needs for a column to be tested; below it the column is insufficient. Default 10.</summary>
    public long MinimumCount { get; init; } = 10;

    /// <summary>The weighted share of drifted columns at or above which the dataset has drifted. Default 0.5.</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>Bootstrap replicates for each effect interval and for each minimum detectable effect. Default 200.</summary>
    public int BootstrapReplicates { get; init; } = 200;

    /// <summary>The confidence level of effect intervals. Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The seed of every resample; the same seed gives the same bytes. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>The reference columns to compare, or null for all of them.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Per-column settings, by column name (ordinal), merged over the defaults.</summary>
    public IReadOnlyDictionary<string, ColumnDriftOverride> Overrides { get; init; } = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal);

    /// <summary>Which dataset-level checks run when both sides are data (docs/drift.md#multivariate-drift). Default both.</summary>
    public MultivariateDrift Multivariate { get; init; } = MultivariateDrift.Both;

    /// <summary>The most rows drawn (seeded) from each side for the multivariate checks. Default 10,000.</summary>
    public int MultivariateSampleRows { get; init; } = 10_000;

    /// <summary>The domain classifier flags drift when its AUC interval's lower bound is above this. Default 0.55.</summary>
    public double DomainClassifierAuc { get; init; } = 0.55;

    /// <summary>The reconstruction check flags drift when its interval of the relative change of the mean reconstruction error lies beyond this (up by it, or down by the same factor). Default 0.1.</summary>
    public double ReconstructionThreshold { get; init; } = 0.1;

    /// <summary>The severity of a drifted column (MG3001) and a drifted missing share (MG3003). Default error.</summary>
    public Severity ColumnSeverity { get; init; } = Severity.Error;

    /// <summary>
    /// The weight of a column whose override sets none: 1, or the floor of attribution-weighted drift
    /// (<see cref="ImportanceWeights"/>) for a gate weighed by a model's importances.
    /// </summary>
    internal double DefaultColumnWeight { get; init; } = 1.0;

    /// <summary>The settings of one column: its override merged over these defaults.</summary>
    public ColumnDriftSettings For(string column)
    {
        var o = Overrides.TryGetValue(column, out var found) ? found : new ColumnDriftOverride();

        // A threshold is in its test's units; one given for the default test does not carry over to another test.
        var threshold = o.Threshold ?? (o.Test is null ? Threshold : null);
        return new ColumnDriftSettings(
            o.Test ?? Test,
            threshold,
            o.Alpha ?? Alpha,
            o.EffectThreshold ?? EffectThreshold,
            o.MissingShareThreshold ?? MissingShareThreshold,
            o.Weight ?? DefaultColumnWeight,
            o.Skip ?? false,
            o.Test is not null);
    }

    /// <summary>Checks every value against <see cref="DriftOptionTable"/>; a bad one is a configuration error.</summary>
    /// <exception cref="ConfigurationException">MG0030 for an unknown test id, MG0034 for a value out of range; every bad value is reported.</exception>
    public void Validate()
    {
        var problems = DriftOptionTable.Check(this, OptionFrontEnd.CSharp);
        if (problems.Count > 0)
        {
            throw new ConfigurationException([.. problems.Select(p => p.Diagnostic)]);
        }
    }
}
