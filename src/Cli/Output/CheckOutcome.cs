using System.Text.Json;
using ModelGates.Diagnostics;

namespace ModelGates.Cli.Output;

/// <summary>What a checking command found, ready to be printed in any format.</summary>
internal sealed record CheckOutcome(string Command, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Command-specific JSON fields, written before <c>passed</c>.</summary>
    public Action<Utf8JsonWriter>? JsonBody { get; init; }

    /// <summary>Command-specific text (a summary table), written before the diagnostics.</summary>
    public Action<TextWriter>? TextBody { get; init; }

    /// <summary>Command-specific Markdown, for formats that support it.</summary>
    public Action<TextWriter>? MarkdownBody { get; init; }

    public bool Passed => !Diagnostics.Any(d => d.IsError);

    public int ExitCode => Passed ? ExitCodes.Passed : ExitCodes.CheckFailed;
}
