using System.Data.Common;
using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.History;

/// <summary>
/// The monitoring history in a DuckDB file (see <see cref="FileHistory"/>) (default <c>.modelgates/history.duckdb</c> beside the config) holding every
/// window a monitor judged, keyed by monitor and window, and read by the promote flow's <c>champions</c> table
/// (docs/monitoring.md#the-history). Every write is one transaction, so a run killed midway leaves each window either
/// as it was or as it is now, never half-written; a rerun then recomputes only what changed.
/// </summary>
internal sealed class HistoryStore : IDisposable
{
    /// <summary>The version of the monitor's tables this tool writes (files and connections alike).</summary>
    /// Version 2 added <c>monitor_inputs</c> (a monitor's record of its input files); a version-1 history gains the
    /// table when opened and is then version 2.
    internal const int SchemaVersion = 2;

    private const string InputsTable = """
        create table if not exists monitor_inputs (
          monitor      VARCHAR   NOT NULL PRIMARY KEY,
          state        VARCHAR   NOT NULL,  -- the input files as JSON; empty: invalidated
          computed_at  TIMESTAMP NOT NULL   -- UTC
        )
        """;

    private const string WindowsTable = """
        create table if not exists monitor_windows (
          monitor        VARCHAR   NOT NULL,
          window_key     VARCHAR   NOT NULL,
          window_start   TIMESTAMP NOT NULL,  -- UTC
          window_end     TIMESTAMP NOT NULL,  -- UTC, exclusive
          data_hash      VARCHAR   NOT NULL,
          rows           BIGINT    NOT NULL,
          labelled_rows  BIGINT    NOT NULL,
          status         VARCHAR   NOT NULL,  -- ok | breach | insufficient
          record         VARCHAR   NOT NULL,  -- the whole window record as JSON
          computed_at    TIMESTAMP NOT NULL,  -- UTC
          PRIMARY KEY (monitor, window_key)
        )
        """;

    private readonly DuckDBConnection connection;

