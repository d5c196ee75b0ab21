using ModelGates.Checks;
using ModelGates.Diagnostics;

namespace ModelGates.Gates;

/// <summary>
/// A gate's severity caps the severity of its checks: the milder of the gate's and the rule's wins, so a
/// gate at <c>warning</c> never fails the build, and a rule at <c>warning</c> stays a warning in an error gate.
/// </summary>
internal static class GateSeverity
{
    /// <summary>The check with its diagnostic's severity capped at <paramref name="gate"/>.</summary>
    public static CheckResult Apply(CheckResult check, Severity gate)
    {
        if (check.Diagnostic is not { } diagnostic)
        {
            return check;
        }

        var severity = (Severity)Math.Min((int)diagnostic.Severity, (int)gate);
        return check with
        {
            Diagnostic = diagnostic with { Severity = severity },
            Status = check.Status is CheckStatus.Failed or CheckStatus.Warned
                ? severity == Severity.Error ? CheckStatus.Failed : CheckStatus.Warned
                : check.Status,
        };
    }
}
