using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Computes HyperLogLog registers of string values in SQL from DuckDB's <c>hash()</c>, always over the
/// VARCHAR form, so that partitions read with different types still merge. (Numbers: <see cref="ValueHash"/>.)
/// </summary>
internal static class DistinctRegisters
{
    /// <summary>Registers of <paramref name="valueSql"/> over the rows of <paramref name="fromSql"/> (a table and optional WHERE).</summary>
    public static byte[] Compute(DataEngine engine, string valueSql, string fromSql)
    {
        var hashed = $"hash({valueSql})";
        var minima = engine.Query(
            $"SELECT CAST({hashed} >> {DistinctSketch.LowBits} AS INTEGER), min({hashed} & {(1UL << DistinctSketch.LowBits) - 1}) FROM {fromSql} GROUP BY 1",
            r => ((int)SqlValue.ToInt64(r.GetValue(0)), SqlValue.ToUInt64(r.GetValue(1))));
        return DistinctSketch.RegistersFromMinima(minima);
    }

    /// <summary>
    /// DuckDB's <c>approx_count_distinct</c> of a list of strings: the estimate a VARCHAR column holding them gives
    /// (HyperLogLog ignores repeats and order, so each distinct value once is enough).
    /// </summary>
    public static long ApproxCountDistinct(DataEngine engine, IEnumerable<string> values) =>
        SqlValue.ToInt64(engine.Scalar($"SELECT approx_count_distinct(v) FROM (SELECT unnest({SqlText.List(values)}::VARCHAR[]) AS v)"));

    /// <summary>Registers of a list of strings, hashed exactly as a profiled string column is.</summary>
    public static byte[] OfStrings(DataEngine engine, IEnumerable<string> values) =>
        Compute(engine, "CAST(v AS VARCHAR)", $"(SELECT unnest({SqlText.List(values)}::VARCHAR[]) AS v)");
}
