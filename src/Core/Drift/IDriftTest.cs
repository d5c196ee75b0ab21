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

    /// <summary>How the test runs when the reference is a profile.</summary>
    DriftProfileUse ProfileUse { get; }

    /// <summary>Which distance between the empirical CDFs the statistic is, if any.</summary>
    CdfDistance CdfDistance { get; }

    /// <summary>
    /// The largest error of the statistic when the reference is a quantile sketch whose CDF is within
    /// <paramref name="rankError"/> of the data's on [min, max] (and exact outside): 0 for counts, moments and an
    /// exact sketch, +∞ when the test cannot bound it (it then needs the raw values).
    /// </summary>
    /// <param name="rankError">The sketch's rank error (0 when exact).</param>
    /// <param name="range">The reference's max − min.</param>
    /// <param name="standardDeviation">The reference's population standard deviation (normed distances divide by it).</param>
    double SketchErrorBound(double rankError, double range, double standardDeviation);

    /// <summary>
    /// The p-value of <paramref name="statistic"/> at these sizes, for a test whose p-value depends on nothing
    /// else; null otherwise. Against a sketch the engine takes it at the smallest statistic the error bound
    /// allows, so the sketch can hide drift but never invent it.
    /// </summary>
    DriftTestResult? PValueOf(double statistic, long referenceSize, long currentSize);

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
