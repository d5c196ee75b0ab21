using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Policy;

/// <summary>
/// How one column is compared: the test it reports, the p-value test that decides whether a change is
/// statistically real, the effect measure that decides whether it is large enough to matter, and the
/// input they read. A p-value test reports itself as the significance test; a distance is its own effect.
/// </summary>
/// <param name="Test">The column's test: the one asked for, or the significance test chosen by <c>auto</c>.</param>
/// <param name="SignificanceTest">The p-value test.</param>
/// <param name="EffectMeasure">The distance the effect is measured with.</param>
/// <param name="Input">Values, frozen bins or categories.</param>
/// <param name="Auto">True when the automatic policy chose the plan.</param>
public sealed record DriftPlan(IDriftTest Test, IDriftTest SignificanceTest, IDriftTest EffectMeasure, DriftInputShape Input, bool Auto);
