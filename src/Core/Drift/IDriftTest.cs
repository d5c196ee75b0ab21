using ModelGates.Data;

namespace ModelGates.Drift;

/// <summary>
/// A two-sample drift test: compares a reference sample with a current sample of one column.
/// Implementations are stateless and thread-safe; <see cref="DriftTestRegistry"/> holds one of each.
/// </summary>
public interface IDriftTest
{
    /// <summary>The id used in JSON configuration (for example <c>ks</c>, <c>psi</c>).</summary>
    string Id { get; }

    /// <summary>The name shown in reports.</summary>
    string DisplayName { get; }

    /// <summary>Whether the threshold is a p-value or a distance.</summary>
    DriftThresholdKind ThresholdKind { get; }

    /// <summary>The threshold used when the configuration gives none.</summary>
    double DefaultThreshold { get; }

    /// <summary>The column kinds the test applies to.</summary>
    IReadOnlyList<ColumnKind> ColumnKinds { get; }

    /// <summary>Whether the test takes raw values or aligned counts.</summary>
    DriftInputKind Input { get; }

    /// <summary>Whether the test accepts weighted <see cref="NumericSample"/>s.</summary>
    bool AcceptsWeights { get; }

    /// <summary>The smallest size (rows, total weight or total count) each side must have.</summary>
    int MinimumSize { get; }

    /// <summary>True when swapping reference and current leaves the p-value (or the distance) unchanged; a signed statistic may change sign.</summary>
    bool IsSymmetric { get; }

    /// <summary>Runs the test.</summary>
    /// <exception cref="ArgumentException">
    /// A side is of the wrong input kind, is empty or smaller than <see cref="MinimumSize"/> (the engine
    /// reports this as insufficient data), is weighted when the test does not accept weights, or the
    /// count vectors are not aligned.
    /// </exception>
    DriftTestResult Compute(DriftSample reference, DriftSample current);

    /// <summary>Whether <paramref name="result"/> is drift at <paramref name="threshold"/>: p &lt; threshold for p-value tests, statistic ≥ threshold for distances.</summary>
    bool IsDrift(DriftTestResult result, double threshold);
}
