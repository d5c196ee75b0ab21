namespace ModelGates.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress to <see cref="Error"/> when it is a terminal.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool progressEnabled)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is an interactive terminal (progress lines are useful there, noise elsewhere).</summary>
    public bool ProgressEnabled { get; } = progressEnabled;
}
