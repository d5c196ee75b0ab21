using ModelGates.Diagnostics;
using ModelGates.Gates;

namespace ModelGates.Reports;

public static partial class GateReportJson
{
    /// <summary>
    /// The report as the result and the HTML report show it: the config as its file name, and every path (inputs,
    /// diagnostics and their examples, facts that are paths, drift sides) relative to the config's folder with
    /// forward slashes. A report read back from a result is already in this form and comes back unchanged.
    /// </summary>
    internal static GateReport Relativize(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = Path.GetDirectoryName(Path.GetFullPath(report.ConfigFile))!;
        return report with
        {
            ConfigFile = Path.GetFileName(report.ConfigFile),
            Inputs = report.Inputs.Select(i => i with { Path = Relative(root, i.Path) }).ToList(),
            Diagnostics = report.Diagnostics.Select(d => Relativize(d, root)).ToList(),
            Gates = report.Gates.Select(g => Relativize(g, root)).ToList(),
        };
    }

    /// <summary>The diagnostic with its file and its examples' files relative to <paramref name="root"/>.</summary>
    internal static Diagnostic Relativize(Diagnostic diagnostic, string root) => diagnostic with
    {
        File = diagnostic.File is null ? null : Relative(root, diagnostic.File),
        Examples = diagnostic.Examples.Select(e => e with { File = e.File is null ? null : Relative(root, e.File) }).ToList(),
    };

    /// <summary>A path relative to the config's folder, with forward slashes (a relative path stays as it is).</summary>
    internal static string Relative(string root, string path) =>
        (Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path).Replace('\\', '/');

    private static GateResult Relativize(GateResult gate, string root) => gate with
    {
        Facts = gate.Facts.Select(f => Path.IsPathRooted(f.Value) ? new KeyValuePair<string, string>(f.Key, Relative(root, f.Value)) : f).ToList(),
        Checks = gate.Checks.Select(c => c.Diagnostic is { } d ? c with { Diagnostic = Relativize(d, root) } : c).ToList(),
        Notes = gate.Notes.Select(d => Relativize(d, root)).ToList(),
        Details = gate.Details is DriftGateDetails drift
            ? drift with
            {
                Reference = drift.Reference with { Path = Relative(root, drift.Reference.Path) },
                Current = drift.Current with { Path = Relative(root, drift.Current.Path) },
            }
            : gate.Details,
    };
}
