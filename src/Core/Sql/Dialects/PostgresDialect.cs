using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>
/// PostgreSQL (12 and later): standard quoting, <c>percentile_disc</c> over an array, <c>width_bucket</c> over an
/// array of edges (a binary search), POSIX regular expressions, <c>hashtextextended</c> (the stable hash behind
/// hash partitioning). Each construct and its documentation page: <c>tests/ModelGates.Core.Tests/Sql/Golden/README.md</c>.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly PostgresDialect Instance = new();

    // At most four exponent digits: numeric reads those exactly, and anything larger is far outside a double anyway.
    private const string NumberPattern = @"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?\s*$";

    public string Name => "postgres";

    public string HashId => "postgres-hashtextextended/0";

    // The queries pushdown sends hold large CASE expressions; PostgreSQL's JIT compiler spent 35 s compiling one
    // that then ran in 0.3 s, so they run interpreted. Doubles packed into text (DoubleText) must print in their
    // shortest exact form, which extra_float_digits ≥ 1 selects (a server or role may have set it lower).
    public IReadOnlyList<string> SessionStatements { get; } = ["SET jit = off", "SET extra_float_digits = 1"];

    public bool UnnestInLockstep => true;

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    public string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string Literal(double value) =>
        double.IsFinite(value)
            ? "CAST(" + Number(value) + " AS double precision)"
            : value is double.NaN ? "'NaN'::double precision" : value > 0 ? "'Infinity'::double precision" : "'-Infinity'::double precision";

    public string CastDouble(string expression) => $"CAST({expression} AS double precision)";

    // With extra_float_digits ≥ 1 (set on the session: SessionStatements) PostgreSQL 12+ prints float8 in the
    // shortest form that reads back exactly (Ryu); 0 or less would round to 15 digits.
    public string DoubleText(string expression) => $"CAST({expression} AS text)";

    public string CastText(string expression) => $"CAST({expression} AS text)";

    // A double cast fails the whole query on 1e400 or 1e-400 (out of range), so the text goes through numeric, which
    // holds it exactly: beyond the largest double is ±infinity, below the smallest subnormal 0 (as DuckDB reads them);
    // NaN and the infinities are spelled as PostgreSQL's own input accepts them.
    public string TryCastDouble(string expression)
    {
        var exact = $"CAST({expression} AS numeric)";
        var special = $"lower(btrim({expression}))";
        return $"(CASE WHEN {expression} ~ {Literal(NumberPattern)} THEN CASE WHEN {exact} > 1.7976931348623157e308 THEN {Literal(double.PositiveInfinity)} WHEN {exact} < -1.7976931348623157e308 THEN {Literal(double.NegativeInfinity)} WHEN abs({exact}) < 2.5e-324 THEN CAST(0 AS double precision) ELSE CAST({exact} AS double precision) END "
            + $"WHEN {special} IN ('nan', '+nan', '-nan', 'inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity') THEN CAST(btrim({expression}) AS double precision) END)";
    }

    public string IsFinite(string expression) =>
        $"({expression} NOT IN ('NaN'::double precision, 'Infinity'::double precision, '-Infinity'::double precision))";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        $"percentile_disc({DoubleArray(fractions)}) WITHIN GROUP (ORDER BY {expression})";

    // percentile_disc(f) is the first value whose 1-based position reaches f × count: ceil(f × n).
    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) =>
        PercentilesDisc(expression, ranks.Select(r => DialectText.CeilingFraction(r, count)).ToList());

    public string BinIndex(string expression, IReadOnlyList<double> edges) =>
        edges.Count == 0 ? "0" : $"width_bucket({expression}, {DoubleArray(edges)})";

    public string? FullMatch(string expression, string pattern) => $"({expression} ~ {Literal("^(?:" + pattern + ")$")})";

    public string Length(string expression) => $"char_length({expression})";

    public string CountWhere(string condition) => $"count(*) FILTER (WHERE {condition})";

    public string TryCastBoolean(string expression)
    {
        var text = $"lower(CAST({expression} AS text))";
        return DialectText.BooleanFromText(text);
    }

    // PostgreSQL 15 has no TRY_CAST (pg_input_is_valid came in 16): the text must look like an ISO date and name a
    // day that exists before it is cast, and nested CASEs keep the cast from running on anything else.
    public string TryCastDate(string expression)
    {
        var text = $"btrim(CAST({expression} AS text))";
        // DuckDB reads a date followed by a time as that date; the time must still be a time of day.
        var parts = $"regexp_match({text}, {Literal(DatePattern + TimePattern + "$")})";
        return $"(CASE WHEN {ValidDate(parts)} THEN CASE WHEN {ValidTime(parts)} THEN make_date({Part(parts, 1)}, {Part(parts, 3)}, {Part(parts, 4)}) END END)";
    }

    public string TryCastTimestamp(string expression)
    {
        var text = $"btrim(CAST({expression} AS text))";
        var parts = $"regexp_match({text}, {Literal(DatePattern + TimePattern + "$")})";
        var clock = $"make_time(CAST(coalesce(({parts})[5], '0') AS integer), CAST(coalesce(({parts})[6], '0') AS integer), CAST(coalesce(({parts})[7], '0') AS double precision))";
        return $"(CASE WHEN {ValidDate(parts)} THEN CASE WHEN {ValidTime(parts)} THEN make_date({Part(parts, 1)}, {Part(parts, 3)}, {Part(parts, 4)}) + {clock} END END)";
    }

    // to_timestamp's formats are not strptime's, and it fails on bad input instead of giving NULL.
    public string? TryParseTimestamp(string expression, string format) => null;

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} TABLESAMPLE BERNOULLI ({Number(percent)}) REPEATABLE ({seed.ToString(CultureInfo.InvariantCulture)})";

    public string EpochSeconds(string expression) => $"CAST(extract(epoch FROM {expression}) AS double precision)";

    public string Hash64(string textExpression) => $"hashtextextended({textExpression}, 0)";

    // hashfloat8extended hashes the double's 8 bytes (−0.0 and 0.0 alike, as count(DISTINCT) counts them) without
    // printing it; it returns the seed itself for zero, so the seed is a random-looking constant, not 0 (whose hash 0
    // would set its register to the largest value).
    public string? Hash64Double(string doubleExpression) => $"hashfloat8extended({doubleExpression}, {DoubleHashSeed})";

    public string? DoubleHashId => "postgres-hashfloat8extended/" + DoubleHashSeed;

    private const string DoubleHashSeed = "2685821657736338717";

    public string ShiftAndMask(string expression, int shift, long mask) =>
        $"(({expression} >> {DialectText.Integer(shift)}) & {DialectText.Integer(mask)})";

    public string TextAgg(string textExpression) => $"string_agg({textExpression}, ',')";

    public string OrdinalText(string expression) => $"({expression} COLLATE \"C\")";

    public string Integers(int count, string alias, string column) => $"(VALUES {DialectText.Values(count)}) AS {alias}({column})";

    // The monitoring history's writes (docs/monitoring.md#the-history-in-a-warehouse).
    public string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns) => DialectText.OnConflictUpsert(this, table, columns, values, keyColumns);

    public string? TransactionLock(long key) => FormattableString.Invariant($"SELECT pg_advisory_xact_lock({key})");

    // A literal is read as an exact numeric, whose cast to float8 goes through its text and so rounds once.
    private static string Number(double value) => DialectText.Number(value);

    // One constant of type float8[], read by float8in (correctly rounded) when the query is parsed, instead of an
    // array of numerics cast element by element.
    private static string DoubleArray(IReadOnlyList<double> values) => "'{" + string.Join(",", values.Select(Number)) + "}'::double precision[]";

    // Year, separator (-, / or ., the same twice), month, day; then an optional time: hour, minute, second with a
    // fraction, and an offset that is accepted but not applied (timestamp without time zone).
    private const string DatePattern = "^([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})";

    private const string TimePattern = "(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}(?:\\.[0-9]{1,6})?))?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?";

    private static string Part(string parts, int i) => $"CAST(({parts})[{i.ToString(CultureInfo.InvariantCulture)}] AS integer)";

    /// <summary>SQL true when the matched year, month and day (groups 1, 3, 4) name a day that exists; NULL when nothing matched.</summary>
    private static string ValidDate(string parts)
    {
        var (year, month, day) = (Part(parts, 1), Part(parts, 3), Part(parts, 4));
        var lastDay = $"CAST(extract(day FROM make_date({year}, {month}, 1) + interval '1 month' - interval '1 day') AS integer)";
        return $"({parts}) IS NOT NULL AND {year} >= 1 AND {month} BETWEEN 1 AND 12 AND {day} BETWEEN 1 AND (CASE WHEN {month} BETWEEN 1 AND 12 AND {year} >= 1 THEN {lastDay} ELSE 0 END)";
    }

    /// <summary>SQL true when the matched hour, minute and second (groups 5–7, each optional) are a time of day.</summary>
    private static string ValidTime(string parts) =>
        $"CAST(coalesce(({parts})[5], '0') AS integer) < 24 AND CAST(coalesce(({parts})[6], '0') AS integer) < 60 AND CAST(coalesce(({parts})[7], '0') AS double precision) < 60";
}
