namespace ModelGates.Drift;

/// <summary>A drift test on the raw numeric values of both sides.</summary>
internal abstract class ValueDriftTest : DriftTest
{
    private protected ValueDriftTest(DriftTestTraits traits)
        : base(traits, DriftInputKind.Values, traits.ProfileUse)
    {
    }

    /// <inheritdoc />
    public override DriftTestResult Compute(DriftSample reference, DriftSample current) =>
        Compute(AsNumeric(reference, nameof(reference)), AsNumeric(current, nameof(current)));

    /// <summary>Runs the test on two numeric samples.</summary>
    /// <exception cref="ArgumentException">A side is empty or below <see cref="DriftTest.MinimumSize"/>, or weighted when the test does not accept weights.</exception>
    public DriftTestResult Compute(NumericSample reference, NumericSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        Check(reference, "reference", nameof(reference));
        Check(current, "current", nameof(current));
        return ComputeCore(reference, current);
    }

    private protected abstract DriftTestResult ComputeCore(NumericSample reference, NumericSample current);

    /// <summary>
    /// The test as one ascending pass over the pooled distinct values (what a comparison inside DuckDB streams), with
    /// the same arithmetic as <see cref="Compute(NumericSample, NumericSample)"/> on unweighted samples.
    /// </summary>
    internal abstract IPooledStatistic Pooled(PooledSides sides);

    private NumericSample AsNumeric(DriftSample sample, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(sample, parameterName);
        return sample as NumericSample
            ?? throw new ArgumentException($"{DisplayName} ({Id}) compares numeric values; the {parameterName} side is {sample.Kind}.", parameterName);
    }

    private void Check(NumericSample sample, string side, string parameterName)
    {
        CheckSize(sample, side, parameterName);
        if (sample.IsWeighted && !AcceptsWeights)
        {
            throw new ArgumentException($"{DisplayName} ({Id}) does not accept weighted samples; the {side} sample is weighted.", parameterName);
        }
    }
}
