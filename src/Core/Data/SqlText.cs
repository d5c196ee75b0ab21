using System.Globalization;

namespace ModelGates.Data;

/// <summary>Quoting for SQL text built from user-given names and values.</summary>
internal static class SqlText
{
    /// <summary>A double-quoted identifier, safe for any column name.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A double literal that DuckDB reads back as the same double: a string cast to DOUBLE, because a bare literal
    /// with 16 or 17 digits is read as a DECIMAL and converted with a second rounding (4 % of random doubles came back
    /// one ulp off, so a value at a bin edge could fall in the wrong bin).
    /// </summary>
    public static string Literal(double value) =>
        double.IsFinite(value)
            ? "CAST('" + value.ToString("R", CultureInfo.InvariantCulture) + "' AS DOUBLE)"
            : value is double.NaN ? "'nan'::DOUBLE" : value > 0 ? "'inf'::DOUBLE" : "'-inf'::DOUBLE";

    /// <summary>A list literal of strings: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
