using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>The credit models, trained once per test class.</summary>
public sealed class TrainedCreditModels : IDisposable
{
    private readonly TempDirectory directory = new();

    public TrainedCreditModels() => Models = CreditModels.TrainAll(directory.Path);

    internal CreditModels Models { get; }

    public void Dispose() => directory.Dispose();
}
