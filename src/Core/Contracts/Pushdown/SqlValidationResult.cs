using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Pushdown;

/// <summary>The outcome of validating a relation on a SQL engine against a contract: every check, passing or not.</summary>
/// <param name="DisplayName">The relation as messages name it.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Checks">Every check in contract order, with the same ids as <see cref="ValidationResult.Checks"/> for a file.</param>
/// <param name="Queries">How many queries the validation sent (the aggregate scan, one per unique key, the example queries of failing checks, and the metadata queries that compile patterns and checks).</param>
internal sealed record SqlValidationResult(string DisplayName, long Rows, IReadOnlyList<CheckResult> Checks, int Queries)
{
    /// <summary>The diagnostics of the checks that did not pass.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Checks.Where(c => c.Diagnostic is not null).Select(c => c.Diagnostic!).ToList();

    /// <summary>True unless a check failed with an error.</summary>
    public bool Passed => Checks.All(c => c.IsOk);
}
