using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Monitoring.Promotion;
using ModelGates.Sources;
using ModelGates.Sql;

namespace ModelGates.Monitoring.History;

/// <summary>
/// The history as tables in a schema of a connection's database (docs/monitoring.md#the-history-in-a-warehouse), through
/// the <see cref="SqlSession"/> seam. Opening creates the schema and any missing table in one transaction under a lock
/// (two monitors starting on an empty schema wait for each other), and records the schema version. A window is written
/// by one upsert on the key (monitor, window) in a transaction of its own: a run killed midway leaves the window as it
/// was, and two runs writing the same window leave the record of the one that committed last, whole.
/// </summary>
internal sealed class SqlHistoryStore : IHistoryStore
{
    // The lock key of the history's DDL: the bytes "mg-histy" as a number, one value every ModelGates run shares.
    private const long DdlLockKey = 0x6D672D6869737479;

    private readonly SqlSession session;
    private readonly HistorySql sql;
    private readonly string where;
    private bool inTransaction;

    private SqlHistoryStore(SqlSession session, string connection, string schema)
    {
        this.session = session;
        sql = new HistorySql(session.Dialect, schema);
        where = $"connection '{connection}', schema '{schema}'";
    }

    /// <summary>For tests: runs inside a window's transaction after its row is written and before the commit (a crash there must roll back).</summary>
    internal Action<WindowRecord>? BeforeCommit { get; set; }

    /// <summary>Opens a session of <paramref name="connection"/> and the history in <paramref name="schema"/>, creating what is missing.</summary>
    /// <exception cref="DataReadException">The server cannot be reached or refuses the login (MG0120, MG0121), or the tables cannot be created or read (MG6050).</exception>
    /// <exception cref="ConfigurationException">The connection is not declared or its variable is not set (MG0036, MG0037).</exception>
    public static SqlHistoryStore Open(ConnectionSet connections, string connection, string schema)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var session = connections.Open(connection);
        try
        {
            return Open(session, connection, schema);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The history on an open session (which the store then owns).</summary>
    /// <exception cref="DataReadException">The tables cannot be created or read (MG6050).</exception>
    public static SqlHistoryStore Open(SqlSession session, string connection, string schema)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Dialect.Upsert("t", ["k", "v"], ["1", "2"], 1) is null)
        {
            throw new DataReadException(DiagnosticCatalog.HistoryTablesUnusable.Create(
                $"The monitoring history cannot be kept on connection '{connection}': provider '{session.Provider}' has no insert-or-replace statement ModelGates uses."));
        }

