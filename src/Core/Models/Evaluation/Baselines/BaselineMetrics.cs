using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Baselines;

/// <summary>
/// A committed baseline of a model gate (docs/evaluate.md#baselines): every metric with its interval, and what it
/// was measured on (model and data hashes, rows, settings, tool version). Written only by <c>modelgates accept</c>.
/// </summary>
public sealed record BaselineMetrics
{
    /// <summary>The baseline file schema version this tool reads and writes.</summary>
    internal const int CurrentSchemaVersion = 1;

    /// <summary>The value of the <c>kind</c> key that marks a ModelGates model baseline.</summary>
    internal const string Kind = "modelgates.model-baseline";

    /// <summary>The task the metrics belong to.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>The ModelGates version that measured it.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The model (or predictions file) that was scored.</summary>
    public required BaselineFile Scored { get; init; }

    /// <summary>The evaluation data (the predictions file itself when evaluating predictions).</summary>
    public required BaselineFile Data { get; init; }

    /// <summary>The number of evaluation rows.</summary>
    public required long Rows { get; init; }

    /// <summary>Settings the metrics depend on.</summary>
    public required BaselineSettings Settings { get; init; }

    /// <summary>Every metric, in report order.</summary>
    public required IReadOnlyList<BaselineMetric> Metrics { get; init; }

    /// <summary>
    /// The resources measured for the gate's budgets when the baseline was accepted, in id order; empty when the gate
    /// had no budgets (or the file was written before resources were recorded).
    /// </summary>
    internal IReadOnlyList<BaselineResource> Resources { get; init; } = [];

    /// <summary>
    /// The permutation importances accepted with the metrics (docs/explainability.md), or null: the gate measured none,
    /// or the baseline was written before importances existed (the shift checks then do not run).
    /// </summary>
    internal BaselineImportances? Importances { get; init; }

    /// <summary>The metric of that id, or null.</summary>
    internal BaselineMetric? Find(string id) => Metrics.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
}

/// <summary>A file a baseline was measured from.</summary>
/// <param name="Role"><c>model</c>, <c>predictions</c> or <c>data</c>.</param>
/// <param name="Path">Relative to the baseline file's folder, with forward slashes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content (of every file's hash, in order, for a glob of several).</param>
public sealed record BaselineFile(string Role, string Path, string Sha256);

/// <summary>The settings a baseline's metrics depend on.</summary>
/// <param name="PositiveClass">The positive class of a binary task, or null.</param>
/// <param name="DecisionThreshold">The decision threshold of thresholded binary metrics.</param>
/// <param name="TopK">The k of top-k accuracy.</param>
/// <param name="Resamples">Bootstrap resamples of the intervals.</param>
/// <param name="Confidence">Confidence of the intervals.</param>
/// <param name="Seed">Bootstrap seed.</param>
public sealed record BaselineSettings(string? PositiveClass, double DecisionThreshold, int TopK, int Resamples, double Confidence, ulong Seed);

/// <summary>One metric of a baseline.</summary>
/// <param name="Id">The public metric id.</param>
/// <param name="Value">The value, or null when it was undefined.</param>
/// <param name="Lower">The lower bound of its bootstrap interval, or null.</param>
/// <param name="Upper">The upper bound of its bootstrap interval, or null.</param>
public sealed record BaselineMetric(string Id, double? Value, double? Lower, double? Upper);

/// <summary>The permutation importances stored in a baseline.</summary>
/// <param name="Metric">The metric whose drop was measured.</param>
/// <param name="Repeats">Shuffles of each column.</param>
/// <param name="Seed">Seed of the shuffles.</param>
/// <param name="Columns">Every column, most important first.</param>
internal sealed record BaselineImportances(string Metric, int Repeats, ulong Seed, IReadOnlyList<BaselineImportance> Columns);

/// <summary>One column's importance in a baseline.</summary>
/// <param name="Column">The data column.</param>
/// <param name="Importance">The mean drop, or null when undefined.</param>
/// <param name="Lower">The lower bound of its interval, or null.</param>
/// <param name="Upper">The upper bound of its interval, or null.</param>
internal sealed record BaselineImportance(string Column, double? Importance, double? Lower, double? Upper);
