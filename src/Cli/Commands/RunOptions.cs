using System.Globalization;
using ModelGates.Gates;

namespace ModelGates.Cli.Commands;

/// <summary>Gate run options from the environment: the clock (SOURCE_DATE_EPOCH pins it for reproducible reports) and the tool version.</summary>
internal static class RunOptions
{
    public static GateRunOptions Create(Action<string>? progress)
    {
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
        };
    }
}
