using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;
using ModelGates.Profiles;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// The current side of a drift gate as a table or query in a SQL engine, compared with a stored reference profile
/// without moving the rows. Three queries whatever the column count (docs/scale.md):
/// <list type="number">
/// <item>counts (one scan): rows, and non-missing values per column;</item>
/// <item>numbers (one scan): per numeric column, count, sum, min and max on each "fine bin", packed into one text per column: the reference
/// sketch's points, each point alone (<c>[p, next double after p)</c>) and each gap between points, plus the
/// reference's minimum and maximum;</item>
/// <item>categories (one scan): the count of each value of categorical and boolean columns.</item>
/// </list>
/// From the fine bins the frozen-bin counts and the outside-range counts are exact, and the current's CDF is exact
/// at every point of the reference sketch and just below it, which is everywhere the KS distance to the sketch can
/// be reached: KS is exact. The values compared (<c>wasserstein</c>, <c>ed</c>, <c>t_test</c>, the bootstrap) are
/// each gap's values at their mean, weighted by their count: the Wasserstein distance is within
/// Σ count·(max − min) / n / σ of the exact one, added to the reported bound.
/// </summary>
internal sealed class SqlCurrentData : CurrentData
{
    private readonly PushdownRunner runner;
    private readonly SqlRelation relation;
    private readonly DatasetProfile reference;
    private long? rows;
    private IReadOnlyList<DatasetColumn> selected = [];
    private Dictionary<string, FineBins>? numbers;
    private Dictionary<string, Dictionary<string, long>>? categories;

    private SqlCurrentData(PushdownRunner runner, SqlRelation relation, DatasetProfile reference, IReadOnlyList<DatasetColumn> columns)
    {
        this.runner = runner;
        this.relation = relation;
        this.reference = reference;
        Columns = columns;
    }

    public override string Path => relation.Display;

    public override IEnumerable<string> Files => [];

    public override long Rows => rows ?? throw new InvalidOperationException("Rows are counted with the non-missing counts.");

    public override IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>The current data of a relation, its columns mapped to kinds (MG0124 for a type that cannot be compared).</summary>
    public static SqlCurrentData Open(PushdownRunner runner, SqlRelation relation, DatasetProfile reference) =>
        new(runner, relation, reference, EngineTypes.Map(runner.Dialect.Name, runner.Columns(relation), relation.ForMessages(runner.Dialect)));

    /// <summary>As <see cref="Open(PushdownRunner, SqlRelation, DatasetProfile)"/>, with the provider's own type names (DuckDB's differ from PostgreSQL's).</summary>
    public static SqlCurrentData Open(PushdownRunner runner, SqlRelation relation, DatasetProfile reference, string provider) =>
        new(runner, relation, reference, EngineTypes.Map(provider, runner.Columns(relation), relation.ForMessages(runner.Dialect)));

    public override Dictionary<string, long> NonMissingCounts(IReadOnlyList<DatasetColumn> columns)
    {
        selected = columns;
        var row = runner.Row(d =>
            $"SELECT {string.Join(", ", new[] { "count(*)" }.Concat(columns.Select(c => $"count({Value(d, c)})")))} FROM {relation.From(d)}");
        rows = PushdownSql.Long(row[0]);
        return columns.Select((c, i) => (c.Name, Count: PushdownSql.Long(row[i + 1]))).ToDictionary(x => x.Name, x => x.Count, StringComparer.Ordinal);
    }

    public override CurrentColumn Read(DatasetColumn column, ReferenceColumn referenceColumn, DriftPlan plan, long count)
    {
        var missing = Rows - count;
        if (plan.Input == DriftInputShape.Categories)
        {
            categories ??= CountCategories();
            return new CurrentColumn { Count = count, Missing = missing, Categories = categories.GetValueOrDefault(column.Name) ?? new Dictionary<string, long>(StringComparer.Ordinal) };
        }

        numbers ??= CountNumbers();
        var fine = numbers[column.Name];
        var bins = fine.CountsOn(referenceColumn.Bins!.Edges);
        (long, long)? outside = referenceColumn.Count > 0 ? fine.Outside(referenceColumn.Min, referenceColumn.Max) : null;
        if (plan.Input == DriftInputShape.Bins)
        {
            return new CurrentColumn { Count = count, Missing = missing, BinCounts = bins, OutsideRange = outside };
        }

        foreach (var test in new[] { plan.SignificanceTest, plan.EffectMeasure }.Where(t => !t.AcceptsWeights))
        {
            throw new ConfigurationException(DiagnosticCatalog.DriftTestNeedsRawCurrent.Create(
                $"Test '{test.Id}' needs the raw values of column '{column.Name}' of the current data, which pushdown does not bring out of the engine. Use ks, t_test, wasserstein or ed, or a binned test such as psi.") with
            {
                Column = column.Name,
                Check = "test",
            });
        }

        var (values, weights, spread) = fine.Surrogate();
        return new CurrentColumn
        {
            Count = count,
            Missing = missing,
            SortedValues = values,
            Weights = weights,
            BinCounts = bins,
            OutsideRange = outside,
            ExtraEffectBound = count > 0 && referenceColumn.PopulationStandardDeviation > 0 ? spread / count / referenceColumn.PopulationStandardDeviation : 0,
        };
    }

