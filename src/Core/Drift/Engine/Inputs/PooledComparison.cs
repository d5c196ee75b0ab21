using ModelGates.Data;
using ModelGates.Drift.Engine.Effects;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Tests;
using ModelGates.Profiles;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// A numeric column of two tables beyond the memory limit compared exactly inside DuckDB (docs/drift.md): DuckDB sorts
/// the union of both sides' values and counts each side at every distinct value (spilling to its temporary directory
/// under <c>memory_limit</c>), and the rows stream out one batch at a time into the tests' pooled accumulators, the same
/// ones the in-memory tests run, and into the bootstrap's point compressors. What is held does not grow with the rows:
/// a batch, the accumulators and at most <see cref="ColumnComparer.BootstrapPoints"/> points per side.
/// </summary>
internal static class PooledComparison
{
    /// <summary>Measures <paramref name="plan"/>'s significance test and effect on the column in one pass (two for a rank-scale effect).</summary>
    public static PooledMeasure Measure(DataEngine engine, LoadedDataset referenceTable, DatasetColumn referenceColumn, LoadedDataset currentTable, DatasetColumn currentColumn, ReferenceColumn reference, DriftPlan plan)
    {
        var referenceValue = Value(referenceColumn, referenceTable.Table, 0);
        var currentValue = Value(currentColumn, currentTable.Table, 1);
        var current = Moments(engine, currentValue);
        var sides = new PooledSides(
            new SampleMoments(reference.Count, reference.Mean, reference.PopulationStandardDeviation * reference.PopulationStandardDeviation * reference.Count),
            current,
            reference.Min == reference.Max);
        var significance = Pooled(plan.SignificanceTest, sides);
        var effect = Pooled(plan.EffectMeasure, sides);
        var referencePoints = new WeightedPoints.Compressor(reference.Count, ColumnComparer.BootstrapPoints);
        var currentPoints = new WeightedPoints.Compressor((long)current.Size, ColumnComparer.BootstrapPoints);

        var referenceThrough = 0.0;
        var currentThrough = 0.0;
        engine.ReadBatches(
            $"SELECT v, count(*) FILTER (WHERE s = 0), count(*) FILTER (WHERE s = 1) FROM ({referenceValue} UNION ALL {currentValue}) GROUP BY v ORDER BY v",
            batch =>
            {
                var values = (Apache.Arrow.DoubleArray)batch.Column(0);
                var inReference = (Apache.Arrow.Int64Array)batch.Column(1);
                var inCurrent = (Apache.Arrow.Int64Array)batch.Column(2);
                for (var i = 0; i < batch.Length; i++)
                {
                    var value = values.GetValue(i)!.Value;
                    var r = inReference.GetValue(i)!.Value;
                    var c = inCurrent.GetValue(i)!.Value;
                    var step = new PooledStep(value, referenceThrough, referenceThrough + r, currentThrough, currentThrough + c);
                    referenceThrough = step.ReferenceThrough;
                    currentThrough = step.CurrentThrough;
                    significance.Add(step);
                    effect.Add(step);
                    if (r > 0)
                    {
                        referencePoints.Add(value, r);
                    }

                    if (c > 0)
                    {
                        currentPoints.Add(value, c);
                    }
                }
            });

        var points = (referencePoints.Result(), currentPoints.Result());
        if (plan.EffectMeasure.CdfDistance == CdfDistance.Rank)
        {
            // The bootstrap redraws rank-scale effects on the reference's mid-distribution function, as RankScale maps.
            var rank = RankAt(engine, referenceValue, reference.Count, points.Item1.Values.Concat(points.Item2.Values));
            points = (points.Item1.Mapped(x => rank[x]), points.Item2.Mapped(x => rank[x]));
        }

        return new PooledMeasure(significance.Result(), effect.Result(), points.Item1, points.Item2);
    }

    /// <summary>A side's non-missing values as a query of (value, side): the profile's value expression, non-finite numbers missing.</summary>
    private static string Value(DatasetColumn column, string table, int side) =>
        $"SELECT v, {side} AS s FROM (SELECT CAST({ProfileBuilder.ValueSql(column)} AS DOUBLE) AS v FROM {table}) WHERE v IS NOT NULL";

    private static IPooledStatistic Pooled(IDriftTest test, PooledSides sides) =>
        test is ValueDriftTest value ? value.Pooled(sides) : throw new InvalidOperationException($"{test.Id} does not compare values.");

    /// <summary>The current side's size, mean and centred sum of squares by DuckDB's sums (within rounding of the in-memory ones).</summary>
    private static SampleMoments Moments(DataEngine engine, string side)
    {
        var row = engine.Row($"SELECT count(v), avg(v), var_pop(v) FROM ({side})");
        var count = SqlValue.ToInt64(row[0]);
        return count == 0
            ? new SampleMoments(0, double.NaN, double.NaN)
            : new SampleMoments(count, SqlValue.ToDouble(row[1]), SqlValue.ToDouble(row[2]) * count);
    }

    /// <summary>
    /// The reference's mid-distribution function at each of <paramref name="points"/>, bit for bit as
    /// <see cref="RankScale"/> gives it: the reference's distinct values stream out of DuckDB ascending and merge with the points.
    /// </summary>
    private static Dictionary<double, double> RankAt(DataEngine engine, string referenceValue, long count, IEnumerable<double> points)
    {
        var sorted = points.Distinct().Order().ToArray();
        var ranks = new Dictionary<double, double>(sorted.Length);
        double total = count;
        var below = 0.0;
        var next = 0;
        engine.ReadBatches(
            $"SELECT v, count(*) FROM ({referenceValue}) GROUP BY v ORDER BY v",
            batch =>
            {
                var values = (Apache.Arrow.DoubleArray)batch.Column(0);
                var counts = (Apache.Arrow.Int64Array)batch.Column(1);
                for (var i = 0; i < batch.Length; i++)
                {
                    var value = values.GetValue(i)!.Value;
                    double at = counts.GetValue(i)!.Value;
                    for (; next < sorted.Length && sorted[next] < value; next++)
                    {
                        ranks[sorted[next]] = below / total;
                    }

                    if (next < sorted.Length && sorted[next] == value)
                    {
                        ranks[sorted[next++]] = (below + (at / 2.0)) / total;
                    }

                    below += at;
                }
            });
        for (; next < sorted.Length; next++)
        {
            ranks[sorted[next]] = below / total;
        }

        return ranks;
    }
}

/// <summary>What <see cref="PooledComparison"/> measured: both tests' results and each side's bootstrap points (on the rank scale for a rank effect).</summary>
internal sealed record PooledMeasure(DriftTestResult Significance, DriftTestResult Effect, WeightedPoints ReferencePoints, WeightedPoints CurrentPoints);
