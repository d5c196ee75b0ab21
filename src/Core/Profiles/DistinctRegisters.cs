using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Computes HyperLogLog registers in SQL from DuckDB's <c>hash()</c>. Numbers are hashed as DOUBLE and
/// everything else as VARCHAR, so that partitions read with different types still merge.
/// </summary>
public static class DistinctRegisters
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

    /// <summary>Registers of a list of numbers, hashed exactly as a profiled numeric column is.</summary>
    public static byte[] OfNumbers(DataEngine engine, IEnumerable<double> values) =>
        Compute(engine, "CAST(v AS DOUBLE)", $"(SELECT unnest([{string.Join(", ", values.Select(SqlText.Literal))}]::DOUBLE[]) AS v)");

    /// <summary>Registers of a list of strings, hashed exactly as a profiled string column is.</summary>
    public static byte[] OfStrings(DataEngine engine, IEnumerable<string> values) =>
        Compute(engine, "CAST(v AS VARCHAR)", $"(SELECT unnest({SqlText.List(values)}::VARCHAR[]) AS v)");
}