    private static string Value(Sql.ISqlDialect d, DatasetColumn column) =>
        column.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime ? PushdownSql.NumberValue(d, column) : d.Identifier(column.Name);

    /// <summary>The numeric columns the profile holds a sketch of, each on its fine bins, in one scan.</summary>
    private Dictionary<string, FineBins> CountNumbers()
    {
        var columns = selected
            .Where(c => c.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime && reference.Find(c.Name) is { Numeric: not null, Count: > 0 } p && p.Kind == c.TypeKind)
            .ToList();
        var result = new Dictionary<string, FineBins>(StringComparer.Ordinal);
        foreach (var c in selected.Where(c => c.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime))
        {
            result[c.Name] = new FineBins(FineEdges(reference.Find(c.Name)));
        }

        if (columns.Count == 0)
        {
            return result;
        }

        var found = runner.Run(d =>
        {
            var binned = PushdownSql.ColumnsAsRows(d, relation.From(d), columns.Select(c => PushdownSql.NumberValue(d, c)).ToList(), [("bin", (i, v) => d.BinIndex(v, result[columns[i].Name].Edges))]);
            // One text per column: bin:count for a sketch point's own bin (its one value is known), bin:count:value where
            // every value of the bin is the same, bin:count:sum:min:max elsewhere; a few bytes per bin instead of a row.
            var point = PushdownSql.PerColumn(columns.Select(c => PointBins(result[c.Name].Edges) is { Count: > 0 } bins
                ? $"bin IN ({string.Join(", ", bins.Select(b => b.ToString(CultureInfo.InvariantCulture)))})"
                : "1 = 0").ToList());
            var pair = $"{d.CastText("bin")} || ':' || {d.CastText("count(*)")} || CASE WHEN {point} THEN '' WHEN min(v) = max(v) THEN ':' || {d.DoubleText("min(v)")} "
                + $"ELSE ':' || {d.DoubleText("sum(v)")} || ':' || {d.DoubleText("min(v)")} || ':' || {d.DoubleText("max(v)")} END";
            var grouped = $"SELECT {PushdownSql.ColumnIndex}, {pair} AS mg_p FROM ({binned}) mg_b GROUP BY {PushdownSql.ColumnIndex}, bin";
            return $"SELECT {PushdownSql.ColumnIndex}, {d.TextAgg("mg_p")} FROM ({grouped}) mg_g GROUP BY {PushdownSql.ColumnIndex}";
        });

        foreach (var r in found)
        {
            var fine = result[columns[(int)PushdownSql.Long(r[0])].Name];
            foreach (var bin in (r[1] as string ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                fine.Add(bin);
            }
        }

        return result;
    }

    /// <summary>The value counts of categorical and boolean columns (and numbers compared as categories), in one scan.</summary>
    private Dictionary<string, Dictionary<string, long>> CountCategories()
    {
        var columns = selected.Where(c => reference.Find(c.Name) is { Kind: ColumnKind.Categorical or ColumnKind.Boolean }).ToList();
        var result = columns.ToDictionary(c => c.Name, _ => new Dictionary<string, long>(StringComparer.Ordinal), StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return result;
        }

        var found = runner.Run(d =>
        {
            var unpivot = PushdownSql.ColumnsAsRows(d, relation.From(d), columns.Select(c => PushdownSql.TextValue(d, c)).ToList(), []);
            return $"SELECT {PushdownSql.ColumnIndex}, v, count(*) FROM ({unpivot}) mg_u GROUP BY {PushdownSql.ColumnIndex}, v";
        });

        foreach (var r in found)
        {
            result[columns[(int)PushdownSql.Long(r[0])].Name][(string)r[1]!] = PushdownSql.Long(r[2]);
        }

        return result;
    }

    /// <summary>Every point of the reference's sketch and the double just above it, its frozen-bin edges, its minimum and the double above its maximum.</summary>
    private static double[] FineEdges(ColumnProfile? column)
    {
        if (column?.Numeric is not { } numeric || column.Count == 0)
        {
            return [];
        }

        var edges = new SortedSet<double>();
        foreach (var point in numeric.Quantiles.Values)
        {
            edges.Add(point);
            edges.Add(Math.BitIncrement(point));
        }

        edges.UnionWith(numeric.Bins.Edges);
        edges.Add(numeric.Min);
        edges.Add(Math.BitIncrement(numeric.Max));
        return edges.Where(double.IsFinite).ToArray();
    }

    /// <summary>The bins that can hold one value only: <c>[p, next double after p)</c>.</summary>
    private static List<int> PointBins(double[] edges) =>
        Enumerable.Range(1, Math.Max(0, edges.Length - 1)).Where(i => edges[i] == Math.BitIncrement(edges[i - 1])).ToList();

    /// <summary>A numeric column's counts, sums and extremes on its fine bins.</summary>
    private sealed class FineBins(double[] edges)
    {
        private readonly long[] counts = new long[edges.Length + 1];
        private readonly double[] sums = new double[edges.Length + 1];
        private readonly double[] minima = new double[edges.Length + 1];
        private readonly double[] maxima = new double[edges.Length + 1];

        public double[] Edges { get; } = edges;

        /// <summary>
        /// One bin as the engine packed it: <c>bin:count</c> (a point's own bin, whose one value is its lower edge),
        /// <c>bin:count:value</c> (every value the same) or <c>bin:count:sum:min:max</c>.
        /// </summary>
        public void Add(string packed)
        {
            var parts = packed.Split(':');
            var bin = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
            counts[bin] = long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
            if (parts.Length <= 3)
            {
                minima[bin] = maxima[bin] = parts.Length == 2 ? Edges[bin - 1] : PushdownSql.ReadDouble(parts[2]);
                sums[bin] = counts[bin] * minima[bin];
            }
            else
            {
                sums[bin] = PushdownSql.ReadDouble(parts[2]);
                minima[bin] = PushdownSql.ReadDouble(parts[3]);
                maxima[bin] = PushdownSql.ReadDouble(parts[4]);
            }
        }

        /// <summary>Counts on coarser edges, each of which is a fine edge: a fine bin lies wholly inside one coarse bin.</summary>
        public long[] CountsOn(IReadOnlyList<double> coarse)
        {
            // Each fine bin by its lower edge, not by a value the engine printed: counts never depend on a double's text.
            var result = new long[coarse.Count + 1];
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    result[i == 0 ? 0 : ReferenceBins.BinOf(coarse, Edges[i - 1])] += counts[i];
                }
            }

            return result;
        }

        /// <summary>Values below <paramref name="min"/> and above <paramref name="max"/> (both fine edges, the latter as the double above it).</summary>
        public (long Below, long Above) Outside(double min, double max)
        {
            long below = 0;
            long above = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                below += i < Edges.Length && Edges[i] <= min ? counts[i] : 0;
                above += i > 0 && Edges[i - 1] > max ? counts[i] : 0;
            }

            return (below, above);
        }

        /// <summary>Each non-empty fine bin as one point at its values' mean, weighted by its count; and Σ count·(max − min), the bound's numerator.</summary>
        public (double[] Values, double[] Weights, double Spread) Surrogate()
        {
            var values = new List<double>();
            var weights = new List<double>();
            var spread = 0.0;
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] == 0)
                {
                    continue;
                }

                var mean = Math.Clamp(sums[i] / counts[i], minima[i], maxima[i]);
                if (values.Count > 0 && values[^1] >= mean)
                {
                    // Rounding can only meet the previous bin's largest value; the two are one point then.
                    weights[^1] += counts[i];
                }
                else
                {
                    values.Add(mean);
                    weights.Add(counts[i]);
                }

                spread += counts[i] * (maxima[i] - minima[i]);
            }

            return ([.. values], [.. weights], spread);
        }
    }
}
