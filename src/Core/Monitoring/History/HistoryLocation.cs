namespace ModelGates.Monitoring.History;

/// <summary>
/// Where a monitor's history (its windows and the champion records) lives: a DuckDB file, or tables in a schema of a
/// connection's database (docs/monitoring.md#the-history-in-a-warehouse). Exactly one of <see cref="File"/> and
/// <see cref="Connection"/> is set.
/// </summary>
internal sealed record HistoryLocation
{
    /// <summary>The schema the tables are created in when a connection's history names none.</summary>
    public const string DefaultSchema = "modelgates";

    private HistoryLocation()
    {
    }

    /// <summary>The DuckDB history file (resolved), or null when the history is on a connection.</summary>
    public string? File { get; private init; }

    /// <summary>The connection (declared in <c>connections</c>) whose database holds the history, or null for a file.</summary>
    public string? Connection { get; private init; }

    /// <summary>The schema of the history's tables on <see cref="Connection"/>.</summary>
    public string Schema { get; private init; } = DefaultSchema;

    /// <summary>A history file.</summary>
    public static HistoryLocation AtFile(string path) => new() { File = path ?? throw new ArgumentNullException(nameof(path)) };

    /// <summary>Tables in <paramref name="schema"/> of <paramref name="connection"/>'s database.</summary>
    public static HistoryLocation OnConnection(string connection, string schema) =>
        new() { Connection = connection ?? throw new ArgumentNullException(nameof(connection)), Schema = schema ?? throw new ArgumentNullException(nameof(schema)) };

    /// <summary>
    /// As results show it, the same on every machine: a file relative to <paramref name="baseDirectory"/> with <c>/</c>,
    /// or <c>connection:NAME/SCHEMA</c> (never the connection string).
    /// </summary>
    public string Display(string baseDirectory) => File is { } file
        ? Path.GetRelativePath(baseDirectory, Path.GetFullPath(file)).Replace('\\', '/')
        : $"connection:{Connection}/{Schema}";

    /// <inheritdoc />
    public override string ToString() => File ?? $"connection:{Connection}/{Schema}";
}
