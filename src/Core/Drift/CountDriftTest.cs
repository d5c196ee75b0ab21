namespace ModelGates.Drift;

/// <summary>A drift test on aligned counts over bins or categories.</summary>
internal abstract class CountDriftTest : DriftTest
{
    private protected CountDriftTest(DriftTestTraits traits)
        : base(traits, DriftInputKind.Counts, DriftProfileUse.Counts)
    {
    }

    /// <inheritdoc />
    public override DriftTestResult Compute(DriftSample reference, DriftSample current) =>
        Compute(AsCounts(reference, nameof(reference)), AsCounts(current, nameof(current)));

    /// <summary>Runs the test on two aligned count vectors.</summary>
    /// <exception cref="ArgumentException">The vectors differ in length, or a side's total is zero or below <see cref="DriftTest.MinimumSize"/>.</exception>
    public DriftTestResult Compute(CountVector reference, CountVector current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Length != current.Length)
        {
            throw new ArgumentException(
                $"Count vectors are not aligned: the reference has {reference.Length} bins or categories, the current {current.Length}.",
                nameof(current));
        }

        CheckSize(reference, "reference", nameof(reference));
        CheckSize(current, "current", nameof(current));
        return ComputeCore(reference, current);
    }

    private protected abstract DriftTestResult ComputeCore(CountVector reference, CountVector current);

    private CountVector AsCounts(DriftSample sample, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(sample, parameterName);
        return sample as CountVector
            ?? throw new ArgumentException($"{DisplayName} ({Id}) compares counts; the {parameterName} side is {sample.Kind}.", parameterName);
    }
}
