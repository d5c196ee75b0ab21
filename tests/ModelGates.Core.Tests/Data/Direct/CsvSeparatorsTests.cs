using ModelGates.Data.Direct;
using ModelGates.Statistics;

namespace ModelGates.Tests.Data.Direct;

public sealed class CsvSeparatorsTests
{
    [Theory]
    [InlineData((byte)',')]
    [InlineData((byte)'\t')]
    [InlineData((byte)';')]
    public void The_mask_marks_exactly_the_delimiters_and_line_feeds_at_every_offset_and_length(byte delimiter)
    {
        var random = new SeededRandom(5);
        byte[] alphabet = [delimiter, (byte)'\n', (byte)'\r', (byte)'a', (byte)'1', (byte)'.', 0x80, 0xFF, (byte)','];
        for (var length = 0; length <= 200; length++)
        {
            var text = new byte[length];
            for (var i = 0; i < length; i++)
            {
                text[i] = alphabet[random.NextInt64(alphabet.Length)];
            }

            for (var start = 0; start < length; start++)
            {
                Assert.Equal(Naive(text, start, delimiter), CsvSeparators.Find(text, start, delimiter));
            }
        }
    }

    private static ulong Naive(byte[] text, int start, byte delimiter)
    {
        ulong mask = 0;
        for (var i = 0; i < CsvSeparators.Width && start + i < text.Length; i++)
        {
            if (text[start + i] == delimiter || text[start + i] == (byte)'\n')
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
