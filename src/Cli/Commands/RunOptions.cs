using System.Globalization;
using ModelGates.Cli.Arguments;
using ModelGates.Gates;
using ModelGates.Sources;

namespace ModelGates.Cli.Commands;

/// <summary>Gate run options from the environment: the clock (SOURCE_DATE_EPOCH pins it for reproducible reports) and the tool version.</summary>
internal static class RunOptions
{
    public static GateRunOptions Create(Action<string>? progress, ParsedArguments? args = null)
    {
        // --statement-timeout, read as the data commands read it (one message says what a duration looks like).
        var statementTimeout = args?.Value("statement-timeout") is { } timeout ? ConnectionSet.FromCommandLine([], null, timeout).StatementTimeout : null;
        var time = DateTimeOffset.UtcNow;
        if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            time = DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return new GateRunOptions
        {
            Time = time,
            Today = DateOnly.FromDateTime(time.UtcDateTime),
            ToolVersion = ToolVersion.Text,
            Progress = progress,
            StatementTimeout = statementTimeout,
            // --memory-limit overrides the config's "memoryLimit"; absent, the config (or the default) decides.
            MemoryLimit = args?.Value("memory-limit") is { } limit ? Memory.MemoryLimit.Parse(limit) : null,
        };
    }
}
