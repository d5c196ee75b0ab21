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
    /// Each row of the relation as one row per column: <c>mg_column</c> (the column's index), <c>v</c> (its value,
    /// never null: rows where it is missing are left out) and one output per <paramref name="outputs"/> computed from
    /// it, so that a GROUP BY over them counts every column in one scan. Where the engine unnests arrays in lockstep
    /// (<see cref="ISqlDialect.UnnestInLockstep"/>) each output is one array of every column's expression, unnested;
    /// elsewhere a cross join with the integers 0 … k−1 and a CASE on the index choose them.
    /// </summary>
    /// <param name="d">The dialect.</param>
    /// <param name="from">The relation as a FROM item.</param>
    /// <param name="values">Each column's value expression.</param>
    /// <param name="outputs">Further outputs: a name and, from a column's index and its value expression, the output's expression.</param>
    public static string ColumnsAsRows(ISqlDialect d, string from, IReadOnlyList<string> values, IReadOnlyList<(string Name, Func<int, string, string> Output)> outputs)
    {
        var names = new[] { ColumnIndex, "v" }.Concat(outputs.Select(o => o.Name)).ToList();
        if (d.UnnestInLockstep)
        {
            // PostgreSQL compiles a correlated VALUES list's expressions again for every row; the arguments of a
            // lateral unnest are compiled once, and the scan below it still splits across parallel workers, each
            // aggregating its share (set-returning functions in a select list would not: every row went to the leader).
            var arrays = new List<IEnumerable<string>> { values.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)), values }
                .Concat(outputs.Select(o => values.Select((v, i) => o.Output(i, v))))
                .Select(items => $"ARRAY[{string.Join(", ", items)}]");
            return $"SELECT {string.Join(", ", names.Select(n => "mg_u." + n))} FROM {from} CROSS JOIN LATERAL unnest({string.Join(", ", arrays)}) AS mg_u({string.Join(", ", names)}) WHERE mg_u.v IS NOT NULL";
        }

        var k = values.Count;
        var value = k == 1 ? values[0] : "CASE mg_k." + ColumnIndex + " " + string.Join(" ", values.Select((e, i) => $"WHEN {i.ToString(CultureInfo.InvariantCulture)} THEN {e}")) + " END";
        var unpivot = $"SELECT mg_k.{ColumnIndex} AS {ColumnIndex}, {value} AS v FROM {from} CROSS JOIN {d.Integers(k, "mg_k", ColumnIndex)}";
        var computed = outputs.Select(o => PerColumn(Enumerable.Range(0, k).Select(i => o.Output(i, "v")).ToList()) + " AS " + o.Name);
        return $"SELECT {string.Join(", ", new[] { ColumnIndex, "v" }.Concat(computed))} FROM ({unpivot}) mg_c WHERE v IS NOT NULL";
    }

    /// <summary>One expression per column index, chosen by a CASE on <see cref="ColumnIndex"/> (of a row of <see cref="ColumnsAsRows"/>).</summary>
    public static string PerColumn(IReadOnlyList<string> perColumn) =>
        perColumn.Count == 1
            ? perColumn[0]
            : "CASE " + ColumnIndex + " " + string.Join(" ", perColumn.Select((e, i) => $"WHEN {i.ToString(CultureInfo.InvariantCulture)} THEN {e}")) + " END";

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

    /// <summary>
    /// A double from its text as an engine printed it (<see cref="ISqlDialect.DoubleText"/>): decimal or scientific
    /// notation read back bit for bit, and each engine's spelling of the infinities and NaN.
    /// </summary>
    public static double ReadDouble(ReadOnlySpan<char> text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var negative = text.StartsWith("-", StringComparison.Ordinal);
        var magnitude = negative || text.StartsWith("+", StringComparison.Ordinal) ? text[1..] : text;
        return magnitude switch
        {
            _ when magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase) || magnitude.Equals("infinity", StringComparison.OrdinalIgnoreCase)
                => negative ? double.NegativeInfinity : double.PositiveInfinity,
            _ when magnitude.Equals("nan", StringComparison.OrdinalIgnoreCase) => double.NaN,
            _ => throw new InvalidOperationException($"The engine printed '{text}' where a double was expected."),
        };
    }

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
