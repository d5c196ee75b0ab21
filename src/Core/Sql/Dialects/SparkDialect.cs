using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>
/// Spark SQL (3.4 and later; Databricks): backquoted names, backslash escapes in strings, <c>percentile_disc</c>
/// one fraction per call, no <c>width_bucket</c> over explicit edges (a CASE binary search instead), Java regular
/// expressions (<c>RLIKE</c>, anchored here), <c>xxhash64</c>. Checked as text only; the documentation page of each
/// construct is in <c>tests/ModelGates.Core.Tests/Sql/Golden/README.md</c>.
/// </summary>
internal sealed class SparkDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly SparkDialect Instance = new();

    public string Name => "spark";

    public string HashId => "spark-xxhash64/42";

    public IReadOnlyList<string> SessionStatements { get; } = [];

    public bool UnnestInLockstep => false;

    public string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    // Spark reads a backslash as an escape in string literals, and two quotes as two adjacent literals.
    public string Literal(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public string Literal(double value) =>
        double.IsFinite(value)
            ? DialectText.Number(value) + "D"
            : value is double.NaN ? "CAST('NaN' AS DOUBLE)" : value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";

    public string CastDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    // Java's Double.toString: as many digits as needed to tell the double from its neighbours, so it reads back exactly.
    public string DoubleText(string expression) => $"CAST({expression} AS STRING)";

    public string CastText(string expression) => $"CAST({expression} AS STRING)";

    public string TryCastDouble(string expression) => $"try_cast({expression} AS DOUBLE)";

    public string IsFinite(string expression) => $"(NOT isnan({expression}) AND abs({expression}) <> CAST('Infinity' AS DOUBLE))";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        "array(" + string.Join(", ", fractions.Select(f => $"percentile_disc({DialectText.Number(f)}) WITHIN GROUP (ORDER BY {expression})")) + ")";

    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) =>
        PercentilesDisc(expression, ranks.Select(r => DialectText.CeilingFraction(r, count)).ToList());

    public string BinIndex(string expression, IReadOnlyList<double> edges) => DialectText.BinarySearch(expression, edges, Literal);

    public string? FullMatch(string expression, string pattern) => $"({expression} RLIKE {Literal("^(?:" + pattern + ")$")})";

    public string Length(string expression) => $"char_length({expression})";

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} TABLESAMPLE ({DialectText.Number(percent)} PERCENT) REPEATABLE ({seed.ToString(CultureInfo.InvariantCulture)})";

    public string EpochSeconds(string expression) => $"(CAST(unix_micros(CAST({expression} AS TIMESTAMP)) AS DOUBLE) / 1000000D)";

    public string Hash64(string textExpression) => $"xxhash64({textExpression})";

    // Numbers are hashed as their shortest text (Hash64): the dialect has no hash of a double's value in use yet.
    public string? Hash64Double(string doubleExpression) => null;

    public string? DoubleHashId => null;

    public string ShiftAndMask(string expression, int shift, long mask) =>
        $"(shiftright({expression}, {DialectText.Integer(shift)}) & {DialectText.Integer(mask)})";

    public string TextAgg(string textExpression) => $"concat_ws(',', collect_list({textExpression}))";

    // Spark compares strings by their UTF-8 bytes (the UTF8_BINARY collation), which is code point order.
    public string OrdinalText(string expression) => expression;

    public string Integers(int count, string alias, string column) => $"(VALUES {DialectText.Values(count)}) AS {alias}({column})";

    // The monitoring history's writes (docs/monitoring.md#the-history-in-a-warehouse).
    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => null;

    public string? TransactionLock(long key) => null;

    public string CountWhere(string condition) => $"count_if({condition})";

    public string TryCastBoolean(string expression)
    {
        var text = $"lower(trim({CastText(expression)}))";
        return DialectText.BooleanFromText(text);
    }

    public string TryCastDate(string expression)
    {
        var text = $"trim({CastText(expression)})";
        return DialectText.GuardedCast(Matches(text, DialectText.IsoDatePattern), DateCast(text));
    }

    public string TryCastTimestamp(string expression)
    {
        var text = $"trim({CastText(expression)})";
        return DialectText.GuardedCast(Matches(text, DialectText.IsoTimestampPattern), TimestampCast("replace(" + text + ", 'T', ' ')"));
    }

    // No strptime: the engine's parser takes another format language, so a contract's format is not translated.
    public string? TryParseTimestamp(string expression, string format) => null;

    private string Matches(string text, string pattern) => $"({text} RLIKE {Literal(pattern)})";

    private static string DateCast(string text) => $"try_cast({text} AS DATE)";

    private static string TimestampCast(string text) => $"try_cast({text} AS TIMESTAMP)";
}
