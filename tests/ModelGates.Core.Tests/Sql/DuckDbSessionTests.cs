using ModelGates.Data;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

public sealed class DuckDbSessionTests
{
    [Fact]
    public void A_database_file_is_opened_read_only_and_profiled_in_place()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "warehouse.duckdb");
        using (var engine = new DataEngine())
        {
            engine.Execute($"ATTACH {SqlText.Literal(path)} AS w");
            engine.Execute("CREATE TABLE w.scoring AS SELECT range AS id, range % 7 AS segment, CAST(range AS DOUBLE) / 3 AS score FROM range(5000)");
            engine.Execute("DETACH w");
        }

        using var session = DuckDbSession.Open(path);
        var profile = PushdownProfiler.Profile(session, SqlRelation.OfTable("scoring"));

        Assert.Equal(5000, profile.Rows);
        Assert.Equal(["BIGINT", "BIGINT", "DOUBLE"], profile.Columns.Select(c => c.SqlType));
        Assert.Equal(7, profile.Find("segment")!.Distinct.Estimate);
        var error = Assert.Throws<DataReadException>(() => session.Query("CREATE TABLE t2 (a INTEGER)"));
        Assert.Equal("MG0140", error.Diagnostic.Code);
    }

    [Fact]
    public void A_missing_database_file_is_MG0101()
    {
        var error = Assert.Throws<DataReadException>(() => DuckDbSession.Open("/nonexistent/warehouse.duckdb"));

        Assert.Equal("MG0101", error.Diagnostic.Code);
    }
}
