using System.Numerics;

namespace ModelGates.Statistics;

/// <summary>
/// The number of marked items in <see cref="Draws"/> draws without replacement from a population of
/// <see cref="Population"/> items of which <see cref="Marked"/> are marked.
/// </summary>
internal readonly record struct HypergeometricDistribution(long Population, long Marked, long Draws)
{
    /// <summary>The smallest value with positive probability.</summary>
    public long Min => Math.Max(0, Draws - (Population - Marked));

    /// <summary>The largest value with positive probability.</summary>
    public long Max => Math.Min(Draws, Marked);

    /// <summary>P(X = x), through Loader's binomial densities (R's dhyper), accurate for counts in the millions.</summary>
    public double Pmf(long x)
    {
        if (x < Min || x > Max)
        {
            return 0.0;
        }

        double total = Population;
        var p = Draws / total;
        var q = (Population - Draws) / total;
        var first = LoaderDensities.Binomial(x, Marked, p, q);
        var second = LoaderDensities.Binomial(Draws - x, Population - Marked, p, q);
        var whole = LoaderDensities.Binomial(Draws, Population, p, q);
        return first * second / whole;
    }

    /// <summary>P(X ≤ x), summed outward from x; accurate when x is below the mode (the tail the Fisher test needs).</summary>
    public double LowerTail(long x)
    {
        if (x < Min)
        {
            return 0.0;
        }

        if (x >= Max)
        {
            return 1.0;
        }

        var term = Pmf(x);
        var sum = term;
        var others = Population - Marked - Draws;
        for (var j = x; j > Min; j--)
        {
            // P(j−1) / P(j) = j (N−K−n+j) / ((K−j+1)(n−j+1))
            term *= j * (double)(others + j) / ((Marked - j + 1) * (double)(Draws - j + 1));
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return Math.Min(1.0, sum);
    }

    /// <summary>P(X ≥ x), summed outward from x; accurate when x is above the mode.</summary>
    public double UpperTail(long x)
    {
        if (x > Max)
        {
            return 0.0;
        }

        if (x <= Min)
        {
            return 1.0;
        }

        var term = Pmf(x);
        var sum = term;
        var others = Population - Marked - Draws;
        for (var j = x; j < Max; j++)
        {
            // P(j+1) / P(j) = (K−j)(n−j) / ((j+1)(N−K−n+j+1))
            term *= (Marked - j) * (double)(Draws - j) / ((j + 1) * (double)(others + j + 1));
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return Math.Min(1.0, sum);
    }

    /// <summary>
    /// P(X = x) / P(X = reference) as an exact fraction (numerator, denominator), for deciding ties
    /// that floating point cannot.
    /// </summary>
    public (BigInteger Numerator, BigInteger Denominator) ExactRatio(long x, long reference)
    {
        if (x == reference)
        {
            return (BigInteger.One, BigInteger.One);
        }

        var others = Population - Marked - Draws;
        var up = BigInteger.One;
        var down = BigInteger.One;
        var (from, to) = x > reference ? (reference, x) : (x, reference);
        for (var j = from; j < to; j++)
        {
            up *= new BigInteger(Marked - j) * (Draws - j);
            down *= new BigInteger(j + 1) * (others + j + 1);
        }

        return x > reference ? (up, down) : (down, up);
    }
}
