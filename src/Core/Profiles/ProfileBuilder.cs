using System.Globalization;
using System.Text;
using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Builds a <see cref="DatasetProfile"/> with a few SQL scans of a loaded table: one for counts,
/// extremes and moments, one for value counts or order statistics, one for histogram and bin counts,
/// and one per column for the distinct-count registers.
/// </summary>
public static class ProfileBuilder
{
    /// <summary>Profiles <paramref name="dataset"/>.</summary>
    /// <param name="engine">The engine holding the dataset's table.</param>
    /// <param name="dataset">The loaded dataset.</param>
    /// <param name="settings">Sketch sizes; defaults when null.</param>
    /// <param name="progress">Receives a short line per phase, for long runs.</param>
    public static DatasetProfile Build(DataEngine engine, LoadedDataset dataset, ProfileSettings? settings = null, Action<string>? progress = null)
    {
        settings ??= ProfileSettings.Default;
        var plans = dataset.Columns.Select(c => new ColumnPlan(c)).ToList();

        progress?.Invoke($"Summarising {plans.Count} columns of {dataset.Rows:N0} rows");
        ScanMoments(engine, dataset, plans);

        progress?.Invoke("Counting values and order statistics");
        foreach (var plan in plans)
        {
            plan.ResolveKind(settings);
            CountValues(engine, dataset, plan, settings);
        }

        OrderStatistics(engine, dataset, plans.Where(p => p.NeedsMidpoints).ToList(), settings);

        progress?.Invoke("Binning numeric columns");
        Bin(engine, dataset, plans.Where(p => p.Numeric).ToList(), settings);

        progress?.Invoke("Estimating distinct counts");
        var hashId = HashId(engine);
        foreach (var plan in plans.Where(p => p.Kind != ColumnKind.Boolean && p.NonMissing > 0 && !p.HasAllValues))
        {
            plan.Registers = Registers(engine, dataset, plan);
        }

        return new DatasetProfile
        {
            Sources = [dataset.Source.Path],
            Rows = dataset.Rows,
            UnparsedRows = dataset.Unparsed.Count,
            Settings = settings,
            Columns = plans.Select(p => p.ToProfile(dataset.Rows, hashId)).ToList(),
        };
    }

    /// <summary>The identity of the hash behind distinct-count registers: sketches merge only when it matches.</summary>
    public static string HashId(DataEngine engine) =>
        "duckdb-hash/" + string.Join('.', ((string)engine.Scalar("SELECT version()")!).TrimStart('v').Split('.').Take(2));

