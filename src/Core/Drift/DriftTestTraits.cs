using ModelGates.Data;

namespace ModelGates.Drift;

/// <summary>The fixed description of a drift test, given once by each test class.</summary>
/// <param name="Id">The id used in configuration.</param>
/// <param name="DisplayName">The name shown in reports.</param>
/// <param name="ThresholdKind">Whether the threshold is a p-value or a distance.</param>
/// <param name="DefaultThreshold">The threshold when none is given.</param>
/// <param name="ColumnKinds">The column kinds the test applies to.</param>
/// <param name="MinimumSize">The smallest size each side must have.</param>
/// <param name="IsSymmetric">Whether swapping the sides leaves the result unchanged.</param>
/// <param name="AcceptsWeights">Whether the test accepts weighted samples.</param>
/// <param name="ProfileUse">How a reference profile serves a test on values (count tests always use the profile's counts); default: only an exact sketch.</param>
/// <param name="CdfDistance">Which distance between the empirical CDFs the statistic is, if any.</param>
internal sealed record DriftTestTraits(
    string Id,
    string DisplayName,
    DriftThresholdKind ThresholdKind,
    double DefaultThreshold,
    ColumnKind[] ColumnKinds,
    int MinimumSize,
    bool IsSymmetric,
    bool AcceptsWeights = false,
    DriftProfileUse ProfileUse = DriftProfileUse.ExactSketch,
    CdfDistance CdfDistance = CdfDistance.None);
