using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>
/// Snowflake: double-quoted (case-sensitive) names, backslash escapes in strings, <c>PERCENTILE_DISC</c> one
/// fraction per call, <c>WIDTH_BUCKET</c> only for equal widths (a CASE binary search instead), POSIX regular
/// expressions (<c>REGEXP_LIKE</c> matches the whole string), <c>HASH</c>. Checked as text only; see
/// <c>tests/ModelGates.Core.Tests/Sql/Golden/README.md</c>.
/// </summary>
internal sealed class SnowflakeDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly SnowflakeDialect Instance = new();

    public string Name => "snowflake";

    public string HashId => "snowflake-hash/0";

    public IReadOnlyList<string> SessionStatements { get; } = [];

    public bool UnnestInLockstep => false;

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    // Snowflake reads backslash escape sequences in single-quoted literals.
    public string Literal(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    // A string cast to DOUBLE rounds once; a bare literal would be a fixed-point NUMBER first.
    public string Literal(double value) =>
        double.IsFinite(value)
            ? $"CAST('{DialectText.Number(value)}' AS DOUBLE)"
            : value is double.NaN ? "CAST('NaN' AS DOUBLE)" : value > 0 ? "CAST('inf' AS DOUBLE)" : "CAST('-inf' AS DOUBLE)";

    public string CastDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    // The documentation does not promise that a FLOAT's text reads back bit for bit; TO_CHAR with the text-minimal
    // exponent format 'TME' prints every significant digit Snowflake holds. Unverified on a server (docs/scale.md).
    public string DoubleText(string expression) => $"TO_CHAR({expression}, 'TME')";

    public string CastText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string TryCastDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

    public string IsFinite(string expression) =>
        $"({expression} NOT IN (CAST('NaN' AS DOUBLE), CAST('inf' AS DOUBLE), CAST('-inf' AS DOUBLE)))";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        "ARRAY_CONSTRUCT(" + string.Join(", ", fractions.Select(f => $"PERCENTILE_DISC({DialectText.Number(f)}) WITHIN GROUP (ORDER BY {expression})")) + ")";

    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) =>
        PercentilesDisc(expression, ranks.Select(r => DialectText.CeilingFraction(r, count)).ToList());

    public string BinIndex(string expression, IReadOnlyList<double> edges) => DialectText.BinarySearch(expression, edges, Literal);

    // REGEXP_LIKE anchors the pattern at both ends; Snowflake's POSIX syntax has no (?:) group.
    public string? FullMatch(string expression, string pattern) => $"REGEXP_LIKE({expression}, {Literal(pattern)})";

    public string Length(string expression) => $"LENGTH({expression})";

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} SAMPLE BERNOULLI ({DialectText.Number(percent)}) SEED ({seed.ToString(CultureInfo.InvariantCulture)})";

    public string EpochSeconds(string expression) => $"(CAST(DATE_PART(EPOCH_MICROSECOND, {expression}) AS DOUBLE) / 1000000)";

    public string Hash64(string textExpression) => $"HASH({textExpression})";

    // Numbers are hashed as their shortest text (Hash64): the dialect has no hash of a double's value in use yet.
    public string? Hash64Double(string doubleExpression) => null;

    public string? DoubleHashId => null;

    public string ShiftAndMask(string expression, int shift, long mask) =>
        $"BITAND(BITSHIFTRIGHT({expression}, {DialectText.Integer(shift)}), {DialectText.Integer(mask)})";

    public string TextAgg(string textExpression) => $"LISTAGG({textExpression}, ',')";

    public string OrdinalText(string expression) => $"COLLATE({expression}, 'utf8')";

    public string Integers(int count, string alias, string column) => $"(VALUES {DialectText.Values(count)}) AS {alias}({column})";

    // The monitoring history's writes (docs/monitoring.md#the-history-in-a-warehouse).
    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => null;

    public string? TransactionLock(long key) => null;

    public string CountWhere(string condition) => $"COUNT_IF({condition})";

    public string TryCastBoolean(string expression)
    {
        var text = $"LOWER(TRIM({CastText(expression)}))";
        return DialectText.BooleanFromText(text);
    }

    public string TryCastDate(string expression)
    {
        var text = $"TRIM({CastText(expression)})";
        return DialectText.GuardedCast(Matches(text, DialectText.IsoDatePattern), DateCast(text));
    }

    public string TryCastTimestamp(string expression)
    {
        var text = $"TRIM({CastText(expression)})";
        return DialectText.GuardedCast(Matches(text, DialectText.IsoTimestampPattern), TimestampCast("REPLACE(" + text + ", 'T', ' ')"));
    }

    // No strptime: the engine's parser takes another format language, so a contract's format is not translated.
    public string? TryParseTimestamp(string expression, string format) => null;

    private string Matches(string text, string pattern) => $"REGEXP_LIKE({text}, {Literal(pattern)})";

    private static string DateCast(string text) => $"TRY_TO_DATE({text}, 'YYYY-MM-DD')";

    private static string TimestampCast(string text) => $"TRY_TO_TIMESTAMP({text})";
}
