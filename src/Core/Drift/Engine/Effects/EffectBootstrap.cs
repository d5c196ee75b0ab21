using System.Runtime.CompilerServices;
using ModelGates.Drift.Engine.Results;
using ModelGates.Statistics;

namespace ModelGates.Drift.Engine.Effects;

/// <summary>
/// The seeded Poisson bootstrap behind every effect interval and minimum detectable effect
/// (docs/drift.md#effect-intervals):
/// <list type="bullet">
/// <item>the interval: both sides resampled as they are; the spread of the replicate effects around their
/// median, placed around the estimate: [e − (median − q_low), e + (q_high − median)]. A distance between two
/// samples is pulled up by their noise, and resampling adds that noise once more, so the plain percentile
/// interval sits above the estimate (and excludes it when there is no drift); centring removes that pull;</item>
/// <item>the minimum detectable effect: both sides drawn from the pooled data (no drift) with their own sizes;
/// the (1 − α) percentile of those effects: the smallest effect these sizes can tell from noise.</item>
/// </list>
/// </summary>
internal static class EffectBootstrap
{
    private const int MaxRedraws = 100;

    /// <summary>The interval and minimum detectable effect of a distance over a grid of values.</summary>
    public static (EffectInterval Interval, double MinimumDetectableEffect) ForValues(
        ValueGrid grid, bool squared, double estimate, EffectBootstrapSettings settings)
    {
        var n = grid.Length;
        var referenceTotal = grid.Reference.Sum();
        var currentTotal = grid.Current.Sum();
        var pooledShare = new double[n];
        for (var i = 0; i < n; i++)
        {
            pooledShare[i] = (grid.Reference[i] + grid.Current[i]) / (referenceTotal + currentTotal);
        }

        var observedMeans = new PoissonMeans(grid.Reference, grid.Current);
        var nullMeans = new PoissonMeans(
            pooledShare.Select(p => referenceTotal * p).ToArray(),
            pooledShare.Select(p => currentTotal * p).ToArray());
        var r = new double[n];
        var c = new double[n];
        var observed = new double[settings.Replicates];
        var random = new NormalDraws(new SeededRandom(settings.IntervalSeed));
        for (var b = 0; b < observed.Length; b++)
        {
            Redraw(random, r, c, observedMeans, whole: false);
            observed[b] = grid.Distance(r, c, squared);
        }

        var noise = new double[settings.Replicates];
        random = new NormalDraws(new SeededRandom(settings.NullSeed));
        for (var b = 0; b < noise.Length; b++)
        {
            Redraw(random, r, c, nullMeans, whole: false);
            noise[b] = grid.Distance(r, c, squared);
        }

        return (Interval(observed, estimate, settings.Level), Upper(noise, settings.Alpha));
    }

    /// <summary>The interval and minimum detectable effect of a count measure over aligned counts.</summary>
    public static (EffectInterval Interval, double MinimumDetectableEffect) ForCounts(
        long[] reference, long[] current, IDriftTest measure, double estimate, EffectBootstrapSettings settings)
    {
        var n = reference.Length;
        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        var observedMeans = new PoissonMeans(reference.Select(v => (double)v).ToArray(), current.Select(v => (double)v).ToArray());
        var nullMeans = new PoissonMeans(
            reference.Select((v, i) => referenceTotal * (v + current[i]) / (referenceTotal + currentTotal)).ToArray(),
            current.Select((v, i) => currentTotal * (reference[i] + v) / (referenceTotal + currentTotal)).ToArray());
        var r = new double[n];
        var c = new double[n];
        var observed = new double[settings.Replicates];
        var random = new NormalDraws(new SeededRandom(settings.IntervalSeed));
        for (var b = 0; b < observed.Length; b++)
        {
            Redraw(random, r, c, observedMeans, whole: true);
            observed[b] = Measure(measure, r, c);
        }

        var noise = new double[settings.Replicates];
        random = new NormalDraws(new SeededRandom(settings.NullSeed));
        for (var b = 0; b < noise.Length; b++)
        {
            Redraw(random, r, c, nullMeans, whole: true);
            noise[b] = Measure(measure, r, c);
        }

        return (Interval(observed, estimate, settings.Level), Upper(noise, settings.Alpha));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Redraw(NormalDraws random, double[] r, double[] c, PoissonMeans means, bool whole)
    {
        // A replicate with an empty side has no distribution to compare; draw again (only plausible with a handful of rows).
        for (var attempt = 0; attempt < MaxRedraws; attempt++)
        {
            double referenceTotal = 0, currentTotal = 0;
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = PoissonSampler.Draw(random, means.Reference[i], means.ReferenceStart[i]);
                c[i] = PoissonSampler.Draw(random, means.Current[i], means.CurrentStart[i]);
                if (whole)
                {
                    r[i] = Math.Round(r[i], MidpointRounding.ToEven);
                    c[i] = Math.Round(c[i], MidpointRounding.ToEven);
                }

                referenceTotal += r[i];
                currentTotal += c[i];
            }

            if (referenceTotal > 0 && currentTotal > 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The bootstrap drew an empty side 100 times in a row; the sample is too small to resample.");
    }

    private static double Measure(IDriftTest measure, double[] reference, double[] current) =>
        measure.Compute(
            new CountVector(reference.Select(v => (long)v).ToArray()),
            new CountVector(current.Select(v => (long)v).ToArray())).Statistic;

    private static EffectInterval Interval(double[] replicates, double estimate, double level)
    {
        Array.Sort(replicates);
        var median = Percentile.Of(replicates, 0.5);
        var lower = estimate - (median - Percentile.Of(replicates, (1 - level) / 2));
        var upper = estimate + (Percentile.Of(replicates, (1 + level) / 2) - median);

        // Distances are never negative. An infinite estimate (a constant reference) has an infinite interval.
        return double.IsFinite(estimate)
            ? new EffectInterval(Math.Max(0.0, lower), Math.Max(0.0, upper), level)
            : new EffectInterval(estimate, estimate, level);
    }

    private static double Upper(double[] replicates, double alpha)
    {
        Array.Sort(replicates);
        return Percentile.Of(replicates, 1 - alpha);
    }
}

/// <summary>The Poisson means of each grid point on both sides, with the start of their inversion computed once.</summary>
internal sealed class PoissonMeans
{
    public PoissonMeans(double[] reference, double[] current)
    {
        Reference = reference;
        Current = current;
        ReferenceStart = reference.Select(PoissonSampler.Start).ToArray();
        CurrentStart = current.Select(PoissonSampler.Start).ToArray();
    }

    public double[] Reference { get; }

    public double[] Current { get; }

    public double[] ReferenceStart { get; }

    public double[] CurrentStart { get; }
}

/// <summary>The sizes and seeds of one column's bootstrap.</summary>
/// <param name="Replicates">Replicates for the interval, and again for the minimum detectable effect.</param>
/// <param name="Level">The confidence level of the interval.</param>
/// <param name="Alpha">The level whose (1 − α) noise percentile is the minimum detectable effect.</param>
/// <param name="IntervalSeed">Seed of the interval's resamples.</param>
/// <param name="NullSeed">Seed of the no-drift resamples.</param>
internal readonly record struct EffectBootstrapSettings(int Replicates, double Level, double Alpha, ulong IntervalSeed, ulong NullSeed);
