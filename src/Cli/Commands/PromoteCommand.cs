using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Promotion;

namespace ModelGates.Cli.Commands;

/// <summary>
/// <c>modelgates promote</c>: champion and challenger (docs/promotion.md). Both models are scored on the gate's frozen
/// holdout (and the newest labelled window); the challenger replaces the champion only if every rule passes. Exit 0
/// promoted, 1 refused (each rule its own MG code), 2 usage, 3 unreadable data, model or history.
/// </summary>
internal sealed class PromoteCommand : ICliCommand
{
    public string Name => "promote";

    public string Summary => "Champion and challenger: promote a challenger model only if it passes the gates and is not worse than the champion.";

    public string Usage => "modelgates promote --challenger <model.zip> [--config modelgates.json] [--gate <name>] [--window <data>] [--metric <id>] [--margin <value>] [--history <file>] [--format text|json|msbuild]";

    public string Example => "modelgates promote --config samples/CreditRisk/modelgates.drifted.json --gate credit-risk --challenger samples/CreditRisk/model/credit-risk.zip";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("challenger", true, "<model.zip>: the challenger model (required); on promotion it is copied over the gate's model"),
        new("config", true, "<path>: the config file (default: modelgates.json in the current folder)"),
        new("gate", true, "<name>: the model gate to promote into (needed when the config has several)"),
        new("window", true, "<data>: the newest labelled window: both models are also scored and judged on it, and the data gates check it (default: the newest window with labels of the monitor whose model is the gate)"),
        new("metric", true, "<id>: the metric the paired bootstrap compares (default: the gate's promotion.metric, else its first bounded metric)"),
        new("margin", true, "<value>: how much worse the lower bound of challenger - champion may be (default: the gate's promotion.margin, else 0)"),
        new("history", true, "<file>: the history file that receives the champion record (default: the history of the monitor that watches the gate, else .modelgates/history.duckdb beside the config)"),
        CommonOptions.Format,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var format = OutputFormats.From(args);
        var challenger = args.Required("challenger", Usage);
        var margin = args.Number("margin");
        var config = GatesConfigReader.Read(args.Value("config") ?? GatesConfigReader.DefaultFileName);
        var progress = TerminalProgress.ForPhases(context);
        var options = RunOptions.Create(null);
        var result = ChampionPromotion.Promote(config, new PromotionRequest
        {
            Challenger = challenger,
            Gate = args.Value("gate"),
            Window = args.Value("window"),
            Metric = args.Value("metric"),
            Margin = margin,
            History = args.Value("history") is { } history ? Path.GetFullPath(history) : null,
            Time = options.Time,
            ToolVersion = options.ToolVersion,
            Progress = progress is null ? null : progress.Phase,
        });
        var outcome = new CheckOutcome("promote", result.Diagnostics)
        {
            JsonBody = result.WriteJson,
            TextBody = result.WriteText,
        };
        OutcomePrinter.Print(outcome, format, context.Out);
        return result.Promoted ? ExitCodes.Passed : ExitCodes.CheckFailed;
    }
}
