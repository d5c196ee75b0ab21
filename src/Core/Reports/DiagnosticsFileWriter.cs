using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Output;
using ModelGates.Shared;

namespace ModelGates.Reports;

/// <summary>
/// Writes the diagnostics of a run for the MSBuild task (<c>--diagnostics-file</c>): tab-separated fields in
/// the format of <c>SharedConstants.DiagnosticsFile</c>, which the task reads with the same code, so nothing
/// is parsed out of screen text. Written atomically, so the task never reads half a file.
/// </summary>
public static class DiagnosticsFileWriter
{
    /// <summary>Writes <paramref name="diagnostics"/> to <paramref name="path"/>, in order.</summary>
    /// <exception cref="OutputException">The file cannot be written (MG0020).</exception>
    public static void Write(string path, IEnumerable<Diagnostic> diagnostics) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(Sources.SecretMask.Mask(Render(diagnostics))));

    /// <summary>The file's text.</summary>
    internal static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append(SharedConstants.DiagnosticsFile.Header).Append('\n');
        text.Append(SharedConstants.DiagnosticsFile.FieldLine).Append('\n');
        foreach (var d in diagnostics)
        {
            text.Append(SharedConstants.DiagnosticsFile.FormatLine(
            [
                d.Severity.ToText(),
                d.Code,
                d.File is null ? null : FullPath(d.File),
                d.Line?.ToString(CultureInfo.InvariantCulture),
                d.SourceColumn?.ToString(CultureInfo.InvariantCulture),
                d.Message,
                DiagnosticCatalog.Find(d.Code)?.HelpLink ?? SharedConstants.HelpLinks.ForDiagnostic(d.Code),
            ])).Append('\n');
        }

        return text.ToString();
    }

    // The task may run the engine in another folder than MSBuild's; a full path names the file either way.
    private static string FullPath(string file)
    {
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }
}
