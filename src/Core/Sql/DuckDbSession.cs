using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql.Dialects;

namespace ModelGates.Sql;

/// <summary>
/// Pushdown over the embedded DuckDB: the tables and views of a <see cref="DataEngine"/> (a run's engine, or a
/// database file opened read-only), queried through the same <see cref="SqlSession"/> seam as a server. Tests
/// use it to hold a pushed-down profile or drift gate to the file path on the same rows.
/// </summary>
internal sealed class DuckDbSession : SqlSession
{
    private readonly bool ownsEngine;

    /// <summary>A session over tables already in <paramref name="engine"/>; the engine stays the caller's.</summary>
    public DuckDbSession(DataEngine engine)
        : this(engine, ownsEngine: false)
    {
    }

    private DuckDbSession(DataEngine engine, bool ownsEngine)
    {
        Engine = engine;
        this.ownsEngine = ownsEngine;
    }

    /// <summary>The engine queried.</summary>
    public DataEngine Engine { get; }

    public override string Provider => "duckdb";

    public override ISqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Opens a DuckDB database file read-only (the session owns and closes it).</summary>
    /// <exception cref="DataReadException">The file does not exist or is not a DuckDB database (MG0101, MG0110).</exception>
    public static DuckDbSession Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataReadException(DiagnosticCatalog.DataNotFound.Create($"DuckDB database '{PathDisplay.For(path)}' does not exist.") with { File = path });
        }

        try
        {
            return new DuckDbSession(DataEngine.OpenFile(path), ownsEngine: true);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new DataReadException(DiagnosticCatalog.DataUnreadable.Create($"DuckDB database '{PathDisplay.For(path)}' cannot be opened: {e.Message}") with { File = path });
        }
    }

    public override IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue)
    {
        var rows = new List<object?[]>();
        try
        {
            Engine.Query(sql, r =>
            {
                if (rows.Count < maxRows)
                {
                    rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray());
                }
            });
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new DataReadException(DiagnosticCatalog.PushdownQueryFailed.Create($"DuckDB rejected a pushdown query: {FirstLine(e.Message)}"));
        }

        return rows;
    }

    public override IReadOnlyList<SqlColumn> Columns(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return Query($"DESCRIBE SELECT * FROM {relation}").Select(r => new SqlColumn((string)r[0]!, (string)r[1]!)).ToList();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsEngine)
        {
            Engine.Dispose();
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
