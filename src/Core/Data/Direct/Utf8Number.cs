using System.Globalization;
using System.Runtime.CompilerServices;

namespace ModelGates.Data.Direct;

/// <summary>
/// Parses a CSV field as a number exactly as DuckDB's CSV reader does for the plain decimal forms, and refuses
/// every other form (spaces, underscores, hexadecimal, <c>inf</c>, <c>nan</c>) so that the caller falls back
/// to DuckDB, whose rules then apply. Results are correctly rounded, as DuckDB's are, so both paths give the
/// same double for every accepted field.
/// </summary>
internal static class Utf8Number
{
    private const ulong ExactMantissaLimit = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Parses <c>[+-]digits[.digits][(e|E)[+-]digits]</c> (digits on at least one side of the point) to a
    /// finite double; false for anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> field, out double value)
    {
        value = ParseOrNaN(field);
        if (double.IsNaN(value))
        {
            value = 0;
            return false;
        }

        return true;
    }

    /// <summary>
    /// As <see cref="TryParse"/>, with NaN (never a result: non-finite forms are refused) for a field it does not
    /// accept. The reader's loop keeps the value in a register this way; an <c>out</c> argument put it in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ParseOrNaN(ReadOnlySpan<byte> field)
    {
        var value = ShortDecimalOrNaN(field);
        return double.IsNaN(value) ? AnyOrNaN(field) : value;
    }

    /// <summary>
    /// The common case in one tight loop: <c>[-]digits[.digits]</c> with at most 19 digits, so the digits,
    /// leading zeros included, fit a 64-bit mantissa exactly, and then Clinger's fast path. NaN (and the
    /// general parser runs) for anything else, including mantissas past 2^53.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ShortDecimalOrNaN(ReadOnlySpan<byte> field)
    {
        var negative = field.Length > 0 && field[0] == (byte)'-';
        var i = negative ? 1 : 0;
        if (field.Length - i is 0 or > 20)
        {
            return double.NaN;
        }

        ulong mantissa = 0;
        var point = -1;
        for (; i < field.Length; i++)
        {
            var digit = (uint)(field[i] - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
            }
            else if (field[i] == (byte)'.' && point < 0)
            {
                point = i;
            }
            else
            {
                return double.NaN;
            }
        }

        var fractionDigits = point < 0 ? 0 : field.Length - 1 - point;
        var digits = field.Length - (negative ? 1 : 0) - (point < 0 ? 0 : 1);
        if (digits == 0 || digits > 19 || mantissa > ExactMantissaLimit)
        {
            return double.NaN;
        }

        // An exact mantissa divided by an exact power of ten (at most 10^19 here) is one correctly rounded operation.
        var value = fractionDigits == 0 ? mantissa : mantissa / PowersOfTen[fractionDigits];
        return negative ? -value : value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double AnyOrNaN(ReadOnlySpan<byte> field)
    {
        var i = 0;
        var negative = false;
        if (i < field.Length && (field[i] == (byte)'-' || field[i] == (byte)'+'))
        {
            negative = field[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var significant = 0;
        var digits = 0;
        var scale = 0;
        for (; i < field.Length && IsDigit(field[i]); i++, digits++)
        {
            Accumulate(field[i], ref mantissa, ref significant, ref scale, fraction: false);
        }

        if (i < field.Length && field[i] == (byte)'.')
        {
            for (i++; i < field.Length && IsDigit(field[i]); i++, digits++)
            {
                Accumulate(field[i], ref mantissa, ref significant, ref scale, fraction: true);
            }
        }

        if (digits == 0)
        {
            return double.NaN;
        }

        var exponent = 0;
        if (i < field.Length && (field[i] == (byte)'e' || field[i] == (byte)'E'))
        {
            i++;
            var negativeExponent = false;
            if (i < field.Length && (field[i] == (byte)'-' || field[i] == (byte)'+'))
            {
                negativeExponent = field[i] == (byte)'-';
                i++;
            }

            var exponentDigits = 0;
            for (; i < field.Length && IsDigit(field[i]); i++, exponentDigits++)
            {
                exponent = Math.Min((exponent * 10) + (field[i] - '0'), 100_000);
            }

            if (exponentDigits == 0)
            {
                return double.NaN;
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (i != field.Length)
        {
            return double.NaN;
        }

        // Clinger's fast path: an exact mantissa times or divided by an exact power of ten is one correctly
        // rounded operation. Everything else goes to the runtime's (also correctly rounded) parser.
        var power = exponent + scale;
        if (significant <= 19 && mantissa <= ExactMantissaLimit && power is >= -22 and <= 22)
        {
            var value = power < 0 ? mantissa / PowersOfTen[-power] : mantissa * PowersOfTen[power];
            return negative ? -value : value;
        }

        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Leading zeros are not significant; past 19 significant digits the fast path no longer applies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(byte digit, ref ulong mantissa, ref int significant, ref int scale, bool fraction)
    {
        if (mantissa == 0 && digit == '0')
        {
            scale -= fraction ? 1 : 0;
            return;
        }

        significant++;
        if (significant <= 19)
        {
            mantissa = (mantissa * 10) + (ulong)(digit - '0');
            scale -= fraction ? 1 : 0;
        }
        else
        {
            scale += fraction ? 0 : 1;
        }
    }
}
