using ModelGates.Cli.Arguments;
using ModelGates.Configuration.Options;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Cli.Commands;

/// <summary>
/// The command-line options of <c>modelgates drift</c> that set how it judges: one per entry of
/// <see cref="DriftOptionTable"/> (<c>--&lt;key kebab-cased&gt;</c>), and <c>--column-&lt;key&gt;</c> for the
/// ones that can be set per column. Reading and checking them is the table's (<see cref="DriftOptionTable.FromCommandLine"/>).
/// </summary>
internal static class DriftOptionSpecs
{
    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        .. DriftOptionTable.All.Where(o => o.ForComparison).Select(o =>
            new OptionSpec(o.CliName, o.Type != OptionType.Flag, $"{o.ValueHint}: {o.Help} (default {o.Default})")),
        .. DriftOptionTable.All.Where(o => o.ForColumn).Select(o =>
            new OptionSpec(o.ColumnCliName, true, $"<column>{(o.Type == OptionType.Flag ? string.Empty : "=" + o.ValueHint)}: {o.ColumnHelp}; repeatable", Repeatable: true)),
    ];
}
