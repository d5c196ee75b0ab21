using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;

namespace ModelGates.Sources;

/// <summary>
/// The command line's spelling of connections and database datasets (docs/cli.md#databases):
/// <c>--connection warehouse=postgres:env:MODELGATES_WAREHOUSE</c>, <c>table:warehouse.public.applications</c>,
/// <c>sql:warehouse:select * from applications</c>. The same rules as modelgates.json: <c>env:</c> only.
/// </summary>
internal static class CommandLineConnections
{
    /// <summary>The prefix of a table argument.</summary>
    public const string TablePrefix = "table:";

    /// <summary>The prefix of a query argument.</summary>
    public const string QueryPrefix = "sql:";

    /// <summary>Reads the connections of a command line.</summary>
    public static ConnectionSet Read(IReadOnlyList<string> options, string? configFile, string? statementTimeout)
    {
        var declarations = new List<ConnectionDeclaration>();
        if (configFile is not null)
        {
            declarations.AddRange(ConnectionsConfigReader.ReadFile(configFile));
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var option in options)
        {
            if (Parse(option, diagnostics) is { } declaration)
            {
                declarations.Add(declaration);
            }
        }

        TimeSpan? timeout = null;
        if (statementTimeout is not null && (timeout = Duration.TryParse(statementTimeout)) is null)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidOptionValue.Create($"--statement-timeout must be {Duration.Expected}, not '{statementTimeout}'."));
        }

        return diagnostics.Count > 0 ? throw new ConfigurationException(diagnostics) : new ConnectionSet(declarations, timeout);
    }

    /// <summary>A database data argument as a dataset source, or null when it is not one.</summary>
    public static DatasetSource? DataArgument(ConnectionSet connections, string argument)
    {
        string connection;
        DatabaseSource source;
        if (argument.StartsWith(TablePrefix, StringComparison.Ordinal))
        {
            var rest = argument[TablePrefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == rest.Length - 1 || rest[(dot + 1)..].Count(c => c == '.') > 1)
            {
                throw Usage($"A table argument is table:CONNECTION.TABLE or table:CONNECTION.SCHEMA.TABLE (table:warehouse.public.applications), not '{argument}'.");
            }

            connection = rest[..dot];
            source = new DatabaseSource(connection, rest[(dot + 1)..], null);
        }
        else if (argument.StartsWith(QueryPrefix, StringComparison.Ordinal))
        {
            var rest = argument[QueryPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || string.IsNullOrWhiteSpace(rest[(colon + 1)..]))
            {
                throw Usage($"A query argument is sql:CONNECTION:QUERY (sql:warehouse:select * from applications), not '{argument}'.");
            }

            connection = rest[..colon];
            source = new DatabaseSource(connection, null, rest[(colon + 1)..].Trim());
        }
        else
        {
            return null;
        }

        connections.Get(connection);
        return DatasetSource.For(source);
    }

    /// <summary>One <c>--connection NAME=PROVIDER:env:VARIABLE</c>.</summary>
    private static ConnectionDeclaration? Parse(string option, List<Diagnostic> diagnostics)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        var colon = equals < 0 ? -1 : option.IndexOf(':', equals + 1);
        if (equals <= 0 || colon < 0)
        {
            // Never echo the value: it may be a connection string pasted where the reference belongs.
            SecretMask.RegisterConnectionString(option);
            diagnostics.Add(DiagnosticCatalog.InvalidOptionValue.Create("--connection must look like NAME=PROVIDER:env:VARIABLE (warehouse=postgres:env:MODELGATES_WAREHOUSE)."));
            return null;
        }

        var name = option[..equals];
        var provider = option[(equals + 1)..colon];
        var reference = option[(colon + 1)..];
        if (!SqlProviders.IsKnown(provider))
        {
            SecretMask.RegisterConnectionString(reference);
            diagnostics.Add(DiagnosticCatalog.UnknownProvider.Create($"--connection {name}: the provider '{provider}' is not known; the providers are: {string.Join(", ", SqlProviders.Names)}."));
            return null;
        }

        if (ConnectionStringReference.Variable(reference) is not { } variable)
        {
            diagnostics.Add(DiagnosticCatalog.ConnectionStringNotFromEnvironment.Create(ConnectionStringReference.NotAReference(name, reference)));
            return null;
        }

        if (!ConnectionStringReference.IsSet(variable))
        {
            diagnostics.Add(ConnectionStringReference.Missing(name, variable));
            return null;
        }

        return new ConnectionDeclaration(name, provider, variable);
    }

    private static ConfigurationException Usage(string message) => new([DiagnosticCatalog.InvalidOptionValue.Create(message)]);
}
