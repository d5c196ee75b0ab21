using System.Globalization;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;

namespace ModelGates.Gates;

/// <summary>
/// Applies the config's waivers: a failing check covered by a waiver that has not expired is reported as
/// waived; an expired waiver over a failing check fails with MG0040; a waiver that covers no failing check
/// is reported as unnecessary (MG0041) so it can be removed.
/// </summary>
internal static class WaiverApplier
{
    /// <summary>The gates with waived checks marked, and the waiver diagnostics to add.</summary>
    public static (IReadOnlyList<GateResult> Gates, IReadOnlyList<Diagnostic> Diagnostics) Apply(GatesConfig config, IReadOnlyList<GateResult> gates, DateOnly today)
    {
        var used = new HashSet<Waiver>();
        var diagnostics = new List<Diagnostic>();
        var result = gates.Select(gate => gate with
        {
            Checks = gate.Checks.Select(check =>
            {
                if (check.Status is not (CheckStatus.Failed or CheckStatus.Warned))
                {
                    return check;
                }

                var waiver = config.Waivers.FirstOrDefault(w => w.Covers(check.Id));
                if (waiver is null)
                {
                    return check;
                }

                used.Add(waiver);
                var until = waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (waiver.Expires < today)
                {
                    diagnostics.Add(At(config, waiver, DiagnosticCatalog.WaiverExpired,
                        $"The waiver of '{check.Id}' expired on {until} and the check still fails: {check.Diagnostic?.Message} Fix the cause, or renew the waiver with a reason."));
                    return check;
                }

                return check with
                {
                    Status = CheckStatus.Waived,
                    Diagnostic = check.Diagnostic! with
                    {
                        Code = DiagnosticCatalog.CheckWaived.Code,
                        Severity = Severity.Info,
                        Message = $"Waived until {until} ({waiver.Reason}): [{check.Diagnostic.Code}] {check.Diagnostic.Message}",
                    },
                };
            }).ToList(),
        }).ToList();

        foreach (var waiver in config.Waivers.Where(w => !used.Contains(w)))
        {
            diagnostics.Add(At(config, waiver, DiagnosticCatalog.WaiverUnnecessary,
                $"The waiver of '{waiver.Check}' matches no failing check; remove it."));
        }

        return (result, diagnostics);
    }

    private static Diagnostic At(GatesConfig config, Waiver waiver, DiagnosticDescriptor descriptor, string message) =>
        descriptor.Create(message) with { File = config.File, Line = waiver.Position.Line, SourceColumn = waiver.Position.Column, Check = waiver.Check };
}
