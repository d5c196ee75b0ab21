namespace ModelGates.Contracts;

/// <summary>The type a contract declares for a column's values.</summary>
public enum ValueType
{
    /// <summary>Whole numbers (a value with a fraction is a violation).</summary>
    Integer,

    /// <summary>Any real number.</summary>
    Number,

    /// <summary>Any text.</summary>
    String,

    /// <summary>true/false (also t/f, yes/no, y/n, 1/0).</summary>
    Boolean,

    /// <summary>A calendar date (ISO 8601 unless a <c>format</c> is given).</summary>
    Date,

    /// <summary>A date and time (ISO 8601 unless a <c>format</c> is given).</summary>
    Timestamp,
}

/// <summary>Text forms of <see cref="ValueType"/> and the SQL that parses them.</summary>
internal static class ValueTypes
{
    /// <summary>The JSON names, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["integer", "number", "string", "boolean", "date", "timestamp"];

    /// <summary>The JSON name.</summary>
    public static string ToText(this ValueType type) => Names[(int)type];

    /// <summary>Parses a JSON name.</summary>
    public static bool TryParse(string text, out ValueType type)
    {
        var index = Names.ToList().IndexOf(text);
        type = index < 0 ? ValueType.String : (ValueType)index;
        return index >= 0;
    }

    /// <summary>The contract type that describes a DuckDB column type.</summary>
    public static ValueType FromSql(string sqlType)
    {
        var type = sqlType.ToUpperInvariant();
        if (Data.SqlTypes.IsInteger(type))
        {
            return ValueType.Integer;
        }

        if (Data.SqlTypes.IsNumeric(type))
        {
            return ValueType.Number;
        }

        return type switch
        {
            "BOOLEAN" => ValueType.Boolean,
            "DATE" => ValueType.Date,
            _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) => ValueType.Timestamp,
            _ => ValueType.String,
        };
    }

    /// <summary>
    /// SQL that parses <paramref name="raw"/> as <paramref name="type"/>, giving NULL when it does not parse.
    /// Integers must not have a fraction (DuckDB's cast would round 3.5 to 4).
    /// </summary>
    public static string ParseSql(ValueType type, string raw, string? format) => type switch
    {
        ValueType.Integer => $"(CASE WHEN TRY_CAST({raw} AS DOUBLE) = TRY_CAST({raw} AS BIGINT) THEN TRY_CAST({raw} AS BIGINT) END)",
        ValueType.Number => $"TRY_CAST({raw} AS DOUBLE)",
        ValueType.Boolean => $"TRY_CAST({raw} AS BOOLEAN)",
        ValueType.Date when format is not null => $"CAST(try_strptime(CAST({raw} AS VARCHAR), {Data.SqlText.Literal(format)}) AS DATE)",
        ValueType.Date => $"TRY_CAST({raw} AS DATE)",
        ValueType.Timestamp when format is not null => $"try_strptime(CAST({raw} AS VARCHAR), {Data.SqlText.Literal(format)})",
        ValueType.Timestamp => $"TRY_CAST({raw} AS TIMESTAMP)",
        _ => $"CAST({raw} AS VARCHAR)",
    };

    /// <summary>True for types whose values are compared as numbers by <c>min</c>/<c>max</c>.</summary>
    public static bool IsNumeric(this ValueType type) => type is ValueType.Integer or ValueType.Number;
}
