using ModelGates.Cli.Arguments;
using ModelGates.Sources;

namespace ModelGates.Cli.Commands;

/// <summary>
/// The options that declare database connections for data arguments <c>table:CONNECTION.TABLE</c> and
/// <c>sql:CONNECTION:QUERY</c> (docs/cli.md#databases). A connection string is only ever named by its
/// environment variable.
/// </summary>
internal static class ConnectionOptions
{
    public static readonly OptionSpec Connection = new("connection", true, "<name=provider:env:VARIABLE>: a database connection that table:NAME.TABLE and sql:NAME:QUERY data arguments use, its connection string read from the variable (warehouse=postgres:env:MODELGATES_WAREHOUSE); repeatable", Repeatable: true);

    public static readonly OptionSpec Config = new("config", true, "<path>: a modelgates.json whose \"connections\" data arguments may use");

    public static readonly OptionSpec StatementTimeout = new("statement-timeout", true, "<duration>: the longest one database query may run (500ms, 120s, 20m, 1h; default: the connection's, else 300s)");

    public static readonly IReadOnlyList<OptionSpec> Specs = [Connection, Config, StatementTimeout];

    /// <summary>The connections of the command line (<see cref="ConnectionSet.Empty"/> when none is given).</summary>
    public static ConnectionSet From(ParsedArguments args) =>
        args.Values("connection") is { Count: 0 } && args.Value("config") is null && args.Value("statement-timeout") is null
            ? ConnectionSet.Empty
            : ConnectionSet.FromCommandLine(args.Values("connection"), args.Value("config"), args.Value("statement-timeout"));
}
