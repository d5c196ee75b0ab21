using System.Net;
using System.Net.Sockets;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sources;
using ModelGates.Sql.Dialects;
using ModelGates.Testing;

namespace ModelGates.Core.Tests.Sources;

public sealed class PostgresSessionTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;
    private readonly string connectionString;

    public PostgresSessionTests(PostgresServer server)
    {
        this.server = server;
        connectionString = server.ConnectionStringFor(Database(server));
    }

    [PostgresFact]
    public void A_session_names_its_provider_and_dialect()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        Assert.Equal("postgres", session.Provider);
        Assert.Same(PostgresDialect.Instance, session.Dialect);
    }

    [PostgresFact]
    public void Query_returns_the_servers_values_with_null_for_sql_null()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var rows = session.Query("SELECT id, score, label FROM public.applications ORDER BY id");

        Assert.Equal(4, rows.Count);
        Assert.Equal(new object?[] { 1, 0.25, "a" }, rows[0]);
        Assert.Equal(new object?[] { 3, null, null }, rows[2]);
    }

    [PostgresFact]
    public void Query_reads_at_most_max_rows_and_the_server_stops_there()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var rows = session.Query("SELECT g, g AS g FROM generate_series(1, 1000000) g ORDER BY g;", maxRows: 3);

        Assert.Equal([1, 2, 3], rows.Select(r => (int)r[0]!));
        Assert.Equal(rows.Select(r => r[0]), rows.Select(r => r[1]));
    }

    [PostgresFact]
    public void Row_returns_the_one_row_of_an_aggregate()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var row = session.Row("SELECT count(*), count(score), avg(score) FROM public.applications");

        Assert.Equal(new object?[] { 4L, 3L, (0.25 + 0.5 + 1.0) / 3 }, row);
    }

    [PostgresFact]
    public void Columns_describes_a_table_and_a_query_by_base_type_name_without_reading_rows()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var table = session.Columns(session.Dialect.TableName("public.applications"));
        var query = session.Columns("(SELECT id, label, day FROM public.applications WHERE false)");

        Assert.Equal(
            [new("id", "integer"), new("score", "double precision"), new("label", "character varying"), new("amount", "numeric"), new("day", "date")],
            table);
        Assert.Equal([new("id", "integer"), new("label", "character varying"), new("day", "date")], query);
    }

    [PostgresFact]
    public void The_statement_timeout_is_set_on_the_server()
    {
        using var session = PostgresSession.Open("warehouse", connectionString, TimeSpan.FromSeconds(90));

        Assert.Equal("90s", session.Row("SHOW statement_timeout")[0]);
    }

    [PostgresFact]
    public void A_uri_connection_string_connects_like_its_keyword_form()
    {
        var uri = $"postgresql://{PostgresServer.User}:{Uri.EscapeDataString(PostgresServer.Password)}@127.0.0.1:{server.Port}/{Database(server)}?application_name=mg-uri";
        using var session = PostgresSession.Open("warehouse", uri);

        Assert.Equal(new object?[] { Database(server), "mg-uri" }, session.Row("SELECT current_database(), current_setting('application_name')"));
    }

    [PostgresFact]
    public void A_wrong_password_is_MG0121_with_the_servers_message_and_no_secret()
    {
        var wrong = connectionString.Replace(PostgresServer.Password, "not-the-Password-99", StringComparison.Ordinal);

        var error = Assert.Throws<DataReadException>(() => PostgresSession.Open("warehouse", wrong));

        Assert.Equal("MG0121", error.Diagnostic.Code);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        Assert.Contains("password authentication failed for user \"mg\"", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{server.Port}", error.Diagnostic.Message, StringComparison.Ordinal);
        AssertNoSecret(error, "not-the-Password-99");
    }

    [PostgresFact]
    public void An_unreachable_server_is_MG0120_with_the_networks_reason()
    {
        var port = ClosedPort();
        var closed = $"Host=127.0.0.1;Port={port};Username=mg;Password=closed-port-secret;Timeout=5";

        var error = Assert.Throws<DataReadException>(() => PostgresSession.Open("warehouse", closed));

        Assert.Equal("MG0120", error.Diagnostic.Code);
        Assert.Contains("refused", error.Diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        AssertNoSecret(error, "closed-port-secret");
    }

    [PostgresFact]
    public void A_missing_table_is_MG0122_and_names_the_table()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var error = Assert.Throws<DataReadException>(() => session.Columns("public.nope"));

        Assert.Equal("MG0122", error.Diagnostic.Code);
        Assert.Contains("relation \"public.nope\" does not exist (SQLSTATE 42P01)", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_query_error_is_MG0123_with_the_servers_message_and_hint()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);

        var error = Assert.Throws<DataReadException>(() => session.Query("SELECT scor FROM public.applications"));

        Assert.Equal("MG0123", error.Diagnostic.Code);
        Assert.Contains("column \"scor\" does not exist (SQLSTATE 42703) Hint: Perhaps you meant to reference the column \"applications.score\".", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_statement_past_the_timeout_is_MG0126_from_the_server()
    {
        using var session = PostgresSession.Open("warehouse", connectionString, TimeSpan.FromMilliseconds(300));

        var error = Assert.Throws<DataReadException>(() => session.Query("SELECT pg_sleep(5)"));

        Assert.Equal("MG0126", error.Diagnostic.Code);
        Assert.Contains("canceling statement due to statement timeout (SQLSTATE 57014)", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("0.3 s", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_connection_terminated_mid_query_is_MG0125()
    {
        using var session = PostgresSession.Open("warehouse", connectionString);
        var pid = session.ProcessId;
        var running = Task.Run(() => session.Query("SELECT pg_sleep(30)"));
        WaitUntil(() => server.Psql($"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid} AND query LIKE '%pg_sleep%' AND state = 'active';").Trim() == "1");

        server.Psql($"SELECT pg_terminate_backend({pid});");

        var error = Assert.Throws<DataReadException>(() => running.GetAwaiter().GetResult());
        Assert.Equal("MG0125", error.Diagnostic.Code);
        Assert.Contains("terminating connection due to administrator command", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Errors_point_at_the_declaration_they_came_from()
    {
        using var session = PostgresSession.Open("warehouse", connectionString, location: new SourceLocation("modelgates.json", 7, 5));

        var error = Assert.Throws<DataReadException>(() => session.Query("SELECT 1/0"));

        Assert.Equal(("MG0123", "modelgates.json", 7, 5), (error.Diagnostic.Code, error.Diagnostic.File, error.Diagnostic.Line, error.Diagnostic.SourceColumn));
        Assert.Contains("division by zero", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    internal static void AssertNoSecret(ModelGatesException error, string secret)
    {
        foreach (var diagnostic in error.Diagnostics)
        {
            Assert.DoesNotContain(secret, diagnostic.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(PostgresServer.Password, diagnostic.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    private static string Database(PostgresServer server)
    {
        // One database per fixture, loaded once; the tests only read it.
        lock (Loaded)
        {
            if (Loaded.Add(server.Port))
            {
                server.CreateDatabase("sessions");
                server.Psql(
                    """
                    CREATE TABLE public.applications (id integer, score double precision, label varchar(20), amount numeric(10, 2), day date);
                    INSERT INTO public.applications VALUES (1, 0.25, 'a', 10.5, '2026-11-01'), (2, 0.5, 'b', 20, '2026-11-02'), (3, NULL, NULL, NULL, NULL), (4, 1.0, 'a', 7.25, '2026-11-03');
                    """,
                    "sessions");
            }
        }

        return "sessions";
    }

    private static readonly HashSet<int> Loaded = [];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The query never became active on the server.");
            Thread.Sleep(50);
        }
    }
}
