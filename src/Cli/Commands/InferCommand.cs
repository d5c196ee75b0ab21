using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Output;
using ModelGates.Profiles;
using ModelGates.Reports;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates infer &lt;data&gt; [-o contract.json]</c>: infer a data contract from a dataset.</summary>
internal sealed class InferCommand : ICliCommand
{
    public string Name => "infer";

    public string Summary => "Infer a data contract (types, budgets, ranges, domains, keys) from a dataset.";

    public string Usage => "modelgates infer <data> [-o contract.json] [data options]";

    public string Example => "modelgates infer samples/CreditRisk/data/train.csv -o credit.contract.json";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("data", "the dataset to read, a file or a glob such as data/*.csv")];

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Output, CommonOptions.Format, .. DatasetOptions.Specs];

    public int Run(ParsedArguments args, CliContext context)
    {
        var path = args.Positional(0, "the data path", Usage);
        var source = DatasetOptions.From(args, path);
        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(path));
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args) };
        var engine = pipeline.Engine;
        if (progress is not null)
        {
            engine.QueryProgress = progress.Percent;
        }

        var table = pipeline.ReadTable(source);
        var dataset = table.Dataset;
        if (table.Unparsed is { } unparsed)
        {
            if (unparsed.IsError)
            {
                throw new ModelGatesException([unparsed], ExitCodes.CheckFailed);
            }

            context.Error.WriteLine(DiagnosticFormatter.ToText(unparsed));
        }

        var profile = ProfileBuilder.Build(engine, dataset, progress: progress is null ? null : progress.Phase);
        var contract = ContractInference.Infer(engine, dataset, profile) with
        {
            Read = source.Csv,
            MaxUnparsedRows = source.MaxUnparsedRows,
        };
        var bytes = ContractJsonWriter.Write(contract);
        if (args.Value("output") is { } output)
        {
            AtomicFile.Write(output, bytes);
            context.Error.WriteLine($"Inferred a contract for {contract.Columns.Count} columns of {path} into {output}");
        }
        else
        {
            context.Out.Write(System.Text.Encoding.UTF8.GetString(bytes));
        }

        return ExitCodes.Passed;
    }
}
