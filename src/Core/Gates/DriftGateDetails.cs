using ModelGates.Data;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Gates;

/// <summary>A drift gate's measurements for the reports: both sides, the dataset rule, and every column with its distribution.</summary>
/// <param name="Reference">The reference, a dataset or a profile; its path as resolved (the result writes it relative to the config).</param>
/// <param name="Current">The current data.</param>
/// <param name="DatasetDrift">True when the drifted share reached its threshold.</param>
/// <param name="DriftedShare">The weighted share of drifted columns.</param>
/// <param name="DriftedShareThreshold">The share at which the dataset drifted.</param>
/// <param name="Columns">Every compared column, in the reference's order.</param>
internal sealed record DriftGateDetails(
    DriftSide Reference,
    DriftSide Current,
    bool DatasetDrift,
    double DriftedShare,
    double DriftedShareThreshold,
    IReadOnlyList<DriftColumnDetails> Columns) : GateDetails
{
    /// <summary>The dataset-level (multivariate) checks; empty when none was asked for.</summary>
    public IReadOnlyList<DatasetDriftCheck> DatasetChecks { get; init; } = [];

    /// <summary>The details of a drift report, with the distribution of each column that has one.</summary>
    public static DriftGateDetails Of(DriftReport report, IReadOnlyDictionary<string, ColumnDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(distributions);
        var columns = report.Columns.Select(c => new DriftColumnDetails(c.Column, c.Kind, c.Status)
        {
            Test = c.Test,
            Statistic = c.Statistic,
            PValue = c.PValueAdjusted ?? c.PValue,
            Threshold = c.EffectThreshold ?? c.Threshold,
            EffectMeasure = c.EffectMeasure,
            Effect = c.Effect,
            EffectInterval = c.EffectInterval is { } interval ? new IntervalBounds(interval.Lower, interval.Upper) : null,
            MissingShareReference = c.MissingShareReference,
            MissingShareCurrent = c.MissingShareCurrent,
            Distribution = distributions.GetValueOrDefault(c.Column),
        }).ToList();
        return new DriftGateDetails(report.Reference, report.Current, report.DatasetDrift, report.DriftedShare, report.DatasetDriftShare, columns)
        {
            DatasetChecks = report.DatasetChecks,
        };
    }
}

/// <summary>One column of a drift gate as the reports show it.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Kind">The column's kind in the reference.</param>
/// <param name="Status">The outcome.</param>
internal sealed record DriftColumnDetails(string Column, ColumnKind Kind, ColumnDriftStatus Status)
{
    /// <summary>The test that measured the effect, or null when the column was not tested.</summary>
    public string? Test { get; init; }

    /// <summary>The test statistic.</summary>
    public double? Statistic { get; init; }

    /// <summary>The p-value, adjusted for the multiple-testing correction when one applied.</summary>
    public double? PValue { get; init; }

    /// <summary>The effect threshold, or the test's threshold when it has no effect measure.</summary>
    public double? Threshold { get; init; }

    /// <summary>What the effect measures (a distance, a share...).</summary>
    public string? EffectMeasure { get; init; }

    /// <summary>The effect.</summary>
    public double? Effect { get; init; }

    /// <summary>The effect's bootstrap interval.</summary>
    public IntervalBounds? EffectInterval { get; init; }

    /// <summary>The reference's share of missing values.</summary>
    public double? MissingShareReference { get; init; }

    /// <summary>The current data's share of missing values.</summary>
    public double? MissingShareCurrent { get; init; }

    /// <summary>The shares per bin or category on both sides, for the chart, or null.</summary>
    public ColumnDistribution? Distribution { get; init; }
}
