using ModelGates.Testing;

namespace ModelGates.Core.Tests.Sources;

public sealed class PostgresServerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [PostgresFact]
    public void The_fixture_server_answers_a_password_authenticated_superuser()
    {
        var answer = server.Psql("SELECT current_user || ' ' || (SELECT usesuper FROM pg_user WHERE usename = current_user) || ' ' || 6 * 7;").Trim();

        Assert.Equal("mg true 42", answer);
    }

    [PostgresFact]
    public void A_created_database_holds_loaded_rows()
    {
        server.CreateDatabase("fixture_check");

        var count = server.Psql("CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 1000) g; SELECT count(*) FROM t;", "fixture_check").Trim();

        Assert.Equal("1000", count);
    }
}
