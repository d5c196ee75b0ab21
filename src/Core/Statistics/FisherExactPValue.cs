using System.Numerics;

namespace ModelGates.Statistics;

/// <summary>
/// The two-sided p-value of Fisher's exact test on a 2×2 table, following SciPy 1.10's
/// <c>fisher_exact</c>: the tail on the observed side of the mode, plus the tail on the other side
/// holding the tables no more probable than the observed one up to a relative 1e-14. Ties within
/// floating-point noise are decided in exact integer arithmetic, so a symmetric table counts its
/// mirror image exactly as the mathematics says.
/// </summary>
internal static class FisherExactPValue
{
    // SciPy's relative tolerance: a table this close to the observed probability counts as "as extreme".
    private const long ToleranceDenominator = 100_000_000_000_000; // 1 / 1e-14

    /// <summary>The p-value for the table [[a, b], [c, d]]; 1 when a row or a column is empty.</summary>
    public static double TwoSided(long a, long b, long c, long d)
    {
        var row1 = a + b;
        var row2 = c + d;
        var column1 = a + c;
        if (row1 == 0 || row2 == 0 || column1 == 0 || b + d == 0)
        {
            return 1.0;
        }

        var distribution = new HypergeometricDistribution(row1 + row2, row1, column1);
        var mode = (long)Math.Floor((column1 + 1) * (double)(row1 + 1) / (row1 + row2 + 2));
        var pExact = distribution.Pmf(a);
        var pMode = distribution.Pmf(mode);
        if (pExact == 0)
        {
            // The observed table's probability underflows: both tails are below 1e-300; report the observed one.
            return a < mode ? distribution.LowerTail(a) : distribution.UpperTail(a);
        }

        if (IsWithinTolerance(distribution, mode, a, pMode, pExact))
        {
            return 1.0;
        }

        if (a < mode)
        {
            var lower = distribution.LowerTail(a);
            if (IsMoreProbable(distribution, column1, a, pExact))
            {
                return lower;
            }

            // The last x at or above the mode still more probable than the observed table.
            var boundary = LastWhere(mode, column1, x => IsMoreProbable(distribution, x, a, pExact));
            return Math.Min(1.0, lower + distribution.UpperTail(boundary + 1));
        }

        var upper = distribution.UpperTail(a);
        if (IsMoreProbable(distribution, 0, a, pExact))
        {
            return upper;
        }

        // The last x at or below the mode no more probable than the observed table.
        var last = LastWhere(0, mode, x => !IsMoreProbable(distribution, x, a, pExact));
        return Math.Min(1.0, upper + (last < 0 ? 0.0 : distribution.LowerTail(last)));
    }

    // The largest x in [lo, hi] where the predicate (true then false along x) holds, or lo − 1.
    private static long LastWhere(long lo, long hi, Func<long, bool> holds)
    {
        var first = lo - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (holds(mid))
            {
                first = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return first;
    }

    // P(x) > P(a) (1 + 1e-14), SciPy's "strictly more probable than the observed table" test.
    private static bool IsMoreProbable(HypergeometricDistribution distribution, long x, long a, double pExact)
    {
        var px = distribution.Pmf(x);
        var ratio = px / pExact;
        var bound = 1.0 + 1e-14;
        if (double.IsFinite(ratio) && Math.Abs(ratio - bound) > 1e-11)
        {
            return ratio > bound;
        }

        var (numerator, denominator) = distribution.ExactRatio(x, a);
        return numerator * ToleranceDenominator > denominator * (ToleranceDenominator + 1);
    }

    // |P(mode) − P(a)| / max(P(mode), P(a)) ≤ 1e-14.
    private static bool IsWithinTolerance(HypergeometricDistribution distribution, long mode, long a, double pMode, double pExact)
    {
        var ratio = pMode / pExact;
        if (double.IsFinite(ratio) && Math.Abs(ratio - 1.0) > 1e-11)
        {
            return false;
        }

        var (numerator, denominator) = distribution.ExactRatio(mode, a);
        var difference = BigInteger.Abs(numerator - denominator);
        var larger = BigInteger.Max(numerator, denominator);
        return difference * ToleranceDenominator <= larger;
    }
}
