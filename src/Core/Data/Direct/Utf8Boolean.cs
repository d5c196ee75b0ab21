namespace ModelGates.Data.Direct;

/// <summary>The spellings DuckDB casts to BOOLEAN, in any letter case: true/false, t/f, yes/no, y/n, 1/0.</summary>
internal static class Utf8Boolean
{
    /// <summary>Parses one of the spellings; false for anything else (including surrounding spaces).</summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out bool value)
    {
        Span<byte> lower = stackalloc byte[5];
        if (field.Length > lower.Length)
        {
            value = false;
            return false;
        }

        for (var i = 0; i < field.Length; i++)
        {
            lower[i] = (byte)(field[i] is >= (byte)'A' and <= (byte)'Z' ? field[i] + 32 : field[i]);
        }

        var text = lower[..field.Length];
        if (text.SequenceEqual("true"u8) || text.SequenceEqual("t"u8) || text.SequenceEqual("yes"u8) || text.SequenceEqual("y"u8) || text.SequenceEqual("1"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return text.SequenceEqual("false"u8) || text.SequenceEqual("f"u8) || text.SequenceEqual("no"u8) || text.SequenceEqual("n"u8) || text.SequenceEqual("0"u8);
    }
}
