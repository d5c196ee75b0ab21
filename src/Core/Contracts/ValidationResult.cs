using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>The outcome of validating a dataset against a contract.</summary>
/// <param name="Dataset">The dataset as read.</param>
/// <param name="Diagnostics">Every violation, in contract order.</param>
/// <param name="ChecksRun">How many rules were evaluated.</param>
public sealed record ValidationResult(LoadedDataset Dataset, IReadOnlyList<Diagnostic> Diagnostics, int ChecksRun)
{
    /// <summary>True unless a violation is an error.</summary>
    public bool Passed => !Diagnostics.Any(d => d.IsError);
}
