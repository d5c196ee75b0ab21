using System.Collections.Concurrent;
using System.Numerics;
using System.Text;
using ModelGates.Data;
using ModelGates.Data.Direct;

namespace ModelGates.Profiles;

/// <summary>
/// Profiles a plain CSV file without loading it into DuckDB (<see cref="DirectCsvReader"/> says which files
/// qualify), with the same code as <see cref="ProfileBuilder"/> and DuckDB's hash for text distinct
/// estimates, so the profile is the same, byte for byte, as the one built from a DuckDB table.
/// </summary>
internal static class DirectCsvProfiler
{
    /// <summary>Profiles <paramref name="source"/> directly, or returns null when the direct path does not apply.</summary>
    /// <param name="engine">An engine for sniffing and hashing; no table is created.</param>
    /// <param name="source">The dataset.</param>
    /// <param name="settings">Sketch sizes; defaults when null.</param>
    /// <exception cref="DataReadException">The path names no readable data (as when DuckDB reads it).</exception>
    public static DatasetProfile? TryProfile(DataEngine engine, DatasetSource source, ProfileSettings? settings = null) =>
        TryProfile(engine, source, settings ?? ProfileSettings.Default, DirectCsvReader.MinimumBytesPerRange, DirectCsvReader.DistinctCapacity);

    /// <summary>As the public overload, with the split size and the distinct-value limit given (tests use small ones).</summary>
    internal static DatasetProfile? TryProfile(DataEngine engine, DatasetSource source, ProfileSettings settings, long minimumBytesPerRange, int distinctCapacity) =>
        DirectCsvReader.TryRead(engine, source, minimumBytesPerRange, distinctCapacity) is { } data ? Profile(engine, data, settings) : null;

    private static DatasetProfile Profile(DataEngine engine, DirectCsvData data, ProfileSettings settings)
    {
        var columns = new ColumnProfile[data.Columns.Count];
        var hashId = ProfileBuilder.HashId(engine);

        // Text columns query the engine, one at a time, as one work item; number columns are one item each, so
        // the sorting runs on the other cores meanwhile.
        var work = new List<Action>
        {
            () =>
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    var column = data.Columns[i];
                    if (column.Kind == DirectColumn.Boolean)
                    {
                        columns[i] = ProfileBuilder.BooleanColumn(column.Column, data.Rows, column.NonMissing, column.Trues);
                    }
                    else if (column.Kind == DirectColumn.Text)
                    {
                        columns[i] = TextColumn(engine, column, data.Rows, settings, hashId);
                    }
                }
            },
        };
        for (var i = 0; i < columns.Length; i++)
        {
            var index = i;
            if (data.Columns[index].Kind == DirectColumn.Number)
            {
                work.Add(() => columns[index] = ProfileBuilder.NumericColumn(data.Columns[index].Column, data.Rows, data.Columns[index].Numbers.Span, settings, null));
            }
        }

        Parallel.ForEach(
            Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            item => item());

        return new DatasetProfile
        {
            Sources = [data.Path],
            Rows = data.Rows,
            UnparsedRows = 0,
            Settings = settings,
            Columns = columns,
        };
    }

    internal static ColumnProfile TextColumn(DataEngine engine, DirectColumnData column, long rows, ProfileSettings settings, string hashId)
    {
        BigInteger lengthSum = 0;
        BigInteger lengthSquares = 0;
        foreach (var (bytes, n) in column.Values)
        {
            // DuckDB's length() counts code points: every byte that does not continue a sequence starts one.
            var length = (long)bytes.Length - bytes.Count(b => (b & 0xC0) == 0x80);
            lengthSum += (BigInteger)length * n;
            lengthSquares += (BigInteger)length * length * n;
        }

        var strings = DirectCsvValues.SortedByCount(column.Values);
        var top = strings.Take(settings.MaxCategories + 1).Select(v => new CategoryCount(v.Value, v.Count)).ToList();
        var texts = strings.Select(v => v.Value).ToList();
        var approxDistinct = column.NonMissing == 0
            ? 0
            : DistinctRegisters.ApproxCountDistinct(engine, texts);
        return ProfileBuilder.TextColumn(
            column.Column,
            rows,
            new TextColumnCounts(column.NonMissing, approxDistinct, lengthSum, lengthSquares, top),
            settings,
            () => DistinctRegisters.OfStrings(engine, texts),
            hashId);
    }
}
