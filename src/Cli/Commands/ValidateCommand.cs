using System.Globalization;
using ModelGates.Cli.Arguments;
using ModelGates.Cli.Output;
using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Inputs;

namespace ModelGates.Cli.Commands;

/// <summary><c>modelgates validate &lt;data&gt; --contract contract.json</c>: check a dataset against a contract.</summary>
internal sealed class ValidateCommand : ICliCommand
{
    public string Name => "validate";

    public string Summary => "Check a dataset against a data contract.";

    public string Usage => "modelgates validate <data> --contract <contract.json> [--format text|json|msbuild] [data options]";

    public string Example => "modelgates validate samples/CreditRisk/data/scoring.csv --contract samples/contracts/credit.contract.json";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("data", "the dataset to check, a file or a glob such as data/*.csv")];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("contract", true, "<path>: the contract to check against (required)"),
        CommonOptions.Format,
        .. DatasetOptions.Specs,
    ];

    public int Run(ParsedArguments args, CliContext context)
    {
        var path = args.Positional(0, "the data path", Usage);
        var format = OutputFormats.From(args);
        var contractPath = args.Required("contract", Usage);
        var contract = ContractReader.Read(contractPath);
        if (DatasetOptions.IsDatabase(path))
        {
            return InDatabase(args, context, path, format, contractPath, contract);
        }

        var source = Merge(contract, DatasetOptions.From(args, path), args);

        var progress = TerminalProgress.For(context, TerminalProgress.SizeOf(path));
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args) };
        if (progress is not null)
        {
            pipeline.Engine.QueryProgress = progress.Percent;
        }

        var table = pipeline.ReadTable(source with { AllText = true });
        var result = ContractValidator.Validate(pipeline.Engine, contract, table.Dataset, source.MaxUnparsedRows);
        var dataset = result.Dataset;
        var outcome = new CheckOutcome("validate", result.Diagnostics)
        {
            JsonBody = w =>
            {
                w.WriteString("contract", contractPath.Replace('\\', '/'));
                w.WriteStartObject("data");
                w.WriteString("path", path.Replace('\\', '/'));
                w.WriteNumber("rows", dataset.Rows);
                w.WriteNumber("columns", dataset.Columns.Count);
                w.WriteNumber("unparsedRows", dataset.Unparsed.Count);
                w.WriteEndObject();
                w.WriteNumber("checks", result.ChecksRun);
            },
            TextBody = o => o.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Validated {path} ({dataset.Rows:N0} rows, {dataset.Columns.Count} columns) against {contractPath}: {result.ChecksRun} checks, {result.Diagnostics.Count} finding(s).")),
        };
        return OutcomePrinter.Print(outcome, format, context.Out);
    }

    /// <summary>A table or query checked inside the database: the same checks, ids and output, only aggregates and example rows sent back.</summary>
    private static int InDatabase(ParsedArguments args, CliContext context, string path, OutputFormat format, string contractPath, DataContract contract)
    {
        var progress = TerminalProgress.ForPhases(context);
        using var pipeline = new InputPipeline(progress is null ? null : progress.Phase) { Connections = ConnectionOptions.From(args) };
        var result = pipeline.ValidateInDatabase(DatasetOptions.From(args, path), contract);
        var outcome = new CheckOutcome("validate", result.Diagnostics)
        {
            JsonBody = w =>
            {
                w.WriteString("contract", contractPath.Replace('\\', '/'));
                w.WriteStartObject("data");
                w.WriteString("path", result.Dataset);
                w.WriteNumber("rows", result.Rows);
                w.WriteNumber("columns", result.Columns);
                w.WriteNumber("unparsedRows", 0);
                w.WriteEndObject();
                w.WriteNumber("checks", result.ChecksRun);
            },
            TextBody = o => o.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Validated {result.Dataset} ({result.Rows:N0} rows, {result.Columns} columns) in the database against {contractPath}: {result.ChecksRun} checks, {result.Diagnostics.Count} finding(s).")),
        };
        return OutcomePrinter.Print(outcome, format, context.Out);
    }

    /// <summary>The contract's read options, overridden by any given on the command line.</summary>
    private static DatasetSource Merge(DataContract contract, DatasetSource fromArgs, ParsedArguments args)
    {
        var given = fromArgs.Csv;
        var read = contract.Read;
        return fromArgs with
        {
            Format = fromArgs.Format != DataFormat.Auto ? fromArgs.Format : contract.Format,
            MaxUnparsedRows = args.Has("max-unparsed-rows") ? fromArgs.MaxUnparsedRows : contract.MaxUnparsedRows,
            Csv = new CsvOptions
            {
                Delimiter = given.Delimiter ?? read.Delimiter,
                Header = given.Header ?? read.Header,
                Quote = given.Quote ?? read.Quote,
                Escape = given.Escape ?? read.Escape,
                NullStrings = given.NullStrings ?? read.NullStrings,
                ColumnTypes = given.ColumnTypes,
                Encoding = given.Encoding ?? read.Encoding,
                Skip = given.Skip ?? read.Skip,
            },
        };
    }
}
