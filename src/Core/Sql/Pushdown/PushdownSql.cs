using System.Collections;
using System.Globalization;
using System.Numerics;
using ModelGates.Data;

namespace ModelGates.Sql.Pushdown;

/// <summary>
/// The SQL pieces every pushed-down query shares: the value a column is profiled as (the file profiler's rule:
/// numbers as doubles with non-finite values missing, datetimes as epoch seconds), and "columns as rows": a cross
/// join with the integers 0 … k−1 and a CASE per row, so that one scan groups any number of columns.
/// </summary>
internal static class PushdownSql
{
    /// <summary>The name of the column index in a cross join (chosen not to clash with a table's columns).</summary>
    public const string ColumnIndex = "mg_column";

    /// <summary>The value of a numeric or datetime column as the profiler sees it: a double, NULL when missing or not finite.</summary>
    public static string NumberValue(ISqlDialect d, DatasetColumn column)
    {
        var name = d.Identifier(column.Name);
        if (column.TypeKind == ColumnKind.Datetime)
        {
            return d.EpochSeconds(name);
        }

        var number = d.CastDouble(name);
        return EngineTypes.MayBeNonFinite(column.SqlType) ? $"(CASE WHEN {d.IsFinite(number)} THEN {number} END)" : number;
    }

    /// <summary>The text of a column's value as categories are counted (booleans <c>true</c> / <c>false</c>).</summary>
    public static string TextValue(ISqlDialect d, DatasetColumn column)
    {
        var name = d.Identifier(column.Name);
        return column.TypeKind == ColumnKind.Boolean ? $"(CASE WHEN {name} THEN 'true' WHEN NOT {name} THEN 'false' END)" : d.CastText(name);
    }

    /// <summary>
    /// <c>FROM relation CROSS JOIN (0 … k−1)</c> with one CASE per output column choosing the k-th expression:
    /// each row of the relation becomes k rows (one per column), so a GROUP BY over them counts every column in one scan.
    /// </summary>
    /// <param name="d">The dialect.</param>
    /// <param name="from">The relation as a FROM item.</param>
    /// <param name="outputs">Per output column: its name and one expression per column index.</param>
    public static string ColumnsAsRows(ISqlDialect d, string from, IReadOnlyList<(string Name, IReadOnlyList<string> PerColumn)> outputs)
    {
        var k = outputs[0].PerColumn.Count;
        var select = new List<string> { "mg_k." + ColumnIndex + " AS " + ColumnIndex };
        foreach (var (name, perColumn) in outputs)
        {
            select.Add(k == 1
                ? $"{perColumn[0]} AS {name}"
                : "CASE mg_k." + ColumnIndex + " " + string.Join(" ", perColumn.Select((e, i) => $"WHEN {i.ToString(CultureInfo.InvariantCulture)} THEN {e}")) + $" END AS {name}");
        }

        return $"SELECT {string.Join(", ", select)} FROM {from} CROSS JOIN {d.Integers(k, "mg_k", ColumnIndex)}";
    }

    /// <summary>A whole number from any provider's value; null reads as 0.</summary>
    public static long Long(object? value) => value switch
    {
        null or DBNull => 0,
        BigInteger big => (long)big,
        decimal m => (long)m,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>An exact integer sum (HUGEINT, numeric) from any provider's value.</summary>
    public static BigInteger Big(object? value) => value switch
    {
        null or DBNull => BigInteger.Zero,
        BigInteger big => big,
        decimal m => new BigInteger(m),
        _ => new BigInteger(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>A double; null reads as NaN.</summary>
    public static double Double(object? value) => value switch
    {
        null or DBNull => double.NaN,
        BigInteger big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The doubles of an array or list value.</summary>
    public static double[] Doubles(object? value) => value is IEnumerable items and not string
        ? items.Cast<object?>().Select(Double).ToArray()
        : throw new InvalidOperationException("The engine returned no array where one was expected.");

    /// <summary>An unsigned 64-bit value from a signed or unsigned integer (hash bits).</summary>
    public static ulong Bits(object? value) => value switch
    {
        null or DBNull => 0,
        ulong u => u,
        long l => unchecked((ulong)l),
        BigInteger big => (ulong)(big & ulong.MaxValue),
        decimal m => (ulong)m,
        _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };
}
