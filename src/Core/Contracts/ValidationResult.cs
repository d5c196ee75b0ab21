using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>The outcome of validating a dataset against a contract: every check, passing or not.</summary>
/// <param name="Dataset">The dataset as read.</param>
/// <param name="Checks">Every check in contract order; ids are relative to the contract (<c>Income/maxMissingShare</c>).</param>
public sealed record ValidationResult(LoadedDataset Dataset, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>The diagnostics of the checks that did not pass.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Checks.Where(c => c.Diagnostic is not null).Select(c => c.Diagnostic!).ToList();

    /// <summary>How many checks ran.</summary>
    public int ChecksRun => Checks.Count;

    /// <summary>True unless a check failed with an error.</summary>
    public bool Passed => Checks.All(c => c.IsOk);
}
