using System.Diagnostics;
using System.Globalization;

namespace ModelGates.Cli.Output;

/// <summary>
/// Progress for long work: phase lines and a percentage on stderr, only when stderr is a terminal
/// and the input is large enough to take a while. Redirected output stays quiet.
/// </summary>
internal sealed class TerminalProgress
{
    /// <summary>Inputs smaller than this finish before progress would help.</summary>
    public const long LargeInputBytes = 32L * 1024 * 1024;

    private readonly TextWriter error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private int lastPercent = -1;

    private TerminalProgress(TextWriter error) => this.error = error;

    /// <summary>A progress writer, or null when progress should stay quiet.</summary>
    public static TerminalProgress? For(CliContext context, long inputBytes) =>
        context.ProgressEnabled && inputBytes >= LargeInputBytes ? new TerminalProgress(context.Error) : null;

    /// <summary>
    /// A progress writer for work whose phases take long whatever the input's size (a model's bootstrap), or null
    /// when progress should stay quiet.
    /// </summary>
    public static TerminalProgress? ForPhases(CliContext context) =>
        context.ProgressEnabled ? new TerminalProgress(context.Error) : null;

    /// <summary>Total size of the files a path or glob names, or 0 when unknown (progress then decides on nothing).</summary>
    public static long SizeOf(string path)
    {
        try
        {
            // A folder of partitions counts its files' bytes.
            return File.Exists(path) ? new FileInfo(path).Length
                : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
                : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public void Phase(string text)
    {
        lock (gate)
        {
            lastPercent = -1;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r[{clock.Elapsed.TotalSeconds,6:0.0}s] {text}"));
        }
    }

    public void Percent(double percent)
    {
        lock (gate)
        {
            var whole = (int)percent;
            if (whole != lastPercent)
            {
                lastPercent = whole;
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r          {whole,3}%"));
            }
        }
    }
}
