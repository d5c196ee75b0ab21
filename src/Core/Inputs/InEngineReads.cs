using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Memory;
using ModelGates.Sql;

namespace ModelGates.Inputs;

/// <summary>
/// A dataset read into a DuckDB table (Parquet, JSON Lines, CSV the direct reader declines: quoted fields, embedded
/// delimiters or newlines, several files) whose number columns would not fit the memory limit as arrays of doubles is
/// profiled, and compared with a stored profile, inside DuckDB: the pushdown queries of a database table run on the
/// loaded table, DuckDB sorts and aggregates under its <c>memory_limit</c> (spilling to disk), and only aggregates come
/// back, so what the run holds does not grow with the rows (docs/scale.md#memory). Whether DuckDB gets that limit is
/// decided before the table is loaded (<see cref="EstimatedTableBytes"/>): a table loaded under DuckDB's own default
/// (80 % of the machine's memory) would stay in memory whole.
/// </summary>
internal static class InEngineReads
{
    /// <summary>True when the table's number and time columns, as doubles, exceed <paramref name="limit"/>.</summary>
    public static bool BeyondLimit(LoadedDataset dataset, MemoryLimit limit)
    {
        var numbers = dataset.Columns.Count(c => c.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime);
        return numbers > 0 && (double)dataset.Rows * numbers * sizeof(double) > limit.Bytes;
    }

    /// <summary>
    /// The bytes the table of <paramref name="files"/> would take at 8 bytes a value (rows × every column × 8), estimated
    /// without loading it: a Parquet file's row count from its footer, a text file's from the lines of its first
    /// megabyte (decompressed for gzip) scaled to the files' length. It bounds what <see cref="BeyondLimit"/> measures
    /// after the load (number columns are some of the columns), so a table that will be beyond the limit is loaded under
    /// it. Null when the files cannot tell (unreadable or malformed: the load then reports why).
    /// </summary>
    public static long? EstimatedTableBytes(DataEngine engine, DataFormat format, IReadOnlyList<DataFile> files)
    {
        if (files.Count == 0)
        {
            return null;
        }

        try
        {
            var (rows, columns) = format switch
            {
                DataFormat.Parquet => ParquetShape(engine, files),
                DataFormat.JsonLines => TextShape(files, JsonColumns),
                _ => TextShape(files, CsvColumns),
            };
            return rows is { } r && columns is { } c ? (long)Math.Min(r * c * sizeof(double), long.MaxValue / 2) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DuckDBException)
        {
            return null;
        }
    }

    /// <summary>The dataset's columns (not the hidden file column) as a relation named as the dataset's path.</summary>
    public static SqlRelation Relation(LoadedDataset dataset) =>
        SqlRelation.OfQuery(
            "SELECT " + string.Join(", ", dataset.Columns.Select(c => SqlText.Identifier(c.Name))) + " FROM " + dataset.Table,
            dataset.Source.Path);

    /// <summary>Rows from the footers (no data page is read) and the columns DuckDB's read gives.</summary>
    private static (double? Rows, double? Columns) ParquetShape(DataEngine engine, IReadOnlyList<DataFile> files)
    {
        var list = "[" + string.Join(", ", files.Select(f => SqlText.Literal(f.Path))) + "]";
        var rows = SqlValue.ToInt64(engine.Scalar($"SELECT sum(num_rows) FROM parquet_file_metadata({list})"));
        var columns = engine.Query($"DESCRIBE SELECT * FROM read_parquet({SqlText.Literal(files[0].Path)})", _ => 0).Count;
        return (rows, columns);
    }

    /// <summary>Rows estimated from the first file's first megabyte, columns from its first line.</summary>
    private static (double? Rows, double? Columns) TextShape(IReadOnlyList<DataFile> files, Func<string, string, int?> columnsOf)
    {
        var first = files[0];
        var sample = new byte[1 << 20];
        int read;
        long consumed;
        using (var file = File.OpenRead(first.Path))
        {
            if (first.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                read = gzip.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
            }
            else
            {
                read = file.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
            }

            // The compressed bytes behind the sample (the stream reads ahead a little, which only lowers the estimate's rows
            // by that share).
            consumed = Math.Max(1, file.Position);
        }

        var text = sample.AsSpan(0, read);
        var lines = text.Count((byte)'\n');
        var end = text.IndexOf((byte)'\n');
        if (lines < 1 || end <= 0)
        {
            return (null, null);
        }

        var columns = columnsOf(first.Path, System.Text.Encoding.UTF8.GetString(text[..end]).TrimEnd('\r'));
        var total = files.Sum(f => (double)f.Length);
        return (lines * total / consumed, columns);
    }

    /// <summary>The keys of a JSON Lines file's first record.</summary>
    private static int? JsonColumns(string path, string line)
    {
        try
        {
            using var record = JsonDocument.Parse(line);
            return record.RootElement.ValueKind == JsonValueKind.Object ? record.RootElement.EnumerateObject().Count() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fields of a CSV file's first line, split as the direct reader's guess of its delimiter splits them.</summary>
    private static int? CsvColumns(string path, string line) =>
        CsvDialectGuess.From(path) is { } guess ? guess.Kinds.Length : line.Split(',').Length;

    /// <summary>Bytes as the progress lines write them.</summary>
    internal static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N0} MB");
}
