using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>A data contract: what a dataset must look like (docs/contracts.md, schema/contract.schema.json).</summary>
public sealed record DataContract
{
    /// <summary>The contract schema version this tool reads and writes.</summary>
    internal const int CurrentSchemaVersion = 1;

    /// <summary>The contract file (for diagnostics), or null for a contract built in memory.</summary>
    public string? File { get; init; }

    /// <summary>The declared columns, in file order.</summary>
    public IReadOnlyList<ColumnContract> Columns { get; init; } = [];

    /// <summary>Whether columns the contract does not declare are allowed (default false; MG2003).</summary>
    public bool AllowUnexpectedColumns { get; init; }

    /// <summary>Fewest rows allowed (MG2011).</summary>
    public long? MinRows { get; init; }

    /// <summary>Most rows allowed (MG2011).</summary>
    public long? MaxRows { get; init; }

    /// <summary>Rows that may fail to parse before the check fails (default 0; MG2001).</summary>
    public long MaxUnparsedRows { get; init; }

    /// <summary>Sets of columns whose combined values must be unique (MG2010).</summary>
    public IReadOnlyList<UniqueKey> UniqueKeys { get; init; } = [];

    /// <summary>Custom SQL checks (MG2012).</summary>
    public IReadOnlyList<SqlCheck> Checks { get; init; } = [];

    /// <summary>How to read the data, when the sniffer needs help.</summary>
    public CsvOptions Read { get; init; } = new();

    /// <summary>The data format, when the extension does not tell.</summary>
    public DataFormat Format { get; init; } = DataFormat.Auto;

    /// <summary>Where the top-level keys were written.</summary>
    public IReadOnlyDictionary<string, SourcePosition> KeyPositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>The position of a top-level key, or the start of the file.</summary>
    internal SourcePosition PositionOf(string key) => KeyPositions.TryGetValue(key, out var p) ? p : new SourcePosition(1, 1);

    /// <summary>The declared column of that name, or null.</summary>
    internal ColumnContract? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>Columns whose combined values must be unique.</summary>
/// <param name="Columns">The key columns.</param>
/// <param name="Position">Where the key is declared.</param>
public sealed record UniqueKey(IReadOnlyList<string> Columns, SourcePosition Position);

/// <summary>
/// A custom check in SQL over the typed rows: either an aggregate that must be true
/// (<c>"sql": "count(*) filter (where Amount &lt; 0) = 0"</c>) or a row predicate every row must satisfy
/// (<c>"row": "Amount &lt;= Price * 2"</c>), whose failing rows are listed as examples.
/// </summary>
/// <param name="Name">A name for the check, shown in diagnostics and test names.</param>
/// <param name="Sql">The aggregate boolean expression, or null.</param>
/// <param name="Row">The row predicate, or null.</param>
/// <param name="Severity">How much a failure matters.</param>
/// <param name="Position">Where the check is declared.</param>
public sealed record SqlCheck(string Name, string? Sql, string? Row, Severity Severity, SourcePosition Position);
