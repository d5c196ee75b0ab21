using System.Buffers;
using System.Security.Cryptography;

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
    /// <param name="path">The file.</param>
    /// <param name="length">Its length when it was listed.</param>
    /// <param name="minimumBytes">The smallest range.</param>
    /// <param name="maxRanges">The most ranges.</param>
    /// <param name="hashed">
    /// When given, the lines are counted in one sequential read that also hashes the file (SHA-256), and this is called
    /// with the file's size and lower-case hex hash when the read saw exactly <paramref name="length"/> bytes: the run
    /// needs the hash anyway, and a separate hashing read of a large file cost as much as the counting.
    /// </param>
    public static IReadOnlyList<CsvRange>? Split(string path, long length, long minimumBytes, int maxRanges, Action<long, string>? hashed = null)
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
        if (hashed is null)
        {
            Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => lines[k] = CountLines(path, starts[k], ends[k], length));
        }
        else
        {
            var (bytes, sha256) = CountLinesHashing(path, starts[^1], ends, length, lines);
            if (bytes == length)
            {
                hashed(bytes, sha256);
            }
        }

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

    /// <summary>
    /// <see cref="CountLines(string, long, long, long)"/> of every range (contiguous from 0, ending at <paramref name="ends"/>)
    /// in one read of the whole file, which also hashes it; returns the bytes read and their SHA-256 in lower-case hex.
    /// </summary>
    private static (long Bytes, string Sha256) CountLinesHashing(string path, long lastStart, List<long> ends, long length, long[] lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var window = ArrayPool<byte>.Shared.Rent(WindowSize);
        try
        {
            long position = 0;
            var range = 0;
            var last = (byte)'\n';
            int read;
            while ((read = file.Read(window, 0, window.Length)) > 0)
            {
                hash.AppendData(window, 0, read);
                var block = window.AsSpan(0, read);
                var at = 0;
                while (at < read && range < ends.Count)
                {
                    var take = (int)Math.Min(read - at, ends[range] - (position + at));
                    lines[range] += block.Slice(at, take).Count((byte)'\n');
                    at += take;
                    if (position + at == ends[range])
                    {
                        range++;
                    }
                }

                // The last byte read of the last range, as CountLines reads it (the file may have changed since it was listed).
                var through = Math.Min(position + read, length);
                if (through > lastStart && through > position)
                {
                    last = block[(int)(through - 1 - position)];
                }

                position += read;
            }

            // The last range's unterminated line, as CountLines counts it.
            if (length > lastStart && last != (byte)'\n')
            {
                lines[^1]++;
            }

            return (position, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
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
