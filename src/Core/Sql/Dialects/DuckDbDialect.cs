using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>
/// DuckDB: the embedded engine's own spelling (<c>quantile_disc</c> over a list, <c>TRY_CAST</c>, RE2 regular
/// expressions, <c>hash</c>). Doubles are written as strings cast to DOUBLE: a bare literal with 17 digits is
/// read as a DECIMAL and converted with a second rounding.
/// </summary>
internal sealed class DuckDbDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly DuckDbDialect Instance = new();

    public string Name => "duckdb";

    /// <summary>The hash's name; the profiler adds the engine's version (<c>duckdb-hash/1.5</c>), as file profiles do.</summary>
    public string HashId => "duckdb-hash";

    public IReadOnlyList<string> SessionStatements { get; } = [];

    // Bins are a CASE tree over the value here, so the value is computed once per row and column first.
    public bool UnnestInLockstep => false;

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    public string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string Literal(double value) =>
        double.IsFinite(value)
            ? "CAST('" + DialectText.Number(value) + "' AS DOUBLE)"
            : value is double.NaN ? "'nan'::DOUBLE" : value > 0 ? "'inf'::DOUBLE" : "'-inf'::DOUBLE";

    public string CastDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    // DuckDB prints a DOUBLE as the shortest text that reads back exactly (tested on awkward values).
    public string DoubleText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string CastText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string TryCastDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

    public string IsFinite(string expression) => $"isfinite({expression})";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        $"quantile_disc({expression}, [{string.Join(", ", fractions.Select(DialectText.Number))}])";

    // quantile_disc(f) picks the same order statistic as percentile_disc: the ceil(f × n)-th value (tested).
    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) =>
        PercentilesDisc(expression, ranks.Select(r => DialectText.CeilingFraction(r, count)).ToList());

    public string BinIndex(string expression, IReadOnlyList<double> edges) => DialectText.BinarySearch(expression, edges, Literal);

    public string? FullMatch(string expression, string pattern) => $"regexp_full_match({expression}, {Literal(pattern)})";

    public string Length(string expression) => $"length({expression})";

    public string CountWhere(string condition) => $"count(*) FILTER (WHERE {condition})";

    public string TryCastBoolean(string expression) => $"TRY_CAST({expression} AS BOOLEAN)";

    public string TryCastDate(string expression) => $"TRY_CAST({expression} AS DATE)";

    public string TryCastTimestamp(string expression) => $"TRY_CAST({expression} AS TIMESTAMP)";

    public string? TryParseTimestamp(string expression, string format) => $"try_strptime(CAST({expression} AS VARCHAR), {Literal(format)})";


    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} USING SAMPLE {DialectText.Number(percent)} PERCENT (bernoulli, {seed.ToString(CultureInfo.InvariantCulture)})";

    public string EpochSeconds(string expression) => $"epoch({expression})";

    public string Hash64(string textExpression) => $"hash({textExpression})";

    // Numbers are hashed as their shortest text (Hash64): the dialect has no hash of a double's value in use yet.
    public string? Hash64Double(string doubleExpression) => null;

    public string? DoubleHashId => null;

    public string ShiftAndMask(string expression, int shift, long mask) =>
        $"(({expression} >> {DialectText.Integer(shift)}) & {DialectText.Integer(mask)})";

    public string TextAgg(string textExpression) => $"string_agg({textExpression}, ',')";

    // DuckDB compares VARCHAR by bytes unless a collation is asked for; UTF-8 byte order is code point order.
    public string OrdinalText(string expression) => expression;

    public string Integers(int count, string alias, string column) => $"(VALUES {DialectText.Values(count)}) AS {alias}({column})";

    // The monitoring history's writes (docs/monitoring.md#the-history-in-a-warehouse).
    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => DialectText.OnConflictUpsert(this, table, columns, values, keyColumns);

    public string? TransactionLock(long key) => null;
}
