using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Pushdown;

/// <summary>A contract checked inside the database (<see cref="Inputs.InputPipeline.ValidateInDatabase"/>): every check, passing or not.</summary>
/// <param name="Dataset">The dataset as messages name it (<c>table:warehouse.public.applications</c>).</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The number of columns.</param>
/// <param name="Checks">Every check, with the ids a file's validation has.</param>
public sealed record DatabaseValidationResult(string Dataset, long Rows, int Columns, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>The diagnostics of the checks that did not pass.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => [.. Checks.Where(c => c.Diagnostic is not null).Select(c => c.Diagnostic!)];

    /// <summary>How many checks ran.</summary>
    public int ChecksRun => Checks.Count;

    /// <summary>True unless a check failed with an error.</summary>
    public bool Passed => Checks.All(c => c.IsOk);
}
