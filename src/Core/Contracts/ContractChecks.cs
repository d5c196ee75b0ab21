using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>Builds the <see cref="CheckResult"/> of a contract check from its diagnostic (null when it passed).</summary>
internal static class ContractChecks
{
    public static CheckResult Result(string id, string description, Diagnostic? failure, Scalar? measured = null, Scalar? bound = null, string? column = null) =>
        new(id, description)
        {
            Status = failure is null ? CheckStatus.Passed : failure.IsError ? CheckStatus.Failed : CheckStatus.Warned,
            Measured = failure?.Measured ?? measured,
            Bound = failure?.Bound ?? bound,
            Column = failure?.Column ?? column,
            Diagnostic = failure,
        };
}
