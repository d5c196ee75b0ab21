using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelGates.Data.Direct;

/// <summary>
/// Finds the field delimiters and line feeds of 64 bytes at once, as a bit mask, with vector compares where
/// the processor has them. Fields of a few bytes make a search call per field cost more than the search; a
/// mask per 64 bytes is two or four compares, and walking its bits is one instruction per field.
/// </summary>
internal static class CsvSeparators
{
    /// <summary>The bytes of a mask.</summary>
    public const int Width = 64;

    /// <summary>
    /// Bit <c>i</c> is set when <c>text[start + i]</c> is <paramref name="delimiter"/> or a line feed; bytes
    /// past the end of <paramref name="text"/> are not set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Find(ReadOnlySpan<byte> text, int start, byte delimiter)
    {
        if (text.Length - start >= Width)
        {
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start);
            if (Vector256.IsHardwareAccelerated)
            {
                var delimiters = Vector256.Create(delimiter);
                var lineFeeds = Vector256.Create((byte)'\n');
                var low = Vector256.LoadUnsafe(ref first);
                var high = Vector256.LoadUnsafe(ref first, 32);
                var lowMask = (Vector256.Equals(low, delimiters) | Vector256.Equals(low, lineFeeds)).ExtractMostSignificantBits();
                var highMask = (Vector256.Equals(high, delimiters) | Vector256.Equals(high, lineFeeds)).ExtractMostSignificantBits();
                return lowMask | ((ulong)highMask << 32);
            }

            if (Vector128.IsHardwareAccelerated)
            {
                var delimiters = Vector128.Create(delimiter);
                var lineFeeds = Vector128.Create((byte)'\n');
                ulong mask = 0;
                for (var part = 0; part < 4; part++)
                {
                    var bytes = Vector128.LoadUnsafe(ref first, (nuint)(part * 16));
                    mask |= (ulong)(Vector128.Equals(bytes, delimiters) | Vector128.Equals(bytes, lineFeeds)).ExtractMostSignificantBits() << (part * 16);
                }

                return mask;
            }
        }

        return Scalar(text, start, delimiter);
    }

    private static ulong Scalar(ReadOnlySpan<byte> text, int start, byte delimiter)
    {
        ulong mask = 0;
        var end = Math.Min(text.Length, start + Width);
        for (var i = start; i < end; i++)
        {
            if (text[i] == delimiter || text[i] == (byte)'\n')
            {
                mask |= 1UL << (i - start);
            }
        }

        return mask;
    }
}
