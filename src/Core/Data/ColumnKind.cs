namespace ModelGates.Data;

/// <summary>What a column holds, which decides its statistics, checks and drift tests.</summary>
public enum ColumnKind
{
    /// <summary>Integers and real numbers.</summary>
    Numeric,

    /// <summary>Strings with few distinct values.</summary>
    Categorical,

    /// <summary>True/false values.</summary>
    Boolean,

    /// <summary>Dates, times and timestamps.</summary>
    Datetime,

    /// <summary>Strings with many distinct values (free text, identifiers).</summary>
    Text,
}

/// <summary>Text forms of <see cref="ColumnKind"/> as written in JSON.</summary>
internal static class ColumnKindText
{
    /// <summary>The lower-case JSON name.</summary>
    public static string ToText(this ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "numeric",
        ColumnKind.Categorical => "categorical",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Datetime => "datetime",
        _ => "text",
    };

    /// <summary>Parses a JSON name written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out ColumnKind kind)
    {
        foreach (var candidate in Enum.GetValues<ColumnKind>())
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = ColumnKind.Text;
        return false;
    }
}
