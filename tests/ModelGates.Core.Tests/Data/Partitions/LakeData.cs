using System.Globalization;
using ModelGates.Data;

namespace ModelGates.Tests.Data.Partitions;

/// <summary>Real Hive-partitioned lakes written by DuckDB's own <c>COPY ... PARTITION_BY</c>.</summary>
internal static class LakeData
{
    public const string FirstDay = "2026-10-28";

    /// <summary>
    /// <paramref name="days"/> daily partitions from <see cref="FirstDay"/> of <paramref name="rowsPerDay"/> rows:
    /// an id, an amount with thousands of distinct values that shifts by day, a city (six values), a score with missing
    /// values, and the <c>day</c> partition column.
    /// </summary>
    public static string WriteParquet(string folder, int days, int rowsPerDay, int seed = 1)
    {
        using var engine = new DataEngine();
        engine.Execute($"COPY ({Rows(days, rowsPerDay, seed)}) TO {SqlText.Literal(folder)} (FORMAT parquet, PARTITION_BY (day))");
        return folder;
    }

    /// <summary>The same rows as CSV partitions.</summary>
    public static string WriteCsv(string folder, int days, int rowsPerDay, int seed = 1)
    {
        using var engine = new DataEngine();
        engine.Execute($"COPY ({Rows(days, rowsPerDay, seed)}) TO {SqlText.Literal(folder)} (FORMAT csv, HEADER, PARTITION_BY (day))");
        return folder;
    }

    /// <summary>Rewrites one day's partition with other values (the file's bytes change, its partition stays).</summary>
    public static void RewriteDay(string folder, string day, int rows, int seed)
    {
        var file = Directory.GetFiles(Path.Combine(folder, $"day={day}")).Single();
        using var engine = new DataEngine();
        var offset = (DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.ParseExact(FirstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber) * rows;
        engine.Execute($"COPY (SELECT * EXCLUDE (day) FROM ({Rows(offset / rows + 1, rows, seed)}) WHERE id >= {offset}) TO {SqlText.Literal(file)} (FORMAT parquet)");
    }

    /// <summary>Every row with its partition value: what a read of the whole lake must give.</summary>
    public static string Rows(int days, int rowsPerDay, int seed) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            SELECT i AS id,
                   round((hash(i, {seed}) % 1000000) / 10000.0 + (i // {rowsPerDay}) * 0.5, 3) AS amount,
                   ['Oslo', 'Lima', 'Pune', 'Kyiv', 'Rome', 'Nuuk'][1 + (hash(i, {seed}, 2) % 6)::INTEGER] AS city,
                   CASE WHEN hash(i, {seed}, 3) % 10 = 0 THEN NULL ELSE (hash(i, {seed}, 4) % 50)::INTEGER END AS score,
                   DATE '{FirstDay}' + (i // {rowsPerDay})::INTEGER AS day
            FROM range({days * rowsPerDay}) t(i)
            ORDER BY i
            """);
}
