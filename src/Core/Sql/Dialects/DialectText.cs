using System.Globalization;
using System.Text;

namespace ModelGates.Sql.Dialects;

/// <summary>Spellings several dialects share.</summary>
internal static class DialectText
{
    /// <summary>The shortest text that reads back as the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole number.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The bin index (edges at or below the value) as a balanced tree of CASE expressions: log2(edges)
    /// comparisons per value, for engines without a <c>width_bucket</c> over explicit edges. The value must not be null.
    /// </summary>
    public static string BinarySearch(string expression, IReadOnlyList<double> edges, Func<double, string> literal)
    {
        if (edges.Count == 0)
        {
            return "0";
        }

        var sql = new StringBuilder();
        Append(sql, expression, edges, 0, edges.Count, literal);
        return sql.ToString();
    }

    /// <summary>The fraction whose "first value at or past fraction × count" (1-based ceiling) rule picks 0-based <paramref name="rank"/>.</summary>
    public static double CeilingFraction(long rank, long count) => (rank + 0.5) / count;

    /// <summary>Integers 0 … count−1 as a VALUES list: <c>(0), (1), …</c>.</summary>
    public static string Values(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "(" + Integer(i) + ")"));

    // Edges [lo, hi) decide between bins lo … hi: a value below edges[mid] has at most mid edges below it.
    private static void Append(StringBuilder sql, string expression, IReadOnlyList<double> edges, int lo, int hi, Func<double, string> literal)
    {
        if (lo == hi)
        {
            sql.Append(Integer(lo));
            return;
        }

        var mid = (lo + hi) / 2;
        sql.Append("CASE WHEN ").Append(expression).Append(" < ").Append(literal(edges[mid])).Append(" THEN ");
        Append(sql, expression, edges, lo, mid, literal);
        sql.Append(" ELSE ");
        Append(sql, expression, edges, mid + 1, hi, literal);
        sql.Append(" END");
    }

    /// <summary>
    /// A boolean from text already lower-cased and trimmed, spelled as contracts accept it
    /// (<c>true t yes y 1</c> / <c>false f no n 0</c>); anything else is null.
    /// </summary>
    public static string BooleanFromText(string normalizedText) =>
        $"(CASE WHEN {normalizedText} IN ('true', 't', 'yes', 'y', '1') THEN true WHEN {normalizedText} IN ('false', 'f', 'no', 'n', '0') THEN false END)";

    /// <summary>
    /// A cast applied only where the text first matched: for engines whose own date and timestamp casts are more
    /// lenient than ISO 8601 (a bare year, or a trailing time, casts to a date); the cast then rejects days that do not exist.
    /// </summary>
    public static string GuardedCast(string matches, string cast) => $"(CASE WHEN {matches} THEN {cast} END)";

    /// <summary>An ISO 8601 calendar date, whole text (<c>2026-11-30</c>, one- or two-digit month and day).</summary>
    public const string IsoDatePattern = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$";

    /// <summary>An ISO 8601 date with an optional time (<c>2026-11-30 08:15[:30[.123456]]</c>, a space or <c>T</c> between), whole text.</summary>
    public const string IsoTimestampPattern = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})?)?)?$";

    /// <summary><c>INSERT … ON CONFLICT (key) DO UPDATE SET</c> every other column (PostgreSQL 9.5+, DuckDB).</summary>
    internal static string OnConflictUpsert(ISqlDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns)
    {
        var names = columns.Select(dialect.Identifier).ToList();
        var set = string.Join(", ", names.Skip(keyColumns).Select(n => $"{n} = excluded.{n}"));
        return $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)}) ON CONFLICT ({string.Join(", ", names.Take(keyColumns))}) DO UPDATE SET {set}";
    }
}
