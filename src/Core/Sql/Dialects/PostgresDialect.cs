using System.Globalization;

namespace ModelGates.Sql.Dialects;

/// <summary>PostgreSQL (12 and later): standard quoting, <c>percentile_disc</c> over an array, <c>width_bucket</c> over an array of edges, POSIX regular expressions.</summary>
internal sealed class PostgresDialect : ISqlDialect
{
    /// <summary>The one instance.</summary>
    public static readonly PostgresDialect Instance = new();

    private const string NumberPattern = @"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$";

    public string Name => "postgres";

    public string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableName(string dotted) => string.Join('.', dotted.Split('.').Select(Identifier));

    public string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string Literal(double value) =>
        double.IsFinite(value)
            ? "CAST(" + value.ToString("R", CultureInfo.InvariantCulture) + " AS double precision)"
            : value is double.NaN ? "'NaN'::double precision" : value > 0 ? "'Infinity'::double precision" : "'-Infinity'::double precision";

    public string CastDouble(string expression) => $"CAST({expression} AS double precision)";

    public string CastText(string expression) => $"CAST({expression} AS text)";

    public string TryCastDouble(string expression) =>
        $"(CASE WHEN {expression} ~ {Literal(NumberPattern)} THEN CAST({expression} AS double precision) END)";

    public string IsFinite(string expression) =>
        $"({expression} NOT IN ('NaN'::double precision, 'Infinity'::double precision, '-Infinity'::double precision))";

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) =>
        $"percentile_disc(ARRAY[{string.Join(", ", fractions.Select(Number))}]::double precision[]) WITHIN GROUP (ORDER BY {expression})";

    public string BinIndex(string expression, IReadOnlyList<double> edges) =>
        edges.Count == 0 ? "0" : $"width_bucket({expression}, ARRAY[{string.Join(", ", edges.Select(Number))}]::double precision[])";

    public string? FullMatch(string expression, string pattern) => $"({expression} ~ {Literal("^(?:" + pattern + ")$")})";

    public string Length(string expression) => $"char_length({expression})";

    public string Limit(string select, long rows) => $"{select} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    public string Sample(string relation, double percent, int seed) =>
        $"{relation} TABLESAMPLE BERNOULLI ({Number(percent)}) REPEATABLE ({seed.ToString(CultureInfo.InvariantCulture)})";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
