using ModelGates.Cli.Arguments;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;

namespace ModelGates.Cli.Commands;

/// <summary>The options that say how to read a dataset, shared by every command that reads one.</summary>
internal static class DatasetOptions
{
    public static readonly IReadOnlyList<OptionSpec> Specs =
    [
        new("data-format", true, "csv|tsv|parquet|jsonl: the data format (default: from the extension)"),
        new("delimiter", true, "<char>: CSV field delimiter, e.g. ';' or '\\t' (default: sniffed)"),
        new("header", true, "true|false: whether the first CSV line is a header (default: sniffed)"),
        new("quote", true, "<char>: CSV quote character (default: sniffed)"),
        new("escape", true, "<char>: CSV escape character (default: sniffed)"),
        new("null", true, "<text>: a string read as missing; repeatable (default: the empty field)", Repeatable: true),
        new("type", true, "<column>=<TYPE>: declare a column's type (BIGINT, DOUBLE, VARCHAR, DATE, ...); repeatable", Repeatable: true),
        new("encoding", true, "utf-8|utf-16|latin-1: text encoding (default utf-8)"),
        new("skip", true, "<n>: lines to skip before the header"),
        new("max-unparsed-rows", true, "<n>: rows that fail to parse before the check fails (default 0)"),
        .. ConnectionOptions.Specs,
        new("partition", true, "<key><op><value>: for data in key=value folders, read only the partitions where the condition holds (=, !=, <, <=, >, >=, or 'key in (a, b)'); repeatable, all must hold", Repeatable: true),
    ];

    /// <summary>The option that chooses the partitions of the reference data (drift).</summary>
    public static readonly OptionSpec ReferencePartition =
        new("reference-partition", true, "<key><op><value>: as --partition, for the reference data; repeatable", Repeatable: true);

    /// <summary>The option that says where profiles of single partitions are kept.</summary>
    public static readonly OptionSpec PartitionCache =
        new("partition-cache", true, "<dir>: where profiles of single partitions are stored and reused (default .modelgates/partitions)");

    /// <summary>
    /// The dataset a data argument names: a database's table or query (<c>table:</c>, <c>sql:</c>) over the
    /// command line's connections, or a file or glob read with the options given.
    /// </summary>
    public static DatasetSource From(ParsedArguments args, string path, string partitionOption = "partition")
    {
        if (IsDatabase(path))
        {
            return ConnectionOptions.From(args).DataArgument(path)!;
        }

        var format = args.Value("data-format") is null
            ? DataFormat.Auto
            : args.Choice("data-format", "csv", "csv", "tsv", "parquet", "jsonl") switch
            {
                "parquet" => DataFormat.Parquet,
                "jsonl" => DataFormat.JsonLines,
                _ => DataFormat.Csv,
            };
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in args.Values("type"))
        {
            var eq = declaration.LastIndexOf('=');
            if (eq <= 0 || eq == declaration.Length - 1)
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--type must look like <column>=<TYPE>, not '{declaration}'."));
            }

            types[declaration[..eq]] = declaration[(eq + 1)..].ToUpperInvariant();
        }

        var header = args.Value("header") switch
        {
            null => (bool?)null,
            "true" => true,
            "false" => false,
            var other => throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--header must be true or false, not '{other}'.")),
        };

        return new DatasetSource(path)
        {
            Partitions = args.Values(partitionOption) is { Count: > 0 } conditions ? PartitionFilter.Parse(conditions) : null,
            Format = format,
            MaxUnparsedRows = args.Integer("max-unparsed-rows", min: 0) ?? 0,
            Csv = new CsvOptions
            {
                Delimiter = Unescape(args.Value("delimiter") ?? (args.Value("data-format") == "tsv" ? "\\t" : null)),
                Header = header,
                Quote = args.Value("quote"),
                Escape = args.Value("escape"),
                NullStrings = args.Values("null") is { Count: > 0 } nulls ? nulls : null,
                ColumnTypes = types.Count > 0 ? types : null,
                Encoding = args.Value("encoding"),
                Skip = (int?)args.Integer("skip", min: 0),
            },
        };
    }

    /// <summary>True for a database data argument: <c>table:CONNECTION.TABLE</c> or <c>sql:CONNECTION:QUERY</c>.</summary>
    public static bool IsDatabase(string path) =>
        path.StartsWith("table:", StringComparison.Ordinal) || path.StartsWith("sql:", StringComparison.Ordinal);

    private static string? Unescape(string? text) => text switch
    {
        null => null,
        "\\t" or "tab" => "\t",
        _ => text,
    };
}
