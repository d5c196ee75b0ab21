using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Data.Streaming;
using ModelGates.Memory;

namespace ModelGates.Inputs;

/// <summary>
/// Decides whether a dataset is read into memory (exact, as always) or streamed in bounded memory: a plain CSV
/// file is streamed when its number columns, held as arrays of doubles, would not fit in the memory limit.
/// The estimate is the file's length over the mean length of its first lines, times the number columns, times 8.
/// </summary>
internal static class StreamingReads
{
    /// <summary>The file opened for streaming, or null when it fits the limit or cannot be streamed directly.</summary>
    public static StreamingCsvFile? Streamed(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, MemoryLimit limit)
    {
        if (files.Count != 1 || !DirectCsvReader.OptionsAllowDirectRead(source) || DataFileResolver.ResolveFormat(source, files) != DataFormat.Csv)
        {
            return null;
        }

        // Partition folders add columns that are not in the file; DuckDB's read adds them.
        if (DataFileResolver.ResolvePartitions(engine, source).Layout is not null)
        {
            return null;
        }

        var estimate = EstimatedNumberBytes(files[0]);
        return estimate is { } bytes && bytes > limit.Bytes ? StreamingCsvFile.TryOpen(engine, source) : null;
    }

    /// <summary>The bytes a CSV file's number columns take as doubles, estimated from its first lines; null when it cannot tell.</summary>
    internal static long? EstimatedNumberBytes(DataFile file)
    {
        try
        {
            if (CsvDialectGuess.From(file.Path) is not { } guess)
            {
                return null;
            }

            var numbers = guess.Kinds.Count(k => k == DirectColumn.Number);
            var sample = new byte[1 << 20];
            int read;
            using (var stream = File.OpenRead(file.Path))
            {
                read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
            }

            var lines = sample.AsSpan(0, read).Count((byte)'\n');
            if (lines < 2)
            {
                return null;
            }

            var rows = (double)file.Length / read * lines;
            return (long)(rows * numbers * sizeof(double));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
