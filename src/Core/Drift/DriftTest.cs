using System.Globalization;
using ModelGates.Data;

namespace ModelGates.Drift;

/// <summary>The metadata and threshold rule shared by every drift test; derive from <see cref="ValueDriftTest"/> or <see cref="CountDriftTest"/>.</summary>
internal abstract class DriftTest : IDriftTest
{
    private readonly ColumnKind[] columnKinds;

    private protected DriftTest(DriftTestTraits traits, DriftInputKind input, DriftProfileUse profileUse)
    {
        Id = traits.Id;
        DisplayName = traits.DisplayName;
        ThresholdKind = traits.ThresholdKind;
        DefaultThreshold = traits.DefaultThreshold;
        columnKinds = traits.ColumnKinds;
        AcceptsWeights = traits.AcceptsWeights;
        MinimumSize = traits.MinimumSize;
        IsSymmetric = traits.IsSymmetric;
        Input = input;
        ProfileUse = profileUse;
        CdfDistance = traits.CdfDistance;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string DisplayName { get; }

    /// <inheritdoc />
    public DriftThresholdKind ThresholdKind { get; }

    /// <inheritdoc />
    public double DefaultThreshold { get; }

    /// <inheritdoc />
    public IReadOnlyList<ColumnKind> ColumnKinds => columnKinds;

    /// <inheritdoc />
    public DriftInputKind Input { get; }

    /// <inheritdoc />
    public bool AcceptsWeights { get; }

    /// <inheritdoc />
    public int MinimumSize { get; }

    /// <inheritdoc />
    public bool IsSymmetric { get; }

    /// <inheritdoc />
    public DriftProfileUse ProfileUse { get; }

    /// <inheritdoc />
    public CdfDistance CdfDistance { get; }

    /// <inheritdoc />
    public double SketchErrorBound(double rankError, double range, double standardDeviation) => ProfileUse switch
    {
        DriftProfileUse.Counts or DriftProfileUse.Moments => 0,

        // |F_sketch − F| ≤ rankError on [min, max] and 0 outside; each form moves by what that allows.
        _ => CdfDistance switch
        {
            CdfDistance.Supremum => rankError,
            CdfDistance.Absolute => rankError * range / standardDeviation,
            CdfDistance.Squared => Math.Sqrt(2.0) * rankError * Math.Sqrt(range) / standardDeviation,

            // The sketch's mid-distribution function is within rankError of the data's, which moves the mapped current
            // values, the mapped reference values and the reference's own CDF each by at most rankError on [0, 1].
            CdfDistance.Rank => 3.0 * RankScale.Norm * rankError,
            _ => rankError == 0 ? 0 : double.PositiveInfinity,
        },
    };

    /// <inheritdoc />
    public virtual DriftTestResult? PValueOf(double statistic, long referenceSize, long currentSize) => null;

    /// <inheritdoc />
    public abstract DriftTestResult Compute(DriftSample reference, DriftSample current);

    /// <inheritdoc />
    public bool IsDrift(DriftTestResult result, double threshold) => ThresholdKind == DriftThresholdKind.PValue
        ? result.PValue < threshold
        : result.Statistic >= threshold;

    /// <inheritdoc />
    public override string ToString() => Id;

    private protected void CheckSize(DriftSample sample, string side, string parameterName)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException(
                $"The {side} sample is empty; {DisplayName} ({Id}) needs at least {MinimumSize} observation(s) on each side.",
                parameterName);
        }

        if (sample.Size < MinimumSize)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {side} sample has size {sample.Size}; {DisplayName} ({Id}) needs at least {MinimumSize} on each side."),
                parameterName);
        }
    }
}