    private static void ScanMoments(DataEngine engine, LoadedDataset dataset, List<ColumnPlan> plans)
    {
        var select = new List<string>();
        foreach (var plan in plans)
        {
            var c = plan.Value;
            if (plan.Numeric)
            {
                select.AddRange([$"count({c})", $"min({c})", $"max({c})", $"avg({c})", $"var_pop({c})", $"approx_count_distinct({c})"]);
                if (plan.Column.TypeKind == ColumnKind.Datetime)
                {
                    var raw = SqlText.Identifier(plan.Column.Name);
                    select.AddRange([$"CAST(min({raw}) AS VARCHAR)", $"CAST(max({raw}) AS VARCHAR)"]);
                }
            }
            else if (plan.Column.TypeKind == ColumnKind.Boolean)
            {
                select.AddRange([$"count({c})", $"count_if({c})"]);
            }
            else
            {
                var length = $"length({c})";
                select.AddRange([$"count({c})", $"approx_count_distinct({c})", $"avg({length})", $"var_pop({length})"]);
            }
        }

        // Floating-point sums depend on the order partial results combine in; one thread makes the
        // order, and so the profile's bytes, the same on every run.
        engine.Execute("SET threads = 1");
        object?[] row;
        try
        {
            row = engine.Row($"SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        }
        finally
        {
            engine.Execute("RESET threads");
        }

        var i = 0;
        foreach (var plan in plans)
        {
            plan.NonMissing = ToLong(row[i++]);
            if (plan.Numeric)
            {
                plan.Min = ToDouble(row[i++]);
                plan.Max = ToDouble(row[i++]);
                var mean = ToDouble(row[i++]);
                var variance = ToDouble(row[i++]);
                plan.Moments = plan.NonMissing == 0 ? Moments.Empty : new Moments(plan.NonMissing, mean, variance * plan.NonMissing);
                plan.ApproxDistinct = ToLong(row[i++]);
                if (plan.Column.TypeKind == ColumnKind.Datetime)
                {
                    var min = row[i++] as string;
                    var max = row[i++] as string;
                    plan.TimeRange = min is null || max is null ? null : (min, max);
                }
            }
            else if (plan.Column.TypeKind == ColumnKind.Boolean)
            {
                var trues = ToLong(row[i++]);
                plan.Categories = CategoryCounts.From(
                    [new CategoryCount("true", trues), new CategoryCount("false", plan.NonMissing - trues)],
                    2);
            }
            else
            {
                plan.ApproxDistinct = ToLong(row[i++]);
                var mean = ToDouble(row[i++]);
                var variance = ToDouble(row[i++]);
                plan.Length = plan.NonMissing == 0 ? Moments.Empty : new Moments(plan.NonMissing, mean, variance * plan.NonMissing);
            }
        }
    }

    private static void CountValues(DataEngine engine, LoadedDataset dataset, ColumnPlan plan, ProfileSettings settings)
    {
        if (plan.NonMissing == 0 || plan.Kind == ColumnKind.Boolean)
        {
            plan.Sketch = QuantileSketch.Empty;
            return;
        }

        var c = plan.Value;
        if (plan.Numeric)
        {
            // Few distinct values (allowing for the estimate's error) or few rows: exact value counts.
            if (plan.ApproxDistinct <= 2L * settings.QuantilePoints || plan.NonMissing < 4L * settings.QuantilePoints)
            {
                var limit = plan.NonMissing < 4L * settings.QuantilePoints ? plan.NonMissing : settings.QuantilePoints + 1;
                var counts = engine.Query(
                    $"SELECT {c}, count(*) FROM {dataset.Table} WHERE {c} IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT {limit}",
                    r => (Value: SqlValue.ToDouble(r.GetValue(0)), Count: SqlValue.ToInt64(r.GetValue(1))));
                if (counts.Count <= settings.QuantilePoints || plan.NonMissing < 4L * settings.QuantilePoints)
                {
                    plan.Sketch = QuantileSketch.FromValueCounts(counts, settings.QuantilePoints);
                    plan.ExactDistinct = plan.Sketch.IsExact ? plan.Sketch.Values.Count : counts.Count;
                    return;
                }
            }

            plan.NeedsMidpoints = true;
            return;
        }

        var max = plan.Kind == ColumnKind.Text ? settings.TopTextValues : settings.MaxCategories;
        var top = engine.Query(
            $"SELECT CAST({c} AS VARCHAR), count(*) FROM {dataset.Table} WHERE {c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {settings.MaxCategories + 1}",
            r => new CategoryCount(r.GetString(0), SqlValue.ToInt64(r.GetValue(1))));
        var complete = top.Count <= settings.MaxCategories;
        var listed = CategoryCounts.From(top, max);
        var other = plan.NonMissing - listed.Values.Sum(v => v.Count);
        plan.Categories = new CategoryCounts(listed.Values, other, complete && other == 0);
        if (complete)
        {
            plan.ExactDistinct = top.Count;
        }
    }

    private static void OrderStatistics(DataEngine engine, LoadedDataset dataset, List<ColumnPlan> plans, ProfileSettings settings)
    {
        if (plans.Count == 0)
        {
            return;
        }

        // One sort per column, then pick the mid-share ranks. DuckDB's quantile_disc with a list of
        // fractions costs a selection pass per fraction, hundreds of times slower for 512 of them.
        var select = plans.Select(p =>
        {
            var ranks = Enumerable.Range(0, settings.QuantilePoints)
                .Select(i => (long)Math.Floor((i + 0.5) * p.NonMissing / settings.QuantilePoints) + 1)
                .Select(r => r.ToString(CultureInfo.InvariantCulture));
            return $"list_select(list_sort(list({p.Value}) FILTER (WHERE {p.Value} IS NOT NULL)), [{string.Join(", ", ranks)}])";
        });
        var row = engine.Row($"SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        for (var i = 0; i < plans.Count; i++)
        {
            var midpoints = ((System.Collections.IEnumerable)row[i]!).Cast<object>().Select(SqlValue.ToDouble).ToList();
            plans[i].Sketch = QuantileSketch.FromMidpoints(midpoints, plans[i].NonMissing);
        }
    }

    private static void Bin(DataEngine engine, LoadedDataset dataset, List<ColumnPlan> plans, ProfileSettings settings)
    {
        var select = new List<string>();
        foreach (var plan in plans)
        {
            if (plan.NonMissing == 0)
            {
                continue;
            }

            plan.HistogramEdges = Histogram.EqualWidthEdges(plan.Min, plan.Max, settings.HistogramBins);
            var bins = plan.HistogramEdges.Length - 1;
            var width = (plan.Max - plan.Min) / bins;
            var c = plan.Value;
            var bucket = width > 0
                ? $"least(CAST(floor(({c} - {SqlText.Literal(plan.Min)}) / {SqlText.Literal(width)}) AS BIGINT), {bins - 1})"
                : "CAST(0 AS BIGINT)";
            select.Add($"histogram({bucket}) FILTER (WHERE {c} IS NOT NULL)");

            plan.BinEdges = ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => plan.Sketch!.Quantile((double)k / settings.DriftBins)));
            select.Add($"histogram({BinIndex(c, plan.BinEdges)}) FILTER (WHERE {c} IS NOT NULL)");
        }

        if (select.Count == 0)
        {
            return;
        }

        var row = engine.Row($"SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        var i = 0;
        foreach (var plan in plans.Where(p => p.NonMissing > 0))
        {
            plan.HistogramCounts = Counts(row[i++], plan.HistogramEdges!.Length - 1);
            plan.BinCounts = Counts(row[i++], plan.BinEdges!.Length + 1);
        }
    }

    /// <summary>
    /// SQL for the value a column is profiled (and compared for drift) as: numbers as DOUBLE with non-finite
    /// values as missing, datetimes as epoch seconds, other columns as they are.
    /// </summary>
    public static string ValueSql(DatasetColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = SqlText.Identifier(column.Name);
        return column.TypeKind switch
        {
            ColumnKind.Numeric when column.SqlType is "DOUBLE" or "FLOAT" or "REAL" => $"(CASE WHEN isfinite({name}) THEN CAST({name} AS DOUBLE) END)",
            ColumnKind.Numeric => $"CAST({name} AS DOUBLE)",
            ColumnKind.Datetime => $"epoch({name})",
            _ => name,
        };
    }

    /// <summary>SQL for the reference-bin index of a value: the number of inner edges at or below it.</summary>
    public static string BinIndex(string valueSql, IReadOnlyList<double> edges)
    {
        if (edges.Count == 0)
        {
            return "CAST(0 AS BIGINT)";
        }

        var sql = new StringBuilder("(");
        for (var i = 0; i < edges.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " + ");
            sql.Append(CultureInfo.InvariantCulture, $"CAST({valueSql} >= {SqlText.Literal(edges[i])} AS BIGINT)");
        }

        return sql.Append(')').ToString();
    }

    /// <summary>Turns a DuckDB <c>histogram()</c> map of bin index → count into a dense array.</summary>
    public static long[] Counts(object? map, int bins)
    {
        var counts = new long[bins];
        if (map is System.Collections.IDictionary dictionary)
        {
            foreach (System.Collections.DictionaryEntry entry in dictionary)
            {
                counts[(int)SqlValue.ToInt64(entry.Key)] += SqlValue.ToInt64(entry.Value);
            }
        }

        return counts;
    }

    private static byte[] Registers(DataEngine engine, LoadedDataset dataset, ColumnPlan plan) =>
        DistinctRegisters.Compute(engine, plan.HashValue, $"{dataset.Table} WHERE {plan.Value} IS NOT NULL");

    private static long ToLong(object? value) => SqlValue.ToInt64(value);

    private static double ToDouble(object? value) => value is null ? 0 : SqlValue.ToDouble(value);

    /// <summary>The working state of one column while its profile is built.</summary>
    private sealed class ColumnPlan(DatasetColumn column)
    {
        public DatasetColumn Column { get; } = column;

        public bool Numeric => Column.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime;

        /// <summary>SQL for the value profiled: numbers as DOUBLE (non-finite as missing), datetimes as epoch seconds.</summary>
        public string Value => ValueSql(Column);

        /// <summary>SQL for the value hashed: one canonical type per kind, so sketches of differently typed partitions merge.</summary>
        public string HashValue => Numeric ? Value : $"CAST({SqlText.Identifier(Column.Name)} AS VARCHAR)";

        public ColumnKind Kind { get; private set; }

        public long NonMissing { get; set; }

        public long ApproxDistinct { get; set; }

        public long? ExactDistinct { get; set; }

        public double Min { get; set; }

        public double Max { get; set; }

        public Moments? Moments { get; set; }

        public Moments? Length { get; set; }

        public (string Min, string Max)? TimeRange { get; set; }

        public CategoryCounts? Categories { get; set; }

        public QuantileSketch? Sketch { get; set; }

        public bool NeedsMidpoints { get; set; }

        public double[]? HistogramEdges { get; set; }

        public long[]? HistogramCounts { get; set; }

        public double[]? BinEdges { get; set; }

        public long[]? BinCounts { get; set; }

        public byte[]? Registers { get; set; }

        /// <summary>True when the profile lists every distinct value, so distinct counts merge exactly without registers.</summary>
        public bool HasAllValues => Categories is { IsComplete: true } || Sketch is { IsExact: true };

        public void ResolveKind(ProfileSettings settings) =>
            Kind = Column.TypeKind == ColumnKind.Categorical
                ? StringColumnRule.KindOf(ApproxDistinct, NonMissing, settings)
                : Column.TypeKind;

        public ColumnProfile ToProfile(long rows, string hashId)
        {
            var distinct = Kind == ColumnKind.Boolean
                ? DistinctSketch.Exact(Categories!.Values.Count(v => v.Count > 0), null, null)
                : Registers is null
                    ? DistinctSketch.Exact(ExactDistinct ?? 0, null, null)
                    : ExactDistinct is { } exact
                        ? DistinctSketch.Exact(exact, Registers, hashId)
                        : DistinctSketch.FromRegisters(Registers, hashId);
            return new ColumnProfile
            {
                Name = Column.Name,
                Kind = Kind,
                SqlType = Column.SqlType,
                Count = NonMissing,
                Missing = rows - NonMissing,
                Distinct = distinct,
                Numeric = Numeric ? NumericSummary() : null,
                Categories = Categories,
                Length = Length,
                TimeRange = TimeRange,
            };
        }

        private NumericSummary NumericSummary() =>
            NonMissing == 0
                ? new NumericSummary(double.NaN, double.NaN, Profiles.Moments.Empty, QuantileSketch.Empty, Histogram.Empty, new ReferenceBins([], [0]))
                : new NumericSummary(Min, Max, Moments!, Sketch!, new Histogram(HistogramEdges!, HistogramCounts!), new ReferenceBins(BinEdges!, BinCounts!));
    }
}
