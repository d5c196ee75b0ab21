using System.Globalization;
using System.Numerics;

namespace ModelGates.Data;

/// <summary>Converts values DuckDB returns (including HUGEINT as <see cref="BigInteger"/>) to .NET numbers.</summary>
internal static class SqlValue
{
    /// <summary>A whole number; null reads as 0.</summary>
    public static long ToInt64(object? value) => value switch
    {
        null or DBNull => 0,
        BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>An unsigned whole number; null reads as 0.</summary>
    public static ulong ToUInt64(object? value) => value switch
    {
        null or DBNull => 0,
        BigInteger big => (ulong)big,
        _ => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A double; null reads as NaN.</summary>
    public static double ToDouble(object? value) => value switch
    {
        null or DBNull => double.NaN,
        BigInteger big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
