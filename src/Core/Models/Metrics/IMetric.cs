using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>What gate logic needs to know about a metric, whatever its task.</summary>
public interface IMetric
{
    /// <summary>The metric's key in configuration and JSON output (for example <c>auc</c>, <c>recall.2</c>).</summary>
    string Id { get; }

    /// <summary>The task whose predictions the metric scores.</summary>
    ModelTask Task { get; }

    /// <summary>Which way the metric improves.</summary>
    MetricDirection Direction { get; }

    /// <summary>True when the value depends on a decision threshold (<see cref="MetricSettings.DecisionThreshold"/>).</summary>
    bool DependsOnThreshold { get; }
}
