using System.Globalization;
using ModelGates.Data;
using ModelGates.Sources;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;
using ModelGates.Sql.Pushdown;
using ModelGates.Profiles;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>
/// The constructs pushdown relies on give the same answer on DuckDB and on PostgreSQL as ModelGates' own code:
/// the order statistic a fraction picks, the bin of a value among edges, and a double literal read back bit for bit.
/// </summary>
public sealed class DialectExecutionTests : IClassFixture<PostgresServer>
{
    private static readonly int[] Sizes = [1, 2, 3, 7, 100, 2047, 4099];

    private readonly PostgresServer server;

    public DialectExecutionTests(PostgresServer server) => this.server = server;

    [Fact]
    public void DuckDb_quantile_disc_picks_the_order_statistics_the_profiler_picks()
    {
        using var engine = new DataEngine();
        using var session = new DuckDbSession(engine);
        AssertOrderStatistics(session);
    }

    [PostgresFact]
    public void Postgres_percentile_disc_picks_the_order_statistics_the_profiler_picks()
    {
        using var session = PostgresSession.Open("warehouse", server.ConnectionString);
        AssertOrderStatistics(session);
    }

    [Fact]
    public void DuckDb_bins_and_literals_agree_with_the_profiler()
    {
        using var engine = new DataEngine();
        using var session = new DuckDbSession(engine);
        AssertBinsAndLiterals(session);
    }

    [PostgresFact]
    public void Postgres_bins_and_literals_agree_with_the_profiler()
    {
        using var session = PostgresSession.Open("warehouse", server.ConnectionString);
        AssertBinsAndLiterals(session);
    }

    [Fact]
    public void DuckDb_double_text_reads_back_bit_for_bit()
    {
        using var engine = new DataEngine();
        using var session = new DuckDbSession(engine);
        AssertDoubleText(session);
    }

    [PostgresFact]
    public void Postgres_double_text_reads_back_bit_for_bit_even_where_the_server_rounds_to_15_digits()
    {
        using var session = PostgresSession.Open("warehouse", server.ConnectionString);

        // A server or role may print 15 digits; the pushdown session's own statements must undo that.
        session.Query("SET extra_float_digits = 0");
        Assert.NotEqual((0.1 + 0.2).ToString("R", CultureInfo.InvariantCulture), session.Row($"SELECT {session.Dialect.DoubleText(session.Dialect.Literal(0.1 + 0.2))}")[0]);
        foreach (var statement in session.Dialect.SessionStatements)
        {
            session.Query(statement);
        }

        AssertDoubleText(session);
    }

    [Theory]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("NaN", double.NaN)]
    [InlineData("nan", double.NaN)]
    [InlineData("1.0E-5", 1e-5)]
    [InlineData("4.9E-324", double.Epsilon)]
    [InlineData("1.7976931348623157E308", double.MaxValue)]
    public void Double_text_reads_each_engines_spelling(string text, double expected) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(PushdownSql.ReadDouble(text)));

    [Fact]
    public void Double_text_that_is_no_number_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PushdownSql.ReadDouble("1,5"));
        Assert.Contains("'1,5'", error.Message, StringComparison.Ordinal);
    }

    private static void AssertDoubleText(SqlSession session)
    {
        var d = session.Dialect;
        var random = new SeededRandom(23);
        double[] awkward =
        [
            0.1 + 0.2, 0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, 2.2250738585072014e-308, 1e308,
            double.MaxValue, double.MinValue, 1.7976931348623155e308, 0.1, 1.0 / 3, 2.0 / 3, 123456789012345678, 9007199254740993,
            1.2345678901234567e-5, 5e-324 * 12345, Math.PI, -Math.E, 1e23, 8.41e21, 5e-310, 1e-320, 4.35, 0.30000000000000004,
        ];
        var values = awkward.Concat(Enumerable.Range(0, 200).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, (random.NextDouble() * 40) - 20))).ToArray();
        // Negation is exact, so -v also gives -0.0 (a literal -0 reads as 0 on PostgreSQL) and negative subnormals.
        var rows = session.Query($"SELECT v, {d.DoubleText("v")}, -v, {d.DoubleText("-v")} FROM {Values(d, values)}");

        Assert.Equal(values.Length, rows.Count);
        var engine = rows.SelectMany(r => new[] { r[0], r[2] }).Select(v => BitConverter.DoubleToInt64Bits(PushdownSql.Double(v))).ToList();
        var read = rows.SelectMany(r => new[] { r[1], r[3] }).Select(t => BitConverter.DoubleToInt64Bits(PushdownSql.ReadDouble((string)t!))).ToList();
        Assert.Equal(engine, read);
        Assert.Contains(BitConverter.DoubleToInt64Bits(-0.0), read);
        Assert.Equal(values.Concat(values.Select(v => -v)).Select(BitConverter.DoubleToInt64Bits).Order(), read.Order());
    }

    private static void AssertOrderStatistics(SqlSession session)
    {
        var d = session.Dialect;
        foreach (var n in Sizes)
        {
            // Values with ties, in scrambled order, so the engine must sort.
            var values = Enumerable.Range(0, n).Select(i => (double)((i * 7919) % (n + 3) / 2)).ToArray();
            var sorted = values.Order().ToArray();
            var ranks = Enumerable.Range(0, 64).Select(i => (long)Math.Floor((i + 0.5) * n / 64)).ToArray();
            var row = session.Row($"SELECT {d.OrderStatistics("v", ranks, n)} FROM {Values(d, values)}");
            Assert.Equal(ranks.Select(r => sorted[r]), PushdownSql.Doubles(row[0]));
        }
    }

    private static void AssertBinsAndLiterals(SqlSession session)
    {
        var d = session.Dialect;
        var random = new SeededRandom(17);
        var edges = Enumerable.Range(0, 300).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, (random.NextDouble() * 12) - 6)).Distinct().Order().ToList();
        var edgesAndNeighbours = edges.SelectMany(e => new[] { e, Math.BitIncrement(e) }).Distinct().Order().ToList();
        var probes = edges.SelectMany(e => new[] { e, Math.BitDecrement(e), Math.BitIncrement(e), 0.1 + e }).ToArray();
        var rows = session.Query($"SELECT v, {d.BinIndex("v", edgesAndNeighbours)} FROM {Values(d, probes)}");

        Assert.Equal(probes.Length, rows.Count);
        foreach (var row in rows)
        {
            var value = PushdownSql.Double(row[0]);
            Assert.Contains(value, probes);
            Assert.Equal(ReferenceBins.BinOf(edgesAndNeighbours, value), PushdownSql.Long(row[1]));
        }
    }

    private static string Values(ISqlDialect d, IReadOnlyList<double> values) =>
        $"(VALUES {string.Join(", ", values.Select(v => "(" + d.Literal(v) + ")"))}) AS mg_values(v)";
}
