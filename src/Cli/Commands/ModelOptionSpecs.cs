using ModelGates.Cli.Arguments;
using ModelGates.Configuration.Options;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Options;

namespace ModelGates.Cli.Commands;

/// <summary>
/// The command-line options of <c>modelgates evaluate</c> that set how a model is judged: one per entry of
/// <see cref="ModelOptionTable"/> (<c>--&lt;key kebab-cased&gt;</c>). Reading and checking them is the table's
/// (<see cref="ModelOptionTable.FromCommandLine"/>).
/// </summary>
internal static class ModelOptionSpecs
{
    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        .. ModelOptionTable.All.Select(o => new OptionSpec(
            o.CliName,
            o.Type != OptionType.Flag,
            $"{(o.Type == OptionType.Flag ? string.Empty : o.ValueHint + ": ")}{Tasks(o)}{o.Help} (default {o.Default})")),
    ];

    private static string Tasks(ModelOption option) =>
        option.Tasks.Count == 0 ? string.Empty : string.Join(", ", option.Tasks.Select(TaskText.ToText)) + ": ";
}