        var store = new SqlHistoryStore(session, connection, schema);
        store.Guarded("create its tables", store.CreateTables);
        return store;
    }

    public IReadOnlyList<WindowRecord> Windows(string monitor) => Guarded("read the windows", () =>
    {
        var records = new List<WindowRecord>();
        foreach (var row in session.Query(sql.Windows(monitor)))
        {
            try
            {
                records.Add(WindowRecordJson.Read((string)row[0]!));
            }
            catch (FormatException e)
            {
                throw Unusable($"a window record of monitor '{monitor}' cannot be read: {e.Message}");
            }
        }

        return records;
    });

    public void Save(string monitor, WindowRecord window, DateTime computedAt) => Guarded("write a window", () =>
    {
        InTransaction(() =>
        {
            session.Query(sql.SaveWindow(monitor, window, WindowRecordJson.ToText(window), computedAt)!);
            BeforeCommit?.Invoke(window);
        });
        return 0;
    });

    public string? InputState(string monitor) => Guarded("read the input files' record", () =>
        session.Query(sql.InputState(monitor)).Select(r => r[0] as string).FirstOrDefault());

    public void SaveInputState(string monitor, string state, DateTime computedAt) => Guarded("write the input files' record", () =>
    {
        InTransaction(() => session.Query(sql.SaveInputState(monitor, state, computedAt)!));
        return 0;
    });

    public IReadOnlyList<DateTime> PromotionTimes(string model) => Guarded("read the promotions", () =>
        (IReadOnlyList<DateTime>)[.. session.Query(sql.PromotionTimes(model)).Select(r => DateTime.SpecifyKind(Convert.ToDateTime(r[0], CultureInfo.InvariantCulture), DateTimeKind.Utc))]);

    public IReadOnlyList<string> ChampionRecords(string model) => Guarded("read the champion records", () =>
        (IReadOnlyList<string>)[.. session.Query(sql.ChampionRecords(model)).Select(r => (string)r[0]!)]);

    public IHistoryTransaction InsertChampion(ChampionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Guarded("write the champion record", () =>
        {
            Begin();
            try
            {
                session.Query(sql.InsertChampion(record));
            }
            catch
            {
                Rollback();
                throw;
            }

            return (IHistoryTransaction)new Write(this);
        });
    }

    public void Dispose()
    {
        Rollback();
        session.Dispose();
    }

    private int CreateTables()
    {
        var existing = session.Query(sql.ExistingTables()).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);

        // Tables an administrator created beforehand need no CREATE privilege; only what is missing is created.
        if (!HistorySql.Tables.All(existing.Contains))
        {
            InTransaction(() =>
            {
                if (session.Dialect.TransactionLock(DdlLockKey) is { } lockStatement)
                {
                    session.Query(lockStatement);
                }

                foreach (var statement in sql.Create())
                {
                    session.Query(statement);
                }
            });
        }

        var version = session.Query(sql.SchemaVersion()).Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        if (version is null)
        {
            InTransaction(() =>
            {
                if (session.Dialect.TransactionLock(DdlLockKey) is { } lockStatement)
                {
                    session.Query(lockStatement);
                }

                if (session.Query(sql.SchemaVersion()).Count == 0)
                {
                    session.Query(sql.RecordSchemaVersion(HistoryStore.SchemaVersion));
                }
            });
        }
        else if (version == "1")
        {
            // Version 1 lacked monitor_inputs, created above: record version 2 (one UPDATE, a no-op if another run did it first).
            InTransaction(() => session.Query(sql.UpdateSchemaVersion(1, HistoryStore.SchemaVersion)));
        }
        else if (version != HistoryStore.SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw Unusable($"its tables are of schema version {version}; this tool reads version {HistoryStore.SchemaVersion}.");
        }

        return 0;
    }

    private void InTransaction(Action body)
    {
        Begin();
        try
        {
            body();
            session.Query("COMMIT");
            inTransaction = false;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private void Begin()
    {
        session.Query("BEGIN");
        inTransaction = true;
    }

    // Never throws: it runs while another failure is reported, and a lost connection has rolled back already.
    private void Rollback()
    {
        if (!inTransaction)
        {
            return;
        }

        inTransaction = false;
        try
        {
            session.Query("ROLLBACK");
        }
        catch (DataReadException)
        {
            // The server rolls back the transaction of a closed connection itself.
        }
    }

    /// <summary>A failure of the server (a permission, a lost connection) is MG6050 with the server's words, masked.</summary>
    private T Guarded<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DataReadException e) when (e.Diagnostic.Code != DiagnosticCatalog.HistoryTablesUnusable.Code)
        {
            throw Unusable($"cannot {what}: {e.Diagnostic.Code}: {e.Diagnostic.Message}");
        }
    }

    private DataReadException Unusable(string why) =>
        new(DiagnosticCatalog.HistoryTablesUnusable.Create(SecretMask.Mask($"The monitoring history on {where} cannot be used: {why}")));

    private sealed class Write(SqlHistoryStore store) : IHistoryTransaction
    {
        private bool done;

        public void Commit()
        {
            store.Guarded("commit the champion record", () =>
            {
                store.session.Query("COMMIT");
                store.inTransaction = false;
                return 0;
            });
            done = true;
        }

        public void Dispose()
        {
            if (!done)
            {
                store.Rollback();
            }
        }
    }
}
