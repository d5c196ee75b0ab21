using ModelGates.Data;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;

namespace ModelGates.Tests.Contracts.Pushdown;

/// <summary>
/// The product's <see cref="DuckDbSession"/> over a fresh in-memory engine, plus what the pushdown tests need:
/// a record of every query sent, and a dialect that claims to lack regular expressions.
/// </summary>
internal sealed class DuckDbTestSession : SqlSession
{
    private readonly DataEngine engine = new();
    private readonly DuckDbSession inner;

    public DuckDbTestSession() => inner = new DuckDbSession(engine);

    public override string Provider => inner.Provider;

    public override ISqlDialect Dialect => WithoutRegex ? new NoRegexDialect() : inner.Dialect;

    /// <summary>Pretend the engine has no regular expressions (as some warehouses' SQL has none).</summary>
    public bool WithoutRegex { get; init; }

    /// <summary>Every query sent, in order.</summary>
    public List<string> Sent { get; } = [];

    public void Execute(string sql) => engine.Execute(sql);

    public override IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue)
    {
        Sent.Add(sql);
        return inner.Query(sql, maxRows);
    }

    // The session's DESCRIBE is a query sent too; the tests count every round trip.
    public override IReadOnlyList<SqlColumn> Columns(string relation)
    {
        Sent.Add($"DESCRIBE SELECT * FROM {relation}");
        return inner.Columns(relation);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            engine.Dispose();
        }
    }
}

/// <summary>DuckDB's dialect but for regular expressions, which it says it lacks.</summary>
internal sealed class NoRegexDialect : ISqlDialect
{
    private static readonly DuckDbDialect Inner = DuckDbDialect.Instance;

    public string Name => "noregex";

    public bool UnnestInLockstep => Inner.UnnestInLockstep;

    public IReadOnlyList<string> SessionStatements => Inner.SessionStatements;

    public string Identifier(string name) => Inner.Identifier(name);

    public string TableName(string dotted) => Inner.TableName(dotted);

    public string Literal(string value) => Inner.Literal(value);

    public string Literal(double value) => Inner.Literal(value);

    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => Inner.Upsert(table, columns, values, keyColumns);

    public string? TransactionLock(long key) => Inner.TransactionLock(key);

    public string CastDouble(string expression) => Inner.CastDouble(expression);

    public string CastText(string expression) => Inner.CastText(expression);

    public string DoubleText(string expression) => Inner.DoubleText(expression);

    public string TryCastDouble(string expression) => Inner.TryCastDouble(expression);

    public string IsFinite(string expression) => Inner.IsFinite(expression);

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) => Inner.PercentilesDisc(expression, fractions);

    public string BinIndex(string expression, IReadOnlyList<double> edges) => Inner.BinIndex(expression, edges);

    public string? FullMatch(string expression, string pattern) => null;

    public string Length(string expression) => Inner.Length(expression);

    public string CountWhere(string condition) => Inner.CountWhere(condition);

    public string TryCastBoolean(string expression) => Inner.TryCastBoolean(expression);

    public string TryCastDate(string expression) => Inner.TryCastDate(expression);

    public string TryCastTimestamp(string expression) => Inner.TryCastTimestamp(expression);

    public string? TryParseTimestamp(string expression, string format) => Inner.TryParseTimestamp(expression, format);

    public string HashId => Inner.HashId;

    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) => Inner.OrderStatistics(expression, ranks, count);

    public string EpochSeconds(string expression) => Inner.EpochSeconds(expression);

    public string Hash64(string textExpression) => Inner.Hash64(textExpression);

    public string? Hash64Double(string doubleExpression) => Inner.Hash64Double(doubleExpression);

    public string? DoubleHashId => Inner.DoubleHashId;

    public string ShiftAndMask(string expression, int shift, long mask) => Inner.ShiftAndMask(expression, shift, mask);

    public string TextAgg(string textExpression) => Inner.TextAgg(textExpression);

    public string OrdinalText(string expression) => Inner.OrdinalText(expression);

    public string Integers(int count, string alias, string column) => Inner.Integers(count, alias, column);

    public string Limit(string select, long rows) => Inner.Limit(select, rows);

    public string Sample(string relation, double percent, int seed) => Inner.Sample(relation, percent, seed);
}
