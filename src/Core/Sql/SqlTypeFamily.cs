namespace ModelGates.Sql;

/// <summary>What kind of value an engine's column type holds, told from the type's name on any engine.</summary>
internal enum SqlTypeFamily
{
    /// <summary>Whole numbers (<c>integer</c>, <c>bigint</c>, <c>BIGINT</c>, <c>HUGEINT</c>, ...).</summary>
    Integer,

    /// <summary>Real and decimal numbers (<c>double precision</c>, <c>numeric(12,2)</c>, <c>DOUBLE</c>, <c>DECIMAL(18,3)</c>, ...).</summary>
    Real,

    /// <summary>Text (<c>text</c>, <c>character varying(20)</c>, <c>VARCHAR</c>, <c>STRING</c>, ...).</summary>
    Text,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>date</c>.</summary>
    Date,

    /// <summary>Timestamps with or without a time zone.</summary>
    Timestamp,

    /// <summary>Anything else (arrays, JSON, intervals, ...): compared as text where a rule needs a value.</summary>
    Other,
}

/// <summary>Tells a <see cref="SqlTypeFamily"/> from an engine's type name.</summary>
internal static class SqlTypeFamilies
{
    /// <summary>The family of an engine type name such as <c>character varying(20)</c> or <c>DECIMAL(18,3)</c>.</summary>
    public static SqlTypeFamily Of(string engineType)
    {
        var name = engineType.Trim().ToLowerInvariant();
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren].TrimEnd();
        }

        return name switch
        {
            "smallint" or "integer" or "int" or "bigint" or "int2" or "int4" or "int8" or "tinyint" or "hugeint" or "uhugeint"
                or "utinyint" or "usmallint" or "uinteger" or "ubigint" or "long" or "short" or "byte" or "smallserial" or "serial" or "bigserial" => SqlTypeFamily.Integer,
            "real" or "double precision" or "double" or "float" or "float4" or "float8" or "numeric" or "decimal" or "number" => SqlTypeFamily.Real,
            "text" or "varchar" or "character varying" or "character" or "char" or "bpchar" or "string" or "name" or "citext" => SqlTypeFamily.Text,
            "boolean" or "bool" => SqlTypeFamily.Boolean,
            "date" => SqlTypeFamily.Date,
            _ when name.StartsWith("timestamp", StringComparison.Ordinal) || name == "datetime" => SqlTypeFamily.Timestamp,
            _ => SqlTypeFamily.Other,
        };
    }
}
