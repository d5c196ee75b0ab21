using System.Globalization;
using System.Text;

namespace ModelGates.Sql.Dialects;

/// <summary>DuckDB: the embedded engine's own spelling (<c>quantile_disc</c> over a list, <c>TRY_CAST</c>, RE2 regular expressions).</summary>
internal sealed class DuckDbDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly DuckDbDialect Instance = new();

    public string Name => "duckdb";

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    public string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string Literal(double value) =>
        double.IsFinite(value)
            ? "CAST(" + value.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE)"
            : value is double.NaN ? "'nan'::DOUBLE" : value > 0 ? "'inf'::DOUBLE" : "'-inf'::DOUBLE";

    public string CastDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    public string CastText(string expression) => $"CAST({expression} AS VARCHAR)";

    public string TryCastDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

    public string IsFinite(string expression) => $"isfinite({expression})";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        $"quantile_disc({expression}, [{string.Join(", ", fractions.Select(Number))}])";

    public string BinIndex(string expression, IReadOnlyList<double> edges)
    {
        if (edges.Count == 0)
        {
            return "CAST(0 AS BIGINT)";
        }

        var sql = new StringBuilder("(");
        for (var i = 0; i < edges.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " + ");
            sql.Append(CultureInfo.InvariantCulture, $"CAST({expression} >= {Number(edges[i])} AS BIGINT)");
        }

        return sql.Append(')').ToString();
    }

    public string? FullMatch(string expression, string pattern) => $"regexp_full_match({expression}, {Literal(pattern)})";

    public string Length(string expression) => $"length({expression})";

    public string CountWhere(string condition) => $"count(*) FILTER (WHERE {condition})";

    public string TryCastBoolean(string expression) => $"TRY_CAST({expression} AS BOOLEAN)";

    public string TryCastDate(string expression) => $"TRY_CAST({expression} AS DATE)";

    public string TryCastTimestamp(string expression) => $"TRY_CAST({expression} AS TIMESTAMP)";

    public string? TryParseTimestamp(string expression, string format) => $"try_strptime(CAST({expression} AS VARCHAR), {Literal(format)})";

    // DuckDB compares text by its UTF-8 bytes (code points) unless a collation is asked for.
    public string OrderText(string expression) => expression;

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} USING SAMPLE {Number(percent)} PERCENT (bernoulli, {seed.ToString(CultureInfo.InvariantCulture)})";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
