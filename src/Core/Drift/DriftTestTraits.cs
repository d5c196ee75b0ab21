using ModelGates.Data;

namespace ModelGates.Drift;

/// <summary>The fixed description of a drift test, given once by each test class.</summary>
internal sealed record DriftTestTraits(
    string Id,
    string DisplayName,
    DriftThresholdKind ThresholdKind,
    double DefaultThreshold,
    ColumnKind[] ColumnKinds,
    int MinimumSize,
    bool IsSymmetric,
    bool AcceptsWeights = false);
