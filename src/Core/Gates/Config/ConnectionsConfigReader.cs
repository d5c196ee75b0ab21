using System.Text.RegularExpressions;
using ModelGates.Configuration.Json;
using ModelGates.Diagnostics;
using ModelGates.Sources;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads the <c>"connections"</c> of modelgates.json and the datasets that live in a database
/// (<c>"connection"</c> with <c>"table"</c> or <c>"query"</c>). A connection string must be <c>env:NAME</c>
/// (MG0035 otherwise, never repeating the value), and that variable must be set (MG0036).
/// </summary>
internal static partial class ConnectionsConfigReader
{
    /// <summary>The keys that make a dataset a database dataset.</summary>
    public static readonly IReadOnlyList<string> DatabaseKeys = ["connection", "table", "query"];

    /// <summary>The keys only a file dataset has.</summary>
    private static readonly string[] FileKeys = ["path", "read", "format", "maxUnparsedRows", "partitions"];

    /// <summary>Reads only the <c>connections</c> of a config file (for the command line's <c>--config</c>).</summary>
    /// <exception cref="ConfigurationException">The file is missing, not JSON, or its connections are wrong.</exception>
    public static List<ConnectionDeclaration> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Config '{path}' does not exist.") with { File = path });
        }

        var root = ConfigJsonParser.Parse(File.ReadAllText(path), path, out var syntax) ?? throw new ConfigurationException(syntax!);
        var r = new ConfigReader(path);
        var connections = r.AsObject(root, "the config") is { } obj ? Read(r, obj) : [];
        return r.HasErrors ? throw new ConfigurationException(r.Diagnostics) : connections;
    }

    /// <summary>Reads the <c>connections</c> section.</summary>
    public static List<ConnectionDeclaration> Read(ConfigReader r, ConfigObject root)
    {
        var connections = new List<ConnectionDeclaration>();
        if (r.Property<ConfigObject>(root, "connections", "an object mapping names to connections", required: false) is not { } section)
        {
            return connections;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in section.Properties)
        {
            if (!seen.Add(property.Name))
            {
                r.Report(DiagnosticCatalog.InvalidValue, property.NamePosition, $"'{property.Name}' is declared twice in 'connections'.");
                continue;
            }

            if (r.AsObject(property.Value, $"'connections.{property.Name}'") is { } o && Connection(r, property.Name, property.NamePosition, o) is { } connection)
            {
                connections.Add(connection);
            }
        }

        return connections;
    }

    /// <summary>Reads a dataset that names a connection; null (reported) when it is wrong.</summary>
    public static DatasetDeclaration? Dataset(ConfigReader r, IReadOnlyList<ConnectionDeclaration> connections, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"dataset '{name}'", [.. ConfigKeys.Dataset.Accepted]);
        r.String(o, "description");
        var connection = r.String(o, "connection");
        var table = r.String(o, "table");
        var query = r.String(o, "query");
        var valid = true;
        if (o.Find("connection") is null)
        {
            var key = o.Find("table") is not null ? "table" : "query";
            r.Report(DiagnosticCatalog.InvalidDatabaseDataset, o.Find(key)!.NamePosition, $"Dataset '{name}' has '{key}' but no 'connection': name the connection (declared in 'connections') it reads from.");
            valid = false;
        }
        else if (connection is not null && !connections.Any(c => c.Name == connection))
        {
            r.Report(DiagnosticCatalog.UnknownConnection, o.Find("connection")!.Value.Position, $"Dataset '{name}': {ConnectionSet.Unknown(connection, [.. connections.Select(c => c.Name)]).Message}");
            valid = false;
        }

        if ((o.Find("table") is null) == (o.Find("query") is null))
        {
            r.Report(DiagnosticCatalog.InvalidDatabaseDataset, o.Position, o.Find("table") is null
                ? $"Dataset '{name}' reads from connection '{connection}' and needs 'table' (schema.name) or 'query' (a select)."
                : $"Dataset '{name}' has both 'table' and 'query'; give one of them.");
            valid = false;
        }

        foreach (var key in FileKeys.Where(k => o.Find(k) is not null))
        {
            r.Report(DiagnosticCatalog.InvalidDatabaseDataset, o.Find(key)!.NamePosition, $"Dataset '{name}' reads from a database; '{key}' is an option of file datasets.");
            valid = false;
        }

        if (table is not null && !TableName().IsMatch(table))
        {
            r.Report(DiagnosticCatalog.InvalidDatabaseDataset, o.Find("table")!.Value.Position, $"Dataset '{name}': 'table' must be 'name' or 'schema.name', not '{table}'.");
            valid = false;
        }

        if (query is not null && string.IsNullOrWhiteSpace(query))
        {
            r.Report(DiagnosticCatalog.InvalidDatabaseDataset, o.Find("query")!.Value.Position, $"Dataset '{name}': 'query' is empty.");
            valid = false;
        }

        if (!valid || connection is null || (table is null && query is null))
        {
            return null;
        }

        var source = new DatabaseSource(connection, table, query) { Location = new SourceLocation(r.File, position.Line, position.Column) };
        return new DatasetDeclaration(name, source.Display, position) { Database = source };
    }

    /// <summary>True when a dataset declaration names a connection, a table or a query.</summary>
    public static bool IsDatabase(ConfigObject o) => DatabaseKeys.Any(k => o.Find(k) is not null);

    private static ConnectionDeclaration? Connection(ConfigReader r, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"connection '{name}'", [.. ConfigKeys.Connection.Accepted]);
        r.String(o, "description");
        var provider = r.String(o, "provider", required: true);
        if (provider is not null && !SqlProviders.IsKnown(provider))
        {
            var suggestion = DidYouMean.Suggest(provider, SqlProviders.Names);
            r.Report(DiagnosticCatalog.UnknownProvider, o.Find("provider")!.Value.Position,
                $"Connection '{name}' has provider '{provider}'; the providers are: {string.Join(", ", SqlProviders.Names)}.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            provider = null;
        }

        string? variable = null;
        var text = r.String(o, "connectionString", required: true);
        if (text is not null)
        {
            var node = o.Find("connectionString")!.Value;
            variable = ConnectionStringReference.Variable(text);
            if (variable is null)
            {
                r.Report(DiagnosticCatalog.ConnectionStringNotFromEnvironment, node.Position, ConnectionStringReference.NotAReference(name, text));
            }
            else if (!ConnectionStringReference.IsSet(variable))
            {
                r.Report(DiagnosticCatalog.ConnectionVariableMissing, node.Position, ConnectionStringReference.Missing(name, variable).Message);
            }
        }

        TimeSpan? timeout = null;
        if (r.String(o, "statementTimeout") is { } timeoutText)
        {
            timeout = Duration.TryParse(timeoutText);
            if (timeout is null)
            {
                r.Invalid(o.Find("statementTimeout")!.Value, $"'statementTimeout' of connection '{name}' must be {Duration.Expected}, not '{timeoutText}'.");
            }
        }

        return provider is null || variable is null
            ? null
            : new ConnectionDeclaration(name, provider, variable) { StatementTimeout = timeout, Location = new SourceLocation(r.File, position.Line, position.Column) };
    }

    // name or schema.name; each part any characters but a dot (the dialect quotes them).
    [GeneratedRegex(@"^[^.\s][^.]*(\.[^.\s][^.]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
