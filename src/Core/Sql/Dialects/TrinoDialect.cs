using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>
/// Trino (and Presto-derived engines): standard quoting, <c>width_bucket</c> over an array of edges, Java-style
/// regular expressions (<c>regexp_like</c>, anchored here), <c>xxhash64</c>. Trino has no exact ordered-set
/// aggregate (only <c>approx_percentile</c>), so exact order statistics are ranked with <c>row_number()</c>.
/// Checked as text only; see <c>tests/ModelGates.Core.Tests/Sql/Golden/README.md</c>.
/// </summary>
internal sealed class TrinoDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly TrinoDialect Instance = new();

    public string Name => "trino";

    public string HashId => "trino-xxhash64/0";

    public IReadOnlyList<string> SessionStatements { get; } = [];

    public bool UnnestInLockstep => false;

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    public string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    // A number with an exponent is a DOUBLE literal in Trino; without one it is a DECIMAL.
    public string Literal(double value) =>
        double.IsFinite(value)
            ? Number(value)
            : value is double.NaN ? "nan()" : value > 0 ? "infinity()" : "-infinity()";

    public string CastDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    // Trino formats a DOUBLE with Java's Double.toString (reads back exactly); checked against the docs only.
    public string DoubleText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string CastText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string TryCastDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

    public string IsFinite(string expression) => $"is_finite({expression})";

    /// <summary>Trino's only percentile aggregate is approximate (<c>approx_percentile</c>, a q-digest); exact order statistics go through <see cref="OrderStatistics"/>'s ranking.</summary>
    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        $"approx_percentile({expression}, ARRAY[{string.Join(", ", fractions.Select(Number))}])";

    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) => null;

    public string BinIndex(string expression, IReadOnlyList<double> edges) =>
        edges.Count == 0 ? "0" : $"width_bucket({expression}, ARRAY[{string.Join(", ", edges.Select(Number))}])";

    public string? FullMatch(string expression, string pattern) => $"regexp_like({expression}, {Literal("^(?:" + pattern + ")$")})";

    public string Length(string expression) => $"length({expression})";

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    // Trino's TABLESAMPLE has no seed: the sample differs from run to run.
    public string Sample(string relation, double percent, int seed) => $"{relation} TABLESAMPLE BERNOULLI ({DialectText.Number(percent)})";

    public string EpochSeconds(string expression) => $"to_unixtime(CAST({expression} AS TIMESTAMP))";

    public string Hash64(string textExpression) => $"from_big_endian_64(xxhash64(to_utf8({textExpression})))";

    // Numbers are hashed as their shortest text (Hash64): the dialect has no hash of a double's value in use yet.
    public string? Hash64Double(string doubleExpression) => null;

    public string? DoubleHashId => null;

    public string ShiftAndMask(string expression, int shift, long mask) =>
        $"bitwise_and(bitwise_right_shift({expression}, {DialectText.Integer(shift)}), {DialectText.Integer(mask)})";

    public string TextAgg(string textExpression) => $"array_join(array_agg({textExpression}), ',')";

    // Trino compares VARCHAR by code point.
    public string OrdinalText(string expression) => expression;

    public string Integers(int count, string alias, string column) => $"(VALUES {DialectText.Values(count)}) AS {alias}({column})";

    // The monitoring history's writes (docs/monitoring.md#the-history-in-a-warehouse).
    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => null;

    public string? TransactionLock(long key) => null;

    private static string Number(double value)
    {
        var text = DialectText.Number(value);
        return text.Contains('E', StringComparison.Ordinal) ? text : text + "E0";
    }

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

    private string Matches(string text, string pattern) => $"regexp_like({text}, {Literal(pattern)})";

    private static string DateCast(string text) => $"try_cast({text} AS date)";

    private static string TimestampCast(string text) => $"try_cast({text} AS timestamp)";
}