    private HistoryStore(string path, DuckDBConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    /// <summary>The history file.</summary>
    public string Path { get; }

    /// <summary>For tests: runs between a window's delete and its insert, inside the transaction (a crash there must roll back).</summary>
    internal Action<WindowRecord>? BetweenStatements { get; set; }

    /// <summary>Opens (creating when missing) the history at <paramref name="path"/> and makes sure the monitor's tables exist.</summary>
    /// <exception cref="DataReadException">The file cannot be opened or is not a history (MG6006, exit code 3).</exception>
    public static HistoryStore Open(string path)
    {
        DuckDBConnection? connection = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            connection = new DuckDBConnection($"Data Source={path}");
            connection.Open();
            var store = new HistoryStore(path, connection);
            store.Execute(WindowsTable);
            store.Execute(InputsTable);
            store.Execute("create table if not exists monitor_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            var version = store.Scalar("select value from monitor_meta where key = 'schemaVersion'", []);
            if (version is null)
            {
                store.Execute($"insert into monitor_meta values ('schemaVersion', '{SchemaVersion}')");
            }
            else if (string.Equals(version.ToString(), "1", StringComparison.Ordinal))
            {
                // Version 1 lacked monitor_inputs, created above: the file is version 2 now, its windows untouched.
                store.Execute($"update monitor_meta set value = '{SchemaVersion}' where key = 'schemaVersion'");
            }
            else if (!string.Equals(version.ToString(), SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                throw Unusable(path, $"its monitor tables are of schema version {version}; this tool reads version {SchemaVersion}.");
            }

            return store;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw Unusable(path, e.Message.Split('\n')[0]);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Every window of <paramref name="monitor"/>, in time order.</summary>
    public IReadOnlyList<WindowRecord> Windows(string monitor) => Guarded(() => ReadWindows(monitor));

    private List<WindowRecord> ReadWindows(string monitor)
    {
        var records = new List<WindowRecord>();
        Query("select record from monitor_windows where monitor = ? order by window_start, window_key", [monitor], r =>
        {
            try
            {
                records.Add(WindowRecordJson.Read(r.GetString(0)));
            }
            catch (FormatException e)
            {
                throw Unusable(Path, $"a window record of monitor '{monitor}' cannot be read: {e.Message}");
            }
        });
        return records;
    }

    /// <summary>Writes (or replaces) one window's record in one transaction.</summary>
    /// <exception cref="DataReadException">The write failed (MG6006); the window keeps its previous record.</exception>
    public void Save(string monitor, WindowRecord window, DateTime computedAt)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            Execute("delete from monitor_windows where monitor = ? and window_key = ?", [monitor, window.Key]);
            BetweenStatements?.Invoke(window);
            Execute(
                "insert into monitor_windows values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [monitor, window.Key, window.Start, window.End, window.Hash, window.Rows, window.LabelledRows, window.Status, WindowRecordJson.ToText(window), computedAt]);
            transaction.Commit();
        }
        catch (DbException e)
        {
            transaction.Rollback();
            throw Unusable(Path, e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The monitor's record of its input files, or null when none was written.</summary>
    public string? InputState(string monitor) => Guarded(() => Scalar("select state from monitor_inputs where monitor = ?", [monitor]) as string);

    /// <summary>Writes (or replaces) the monitor's record of its input files in one transaction.</summary>
    /// <exception cref="DataReadException">The write failed (MG6006); the record is as it was.</exception>
    public void SaveInputState(string monitor, string state, DateTime computedAt)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            Execute("delete from monitor_inputs where monitor = ?", [monitor]);
            Execute("insert into monitor_inputs values (?, ?, ?)", [monitor, state, computedAt]);
            transaction.Commit();
        }
        catch (DbException e)
        {
            transaction.Rollback();
            throw Unusable(Path, e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The UTC times <paramref name="model"/> was promoted (the promote flow's <c>champions</c> table), oldest first; empty when never (no table, no row).</summary>
    public IReadOnlyList<DateTime> PromotionTimes(string model) => Guarded(() =>
    {
        var times = new List<DateTime>();
        if (HasChampions())
        {
            Query("select promoted_at from champions where model = ? order by promoted_at", [model], r => times.Add(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc)));
        }

        return times;
    });

    /// <summary>Every champion record of <paramref name="model"/> (its JSON), oldest first; empty when never promoted.</summary>
    public IReadOnlyList<string> ChampionRecords(string model) => Guarded(() =>
    {
        var records = new List<string>();
        if (HasChampions())
        {
            Query("select record from champions where model = ? order by promoted_at, record", [model], r => records.Add(r.GetString(0)));
        }

        return records;
    });

    /// <summary>When <paramref name="model"/> was last promoted (UTC), or null when it never was.</summary>
    public DateTime? LastPromotion(string model) => PromotionTimes(model) is { Count: > 0 } times ? times[^1] : null;

    private bool HasChampions() =>
        Scalar("select count(*) from duckdb_tables() where table_name = 'champions' and schema_name = 'main'", []) is long and > 0;

    public void Dispose() => connection.Dispose();

    /// <summary>A read the file refuses (a locked or damaged file, a champions table of another shape) is MG6006, not a crash.</summary>
    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DbException e)
        {
            throw Unusable(Path, e.Message.Split('\n')[0]);
        }
    }

    private static DataReadException Unusable(string path, string why) =>
        new(DiagnosticCatalog.HistoryUnreadable.Create($"The monitoring history '{path}' cannot be used: {why}") with { File = path });

    private void Execute(string sql, object?[]? parameters = null)
    {
        using var command = Command(sql, parameters ?? []);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void Query(string sql, object?[] parameters, Action<DbDataReader> read)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            read(reader);
        }
    }

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        }

        return command;
    }
}
