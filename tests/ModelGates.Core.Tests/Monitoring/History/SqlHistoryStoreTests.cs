using ModelGates.Data;
using ModelGates.Monitoring;
using ModelGates.Monitoring.History;
using ModelGates.Monitoring.Promotion;
using ModelGates.Sources;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.History;

/// <summary>
/// The history as tables on a real PostgreSQL server: created when missing with a schema version, a window written
/// whole or not at all (a forced error and a killed connection mid-transaction), two writers of one window, champion
/// records, and the failures a warehouse can raise (unreachable, wrong password, no permission) as MG codes without a secret.
/// </summary>
public sealed class SqlHistoryStoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    private static WindowRecord Window(string hash, string key = "2026-06-01T00:00:00Z", string status = WindowStatus.Ok) => new()
    {
        Key = key,
        Start = DateTime.Parse(key, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
        End = DateTime.Parse(key, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal).AddDays(7),
        Rows = 120,
        LabelledRows = 100,
        Status = status,
        Hash = hash,
        Columns = [new WindowColumn("x", "ok", "wasserstein", 0.05, 0.01, 0.09, 0.1, 0, 0)],
        Realized = [new WindowMetric("auc", 0.81, null, null, 0.75)],
    };

    private static ChampionRecord Champion(DateTimeOffset time, char digit) => new(time, "credit-risk", new string(digit, 64))
    {
        ModelPath = "model/credit-risk.zip",
        ChallengerPath = "model/new.zip",
        DataHashes = [new("holdout", new string('d', 64))],
        Metrics = [new("auc", 0.8125), new("ece", null)],
        Decision = new PromotionDecisionSummary("auc", 0.01, 0.01, []),
    };

    private string NewDatabase() => server.CreateDatabase("hist_" + Guid.NewGuid().ToString("N")[..10]);

    private static SqlHistoryStore Open(string connectionString, string schema = "modelgates") =>
        SqlHistoryStore.Open(PostgresSession.Open("warehouse", connectionString), "warehouse", schema);

    private string Psql(string connectionString, string sql) => server.Psql(sql, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!).Trim();

    [PostgresFact]
    public void Opening_creates_the_schema_and_tables_with_the_schema_version_and_a_record_reads_back_as_written()
    {
        var database = NewDatabase();
        var window = Window("h1");
        using (var store = Open(database))
        {
            store.Save("prod", window, Now);
        }

        using var reopened = Open(database);

        Assert.Equal(WindowRecordJson.ToText(window), WindowRecordJson.ToText(Assert.Single(reopened.Windows("prod"))));
        Assert.Empty(reopened.Windows("other"));
        Assert.Equal("champions\nmonitor_inputs\nmonitor_meta\nmonitor_windows", Psql(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'modelgates' ORDER BY table_name;"));
        Assert.Equal("2", Psql(database, "SELECT value FROM modelgates.monitor_meta WHERE key = 'schemaVersion';"));
        Assert.Equal("prod|2026-06-01T00:00:00Z|2026-06-01 00:00:00|h1|120|ok", Psql(database, "SELECT monitor, window_key, window_start, data_hash, rows, status FROM modelgates.monitor_windows;"));
    }

    [PostgresFact]
    public void A_changed_hash_replaces_the_window_s_record_in_place()
    {
        var database = NewDatabase();
        using var store = Open(database);
        store.Save("prod", Window("h1"), Now);
        store.Save("prod", Window("h1", key: "2026-06-08T00:00:00Z"), Now);
        store.Save("prod", Window("h2", status: WindowStatus.Breach), Now.AddDays(1));

        var windows = store.Windows("prod");

        Assert.Equal(["2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z"], windows.Select(w => w.Key));
        Assert.Equal(("h2", WindowStatus.Breach), (windows[0].Hash, windows[0].Status));
        Assert.Equal("2", Psql(database, "SELECT count(*) FROM modelgates.monitor_windows;"));
    }

    [PostgresFact]
    public void A_run_that_fails_inside_a_window_s_transaction_leaves_no_half_written_window()
    {
        var database = NewDatabase();
        using var store = Open(database);
        store.Save("prod", Window("old"), Now);
        store.BeforeCommit = _ => throw new DataReadException(ModelGates.Diagnostics.DiagnosticCatalog.DatabaseQueryFailed.Create("forced after the insert"));

        var error = Assert.Throws<DataReadException>(() => store.Save("prod", Window("new", status: WindowStatus.Breach), Now));
        Assert.Throws<DataReadException>(() => store.Save("prod", Window("new", key: "2026-06-08T00:00:00Z"), Now));
        store.BeforeCommit = null;

        Assert.Equal("MG6050", error.Diagnostic.Code);
        Assert.Equal("old", Assert.Single(store.Windows("prod")).Hash);
        Assert.Equal("prod|old|ok", Psql(database, "SELECT monitor, data_hash, status FROM modelgates.monitor_windows;"));

        // The session is usable after the rollback.
        store.Save("prod", Window("new"), Now);
        Assert.Equal("new", Assert.Single(store.Windows("prod")).Hash);
    }

    [PostgresFact]
    public void A_connection_killed_between_the_insert_and_the_commit_leaves_the_window_as_it_was()
    {
        var database = NewDatabase();
        var session = PostgresSession.Open("warehouse", database);
        using var store = SqlHistoryStore.Open(session, "warehouse", "modelgates");
        store.Save("prod", Window("old"), Now);
        store.BeforeCommit = _ => Psql(database, $"SELECT pg_terminate_backend({session.ProcessId});");

        var error = Assert.Throws<DataReadException>(() => store.Save("prod", Window("new", status: WindowStatus.Breach), Now));

        Assert.Equal("MG6050", error.Diagnostic.Code);
        Assert.DoesNotContain(PostgresServer.Password, error.Diagnostic.Message, StringComparison.Ordinal);
        using var reader = Open(database);
        Assert.Equal(("old", WindowStatus.Ok), (Assert.Single(reader.Windows("prod")).Hash, reader.Windows("prod")[0].Status));
    }

    [PostgresFact]
    public void Two_runs_writing_the_same_windows_at_once_leave_one_whole_record_per_window()
    {
        var database = NewDatabase();
        using var first = Open(database);
        using var second = Open(database);
        var keys = Enumerable.Range(0, 10).Select(i => new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(7 * i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        using var start = new Barrier(2);
        void Write(SqlHistoryStore store, string hash)
        {
            start.SignalAndWait();
            for (var round = 0; round < 5; round++)
            {
                foreach (var key in keys)
                {
                    store.Save("prod", Window($"{hash}{round}", key), Now);
                }
            }
        }

        Parallel.Invoke(() => Write(first, "a"), () => Write(second, "b"));

        var windows = first.Windows("prod");
        Assert.Equal(keys, windows.Select(w => w.Key));
        Assert.All(windows, w => Assert.Matches("^[ab]4$", w.Hash));
        Assert.Equal("10", Psql(database, "SELECT count(*) FROM modelgates.monitor_windows;"));
    }

    [PostgresFact]
    public void Two_runs_creating_the_tables_at_once_both_succeed()
    {
        var database = NewDatabase();

        var stores = new SqlHistoryStore[4];
        Parallel.For(0, stores.Length, i => stores[i] = Open(database, "fresh"));
        foreach (var store in stores)
        {
            store.Dispose();
        }

        Assert.Equal("1", Psql(database, "SELECT count(*) FROM fresh.monitor_meta;"));
    }

    [PostgresFact]
    public void Champion_records_are_committed_or_rolled_back_and_read_in_time_order()
    {
        var database = NewDatabase();
        var time = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);
        using var store = Open(database);
        using (var write = store.InsertChampion(Champion(time.AddDays(3), 'b')))
        {
            write.Commit();
        }

        using (store.InsertChampion(Champion(time.AddDays(5), 'c')))
        {
            // Disposed without a commit: the promotion failed after the insert.
        }

        using (var write = store.InsertChampion(Champion(time, 'a')))
        {
            write.Commit();
        }

        Assert.Equal([time.UtcDateTime, time.AddDays(3).UtcDateTime], store.PromotionTimes("credit-risk"));
        Assert.Empty(store.PromotionTimes("other"));
        Assert.Equal([Champion(time, 'a').ToJson(), Champion(time.AddDays(3), 'b').ToJson()], store.ChampionRecords("credit-risk"));
    }

    [PostgresFact]
    public void Another_schema_version_is_mg6050()
    {
        var database = NewDatabase();
        using (Open(database))
        {
        }

        Psql(database, "UPDATE modelgates.monitor_meta SET value = '7' WHERE key = 'schemaVersion';");

        var error = Assert.Throws<DataReadException>(() => Open(database));

        Assert.Equal(("MG6050", 3), (error.Diagnostic.Code, error.ExitCode));
        Assert.Contains("schema version 7", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_login_without_permission_to_create_the_tables_is_mg6050_with_exit_code_3_and_no_secret()
    {
        var database = NewDatabase();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        server.Psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader LOGIN PASSWORD 'reader-secret-9Z'; END IF; END $$;");
        var reader = new Npgsql.NpgsqlConnectionStringBuilder(database) { Username = "reader", Password = "reader-secret-9Z" }.ConnectionString;

        var error = Assert.Throws<DataReadException>(() => Open(reader));

        Assert.Equal(("MG6050", 3), (error.Diagnostic.Code, error.ExitCode));
        Assert.Contains("permission denied", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("connection 'warehouse', schema 'modelgates'", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader-secret-9Z", error.Diagnostic.Message, StringComparison.Ordinal);

        // Tables an administrator created are enough: the reader needs no CREATE privilege then.
        using (Open(database))
        {
        }

        server.Psql("GRANT USAGE ON SCHEMA modelgates TO reader; GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA modelgates TO reader;", name);
        using var granted = Open(reader);
        granted.Save("prod", Window("h1"), Now);
        Assert.Equal("h1", Assert.Single(granted.Windows("prod")).Hash);
    }

    [PostgresFact]
    public void A_wrong_password_and_an_unreachable_server_are_mg0121_and_mg0120_with_exit_code_3_and_no_secret()
    {
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-the-password-4X" }.ConnectionString;
        var closedPort = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = ClosedPort(), Timeout = 3 }.ConnectionString;
        var variable = "MG_HISTORY_TEST_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var connections = new ConnectionSet([new ConnectionDeclaration("warehouse", "postgres", variable)]);
        try
        {
            Environment.SetEnvironmentVariable(variable, wrong);
            var login = Assert.Throws<DataReadException>(() => HistoryStores.Open(HistoryLocation.OnConnection("warehouse", "modelgates"), connections));
            Environment.SetEnvironmentVariable(variable, closedPort);
            var unreachable = Assert.Throws<DataReadException>(() => HistoryStores.Open(HistoryLocation.OnConnection("warehouse", "modelgates"), connections));

            Assert.Equal(("MG0121", 3), (login.Diagnostic.Code, login.ExitCode));
            Assert.Equal(("MG0120", 3), (unreachable.Diagnostic.Code, unreachable.ExitCode));
            Assert.All([login, unreachable], e =>
            {
                Assert.DoesNotContain("not-the-password-4X", e.Diagnostic.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(PostgresServer.Password, e.Diagnostic.Message, StringComparison.Ordinal);
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
