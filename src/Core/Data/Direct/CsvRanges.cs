using System.Buffers;

namespace ModelGates.Data.Direct;

/// <summary>One byte range of a file, starting at the beginning of a line.</summary>
/// <param name="Start">The first byte.</param>
/// <param name="End">One past the last byte.</param>
/// <param name="Lines">The lines that start in it: an upper bound on its records.</param>
/// <param name="FirstRow">The lines of all earlier ranges: where its values start in a column array.</param>
internal sealed record CsvRange(long Start, long End, int Lines, int FirstRow);

/// <summary>Splits a file into byte ranges that each start at the beginning of a line, and counts their lines.</summary>
internal static class CsvRanges
{
    private const int WindowSize = 1 << 18;

    /// <summary>
    /// At most <paramref name="maxRanges"/> ranges of at least <paramref name="minimumBytes"/> each (the last may
    /// be shorter), with their line counts; null when the file has more lines than an array can hold.
    /// </summary>
    public static IReadOnlyList<CsvRange>? Split(string path, long length, long minimumBytes, int maxRanges)
    {
        var count = (int)Math.Clamp(length / Math.Max(1, minimumBytes), 1, Math.Max(1, maxRanges));
        var starts = new List<long> { 0 };
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            var window = new byte[64 * 1024];
            for (var k = 1; k < count; k++)
            {
                var next = NextLineStart(file, window, Math.Max(length * k / count, starts[^1]), length);
                if (next > starts[^1] && next < length)
                {
                    starts.Add(next);
                }
            }
        }

        var ends = starts.Skip(1).Append(length).ToList();
        var lines = new long[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => lines[k] = CountLines(path, starts[k], ends[k], length));
        if (lines.Sum() > Array.MaxLength)
        {
            return null;
        }

        var ranges = new List<CsvRange>();
        var firstRow = 0;
        for (var k = 0; k < starts.Count; k++)
        {
            ranges.Add(new CsvRange(starts[k], ends[k], (int)lines[k], firstRow));
            firstRow += (int)lines[k];
        }

        return ranges;
    }

    /// <summary>The position just after the first line feed at or after <paramref name="from"/>; the file's length when there is none.</summary>
    internal static long NextLineStart(FileStream file, byte[] window, long from, long length)
    {
        for (var position = from; position < length; position += window.Length)
        {
            file.Position = position;
            var read = file.Read(window, 0, window.Length);
            var at = window.AsSpan(0, read).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return position + at + 1;
            }

            if (read == 0)
            {
                break;
            }
        }

        return length;
    }

    /// <summary>Line feeds in [start, end), plus one for an unterminated last line.</summary>
    internal static long CountLines(string path, long start, long end, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        file.Position = start;
        var window = ArrayPool<byte>.Shared.Rent(WindowSize);
        try
        {
            return CountLines(file, window, end - start, end == length && end > start);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
    }

    private static long CountLines(FileStream file, byte[] window, long remaining, bool lastRange)
    {
        long lines = 0;
        var last = (byte)'\n';
        while (remaining > 0)
        {
            var read = file.Read(window, 0, (int)Math.Min(window.Length, remaining));
            if (read == 0)
            {
                break;
            }

            lines += window.AsSpan(0, read).Count((byte)'\n');
            last = window[read - 1];
            remaining -= read;
        }

        return lines + (lastRange && last != (byte)'\n' ? 1 : 0);
    }
}
