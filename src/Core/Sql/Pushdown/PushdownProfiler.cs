using System.Globalization;
using System.Numerics;
using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Sql.Pushdown;

/// <summary>
/// Profiles a table or query inside its SQL engine: only aggregates come back, never rows. The result is the
/// <see cref="DatasetProfile"/> the file profiler (<see cref="ProfileBuilder"/>, <see cref="NumericColumnProfiler"/>)
/// writes for the same rows, by the same rules: exact counts, extremes, distinct counts, top values, histogram and
/// reference-bin counts and quantile sketch (exact value counts, or the exact mid-share order statistics); moments
/// within rounding (the engine sums in its own order); distinct-count registers from the engine's hash.
/// At most six queries whatever the column count (docs/scale.md):
/// <list type="number">
/// <item>summary (one scan): row count, per column count, min, max, sum; text lengths; boolean trues;</item>
/// <item>order (one scan, one sort per large numeric column): exact distinct counts and order statistics;</item>
/// <item>value counts (one scan) of numeric columns with few distinct values or few rows;</item>
/// <item>bins (one scan): counts on the histogram's and the reference bins' edges, deviation sums for the moments;</item>
/// <item>top values (one scan) of text columns;</item>
/// <item>registers (one scan): HyperLogLog registers where the profile does not list every value.</item>
/// </list>
/// </summary>
internal static class PushdownProfiler
{
    private const int RegisterLowBits = DistinctSketch.LowBits;

    /// <summary>
    /// Profiles <paramref name="relation"/> over <paramref name="session"/>. The entry point for a database dataset:
    /// <c>modelgates profile</c>, a drift gate's reference written from a table, and the accept flow call this.
    /// </summary>
    /// <param name="session">The open session (PostgreSQL, DuckDB).</param>
    /// <param name="relation">The table or query.</param>
    /// <param name="settings">Sketch sizes; defaults when null.</param>
    /// <param name="progress">Receives a short line per query, for long runs.</param>
    /// <exception cref="DataReadException">A column's type cannot be profiled (MG0124), or the engine rejected a query (the session's code).</exception>
    public static DatasetProfile Profile(SqlSession session, SqlRelation relation, ProfileSettings? settings = null, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(relation);
        return Profile(PushdownRunner.Over(session), relation, settings, progress, session.Provider, session as DuckDbSession);
    }

    /// <summary>Profiles through a runner (tests record each query's text for the golden files).</summary>
    internal static DatasetProfile Profile(PushdownRunner runner, SqlRelation relation, ProfileSettings? settings, Action<string>? progress, string provider, DuckDbSession? duckDb)
    {
        settings ??= ProfileSettings.Default;
        var columns = EngineTypes.Map(provider, runner.Columns(relation), relation.ForMessages(runner.Dialect));
        var numeric = columns.Where(c => c.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime).ToList();
        var booleans = columns.Where(c => c.TypeKind == ColumnKind.Boolean).ToList();
        var texts = columns.Where(c => c.TypeKind == ColumnKind.Categorical).ToList();
        var hashId = duckDb is not null ? ProfileBuilder.HashId(duckDb.Engine) : runner.Dialect.HashId;

        progress?.Invoke($"Counting {columns.Count} columns in the engine");
        var summary = Summary(runner, relation, numeric, booleans, texts, duckDb is not null);
        var rows = summary.Rows;

        var numbers = numeric.ToDictionary(c => c.Name, c => new NumberState(c, summary.Numbers[c.Name]), StringComparer.Ordinal);
        // Whole numbers within fewer than QuantilePoints of each other have at most that many distinct values: their
        // value counts give the sketch and the distinct count without the order query's two sorts.
        var large = numbers.Values.Where(n => n.Stats.Count >= 4L * settings.QuantilePoints && !FewWholeNumbers(n, settings)).ToList();
        if (large.Count > 0)
        {
            progress?.Invoke($"Ordering {large.Count} numeric columns in the engine");
            Order(runner, relation, large, settings);
        }

        var small = numbers.Values.Where(n => n.Stats.Count > 0 && (n.Stats.Count < 4L * settings.QuantilePoints || n.Distinct <= settings.QuantilePoints || FewWholeNumbers(n, settings))).ToList();
        if (small.Count > 0)
        {
            progress?.Invoke($"Counting the values of {small.Count} numeric columns with few values in the engine");
            ValueCounts(runner, relation, small);
        }

        foreach (var n in numbers.Values.Where(n => n.Stats.Count > 0))
        {
            n.Sketch = n.Values is { } runs
                ? QuantileSketch.FromValueCounts(runs, settings.QuantilePoints)
                : QuantileSketch.FromMidpoints(n.Midpoints!, n.Stats.Count);
            n.BinEdges = ReferenceBins.EdgesFrom(Enumerable.Range(1, settings.DriftBins - 1).Select(k => n.Sketch.Quantile((double)k / settings.DriftBins)));
            n.HistogramEdges = Histogram.EqualWidthEdges(n.Stats.Min, n.Stats.Max, settings.HistogramBins);
        }

        var counted = numbers.Values.Where(n => n.Stats.Count > 0).ToList();
        if (counted.Count > 0)
        {
            progress?.Invoke($"Binning {counted.Count} numeric columns in the engine");
            Bins(runner, relation, counted);
        }

        progress?.Invoke($"Listing the most frequent values of {texts.Count} text columns in the engine");
        var top = texts.Count == 0 ? [] : TopValues(runner, relation, texts.Where(t => summary.Texts[t.Name].Count > 0).ToList(), settings);
        var textCounts = new Dictionary<string, TextColumnCounts>(StringComparer.Ordinal);
        using (var scratch = duckDb is null && texts.Count > 0 ? new DataEngine() : null)
        {
            foreach (var text in texts)
            {
                var s = summary.Texts[text.Name];
                var values = top.GetValueOrDefault(text.Name) ?? [];
                var approx = s.Count == 0 ? 0
                    : values.Count <= settings.MaxCategories ? DistinctRegisters.ApproxCountDistinct(duckDb?.Engine ?? scratch!, values.Select(v => v.Value))
                    : s.ApproxDistinct ?? -1;
                textCounts[text.Name] = new TextColumnCounts(s.Count, approx, s.LengthSum, s.LengthSquares, values);
            }
        }

        // Registers wherever the profile will not list every value: the same decision ProfileBuilder takes.
        var registerTexts = texts.Where(t => NeedsRegisters(textCounts[t.Name], settings)).ToList();
        var registerNumbers = counted.Where(n => !n.Sketch!.IsExact).ToList();
        progress?.Invoke($"Hashing {registerTexts.Count + registerNumbers.Count} columns for their distinct-count registers in the engine");
        var registers = registerTexts.Count + registerNumbers.Count == 0
            ? new Dictionary<string, byte[]>(StringComparer.Ordinal)
            : Registers(runner, relation, registerTexts, registerNumbers.Select(n => n.Column).ToList());
        foreach (var text in registerTexts.Where(t => textCounts[t.Name].ApproxDistinct < 0))
        {
            // An engine without DuckDB's estimator: the registers' own estimate decides categorical or text.
            textCounts[text.Name] = textCounts[text.Name] with { ApproxDistinct = DistinctSketch.EstimateOf(registers[text.Name]) };
        }

        var profiles = columns.Select(column => column.TypeKind switch
        {
            ColumnKind.Numeric or ColumnKind.Datetime => NumericProfile(numbers[column.Name], rows, registers, runner.Dialect.DoubleHashId ?? NumericHashId(hashId)),
            ColumnKind.Boolean => ProfileBuilder.BooleanColumn(column, rows, summary.Booleans[column.Name].Count, summary.Booleans[column.Name].Trues),
            _ => ProfileBuilder.TextColumn(column, rows, textCounts[column.Name], settings, () => registers[column.Name], hashId),
        }).ToList();

        return new DatasetProfile
        {
            Sources = [relation.Display],
            Rows = rows,
            UnparsedRows = 0,
            Settings = settings,
            Columns = profiles,
        };
    }

    /// <summary>The HashId of numeric registers where the dialect has no hash of a double's value: the engine's hash over the shortest text of each double.</summary>
    internal static string NumericHashId(string hashId) => hashId + "/double-text";

    /// <summary>
    /// An integer column whose values lie within fewer than <see cref="ProfileSettings.QuantilePoints"/> of each other:
    /// its doubles are whole numbers between its minimum and maximum (rounded to whole doubles beyond 2^53), so it has at
    /// most that many distinct values, and the profile lists them all, as it would after counting them.
    /// </summary>
    private static bool FewWholeNumbers(NumberState n, ProfileSettings settings) =>
        n.Column.TypeKind == ColumnKind.Numeric && SqlTypes.IsInteger(n.Column.SqlType) && n.Stats.Count > 0
        && n.Stats.Max - n.Stats.Min < settings.QuantilePoints;

    private static bool NeedsRegisters(TextColumnCounts counts, ProfileSettings settings)
    {
        if (counts.Count == 0 || counts.ApproxDistinct < 0)
        {
            return counts.Count > 0;
        }

        var kind = StringColumnRule.KindOf(counts.ApproxDistinct, counts.Count, settings);
        var listed = CategoryCounts.From(counts.Top, kind == ColumnKind.Text ? settings.TopTextValues : settings.MaxCategories);
        var complete = counts.Top.Count <= settings.MaxCategories;
        return !(complete && counts.Count - listed.Values.Sum(v => v.Count) == 0);
    }

    private static ColumnProfile NumericProfile(NumberState n, long rows, Dictionary<string, byte[]> registers, string numericHashId)
    {
        var column = n.Column;
        if (n.Stats.Count == 0)
        {
            var empty = NumericColumnProfiler.Profile(Span<double>.Empty, ProfileSettings.Default);
            return new ColumnProfile
            {
                Name = column.Name,
                Kind = column.TypeKind,
                SqlType = column.SqlType,
                Count = 0,
                Missing = rows,
                Distinct = empty.Distinct,
                Numeric = empty.Summary,
                TimeRange = null,
            };
        }

        var sketch = n.Sketch!;
        var counts = n.FineCounts!;
        var edges = n.FineEdges!;
        var histogram = new long[n.HistogramEdges!.Length - 1];
        var bins = new long[n.BinEdges!.Length + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            // Fine bin i holds values in [edges[i−1], edges[i]); any value in it lies in one histogram bin and one reference bin.
            var probe = i == 0 ? n.Stats.Min : edges[i - 1];
            histogram[Math.Min(histogram.Length - 1, Math.Max(0, ReferenceBins.BinOf(n.HistogramEdges[1..^1], probe)))] += counts[i];
            bins[ReferenceBins.BinOf(n.BinEdges, probe)] += counts[i];
        }

        var mean = n.Stats.Sum / n.Stats.Count;
        var moments = new Moments(n.Stats.Count, mean + (n.Deviations / n.Stats.Count), Math.Max(0, n.Squares - (n.Deviations * n.Deviations / n.Stats.Count)));
        var registerBytes = sketch.IsExact ? null : registers[column.Name];
        return new ColumnProfile
        {
            Name = column.Name,
            Kind = column.TypeKind,
            SqlType = column.SqlType,
            Count = n.Stats.Count,
            Missing = rows - n.Stats.Count,
            Distinct = DistinctSketch.Exact(n.Distinct, registerBytes, registerBytes is null ? null : numericHashId),
            Numeric = new NumericSummary(
                n.Stats.Min,
                n.Stats.Max,
                moments,
                sketch,
                new Histogram(n.HistogramEdges, histogram),
                new ReferenceBins(n.BinEdges, bins)),
            TimeRange = n.Stats.TimeRange,
        };
    }

    private static SummaryResult Summary(PushdownRunner runner, SqlRelation relation, List<DatasetColumn> numeric, List<DatasetColumn> booleans, List<DatasetColumn> texts, bool duckDb)
    {
        string Query(ISqlDialect d)
        {
            var select = new List<string> { "count(*)" };
            foreach (var c in numeric)
            {
                var v = PushdownSql.NumberValue(d, c);
                select.AddRange([$"count({v})", $"min({v})", $"max({v})", $"sum({v})"]);
                if (c.TypeKind == ColumnKind.Datetime)
                {
                    var name = d.Identifier(c.Name);
                    select.AddRange([d.CastText($"min({name})"), d.CastText($"max({name})")]);
                }
            }

            foreach (var c in booleans)
            {
                var name = d.Identifier(c.Name);
                select.AddRange([$"count({name})", $"sum(CASE WHEN {name} THEN 1 ELSE 0 END)"]);
            }

            foreach (var c in texts)
            {
                var name = d.Identifier(c.Name);
                var length = $"CAST({d.Length(d.CastText(name))} AS BIGINT)";
                select.AddRange([$"count({name})", $"sum({length})", $"sum({length} * {length})"]);
                if (duckDb)
                {
                    // DuckDB's own estimate, the number the file profiler's categorical-or-text rule reads.
                    select.Add($"approx_count_distinct({name})");
                }
            }

            return $"SELECT {string.Join(", ", select)} FROM {relation.From(d)}";
        }

        var row = runner.Row(Query);
        var result = new SummaryResult { Rows = PushdownSql.Long(row[0]) };
        var i = 1;
        foreach (var c in numeric)
        {
            var count = PushdownSql.Long(row[i]);
            var stats = new NumberStats(count, PushdownSql.Double(row[i + 1]), PushdownSql.Double(row[i + 2]), count == 0 ? 0 : PushdownSql.Double(row[i + 3]));
            i += 4;
            if (c.TypeKind == ColumnKind.Datetime)
            {
                stats = stats with { TimeRange = row[i] is string min && row[i + 1] is string max ? (min, max) : null };
                i += 2;
            }

            result.Numbers[c.Name] = stats;
        }

        foreach (var c in booleans)
        {
            result.Booleans[c.Name] = (PushdownSql.Long(row[i]), PushdownSql.Long(row[i + 1]));
            i += 2;
        }

        foreach (var c in texts)
        {
            var text = new TextStats(PushdownSql.Long(row[i]), PushdownSql.Big(row[i + 1]), PushdownSql.Big(row[i + 2]), null);
            i += 3;
            if (duckDb)
            {
                text = text with { ApproxDistinct = PushdownSql.Long(row[i++]) };
            }

            result.Texts[c.Name] = text;
        }

        return result;
    }

    /// <summary>Exact distinct counts and the mid-share order statistics: one scan, the engine sorts each column.</summary>
    private static void Order(PushdownRunner runner, SqlRelation relation, List<NumberState> columns, ProfileSettings settings)
    {
        var points = settings.QuantilePoints;
        long[] Ranks(long count) => Enumerable.Range(0, points).Select(i => (long)Math.Floor((i + 0.5) * count / points)).ToArray();
        var aggregate = runner.Dialect.OrderStatistics("v", [0], 1) is not null;
        var row = runner.Row(d =>
        {
            var select = new List<string>();
            foreach (var n in columns)
            {
                var v = PushdownSql.NumberValue(d, n.Column);
                select.Add($"count(DISTINCT {v})");
                if (aggregate)
                {
                    select.Add(d.OrderStatistics(v, Ranks(n.Stats.Count), n.Stats.Count)!);
                }
            }

            return $"SELECT {string.Join(", ", select)} FROM {relation.From(d)}";
        });

        var i = 0;
        foreach (var n in columns)
        {
            n.Distinct = PushdownSql.Long(row[i++]);
            if (aggregate)
            {
                n.Midpoints = PushdownSql.Doubles(row[i++]);
            }
        }

        if (aggregate)
        {
            return;
        }

        // No exact ordered-set aggregate (Trino): rank each column and keep the rows at the ranks asked for.
        foreach (var n in columns.Where(n => n.Distinct > points))
        {
            var ranks = Ranks(n.Stats.Count);
            var wanted = ranks.Distinct().ToList();
            var found = runner.Run(d =>
            {
                var v = PushdownSql.NumberValue(d, n.Column);
                return $"SELECT mg_r, v FROM (SELECT v, row_number() OVER (ORDER BY v) - 1 AS mg_r FROM (SELECT {v} AS v FROM {relation.From(d)}) mg_v WHERE v IS NOT NULL) mg_ranked"
                    + $" WHERE mg_r IN ({string.Join(", ", wanted.Select(r => r.ToString(CultureInfo.InvariantCulture)))})";
            }).ToDictionary(r => PushdownSql.Long(r[0]), r => PushdownSql.Double(r[1]));
            n.Midpoints = ranks.Select(r => found[r]).ToArray();
        }
    }

    /// <summary>Every distinct value with its count, for columns the sketch lists exactly (bounded: few values, or fewer than 4 × points rows).</summary>
    private static void ValueCounts(PushdownRunner runner, SqlRelation relation, List<NumberState> columns)
    {
        var found = runner.Run(d =>
        {
            var unpivot = PushdownSql.ColumnsAsRows(d, relation.From(d), columns.Select(n => PushdownSql.NumberValue(d, n.Column)).ToList(), []);
            return $"SELECT {PushdownSql.ColumnIndex}, v, count(*) FROM ({unpivot}) mg_u GROUP BY {PushdownSql.ColumnIndex}, v";
        });

        var byColumn = found.GroupBy(r => (int)PushdownSql.Long(r[0])).ToDictionary(g => g.Key, g => g.Select(r => (PushdownSql.Double(r[1]), PushdownSql.Long(r[2]))).OrderBy(x => x.Item1).ToList());
        for (var i = 0; i < columns.Count; i++)
        {
            var runs = byColumn.GetValueOrDefault(i) ?? [];
            columns[i].Values = runs;
            columns[i].Distinct = runs.Count;
        }
    }

    /// <summary>Counts on the union of the histogram's and the reference bins' inner edges, with the deviation sums of the moments.</summary>
    private static void Bins(PushdownRunner runner, SqlRelation relation, List<NumberState> columns)
    {
        foreach (var n in columns)
        {
            n.FineEdges = n.HistogramEdges![1..^1].Concat(n.BinEdges!).Distinct().Order().ToArray();
        }

        var found = runner.Run(d =>
        {
            var binned = PushdownSql.ColumnsAsRows(
                d,
                relation.From(d),
                columns.Select(n => PushdownSql.NumberValue(d, n.Column)).ToList(),
                [("bin", (i, v) => d.BinIndex(v, columns[i].FineEdges!)), ("dev", (i, v) => $"({v} - {d.Literal(columns[i].Stats.Sum / columns[i].Stats.Count)})")]);
            return $"SELECT {PushdownSql.ColumnIndex}, bin, count(*), sum(dev), sum(dev * dev) FROM ({binned}) mg_b GROUP BY {PushdownSql.ColumnIndex}, bin";
        });

        foreach (var n in columns)
        {
            n.FineCounts = new long[n.FineEdges!.Length + 1];
        }

        // Bin order, so that the sums are added in the same order whatever order the rows came back in.
        foreach (var r in found.OrderBy(r => PushdownSql.Long(r[0])).ThenBy(r => PushdownSql.Long(r[1])))
        {
            var n = columns[(int)PushdownSql.Long(r[0])];
            n.FineCounts![(int)PushdownSql.Long(r[1])] += PushdownSql.Long(r[2]);
            n.Deviations += PushdownSql.Double(r[3]);
            n.Squares += PushdownSql.Double(r[4]);
        }
    }

    /// <summary>The most frequent values of each text column, most frequent first and ties in ordinal order, one more than the categories kept.</summary>
    private static Dictionary<string, List<CategoryCount>> TopValues(PushdownRunner runner, SqlRelation relation, List<DatasetColumn> columns, ProfileSettings settings)
    {
        var result = columns.ToDictionary(c => c.Name, _ => new List<CategoryCount>(), StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return result;
        }

        var found = runner.Run(d =>
        {
            var unpivot = PushdownSql.ColumnsAsRows(d, relation.From(d), columns.Select(c => d.CastText(d.Identifier(c.Name))).ToList(), []);
            var grouped = $"SELECT {PushdownSql.ColumnIndex}, v, count(*) AS mg_n FROM ({unpivot}) mg_u GROUP BY {PushdownSql.ColumnIndex}, v";
            var ranked = $"SELECT {PushdownSql.ColumnIndex}, v, mg_n, row_number() OVER (PARTITION BY {PushdownSql.ColumnIndex} ORDER BY mg_n DESC, {d.OrdinalText("v")}) AS mg_r FROM ({grouped}) mg_g";
            return $"SELECT {PushdownSql.ColumnIndex}, v, mg_n FROM ({ranked}) mg_w WHERE mg_r <= {(settings.MaxCategories + 1).ToString(CultureInfo.InvariantCulture)}";
        });

        foreach (var r in found)
        {
            result[columns[(int)PushdownSql.Long(r[0])].Name].Add(new CategoryCount((string)r[1]!, PushdownSql.Long(r[2])));
        }

        foreach (var list in result.Values)
        {
            list.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        }

        return result;
    }

    /// <summary>
    /// HyperLogLog registers from the engine's 64-bit hash of each value (of a number's value where the dialect hashes
    /// doubles, <see cref="ISqlDialect.Hash64Double"/>, else of its text): per register, the bit length of the
    /// minimum of the low bits, which is all a register keeps. The engine packs each column's registers into one text
    /// of <c>bucket:bitLength</c> pairs, a few bytes each instead of a row each.
    /// </summary>
    private static Dictionary<string, byte[]> Registers(PushdownRunner runner, SqlRelation relation, List<DatasetColumn> texts, List<DatasetColumn> numbers)
    {
        var columns = texts.Concat(numbers).ToList();
        var found = runner.Run(d =>
        {
            var hashes = texts.Select(c => d.Hash64(d.CastText(d.Identifier(c.Name))))
                .Concat(numbers.Select(c => PushdownSql.NumberValue(d, c)).Select(v => d.Hash64Double(v) ?? d.Hash64(d.CastText(v))))
                .ToList();
            var unpivot = PushdownSql.ColumnsAsRows(d, relation.From(d), hashes, []);
            var bucket = d.ShiftAndMask("v", RegisterLowBits, DistinctSketch.RegisterCount - 1);
            var low = d.ShiftAndMask("v", 0, (1L << RegisterLowBits) - 1);
            var minima = $"SELECT {PushdownSql.ColumnIndex}, {bucket} AS mg_b, min({low}) AS mg_m FROM ({unpivot}) mg_u GROUP BY {PushdownSql.ColumnIndex}, {bucket}";
            var pair = $"{d.CastText("mg_b")} || ':' || {d.CastText(BitLength("mg_m"))}";
            return $"SELECT {PushdownSql.ColumnIndex}, {d.TextAgg(pair)} FROM ({minima}) mg_r GROUP BY {PushdownSql.ColumnIndex}";
        });

        var packed = found.ToDictionary(r => PushdownSql.Long(r[0]), r => Convert.ToString(r[1], CultureInfo.InvariantCulture) ?? string.Empty);
        return columns.Select((c, i) => (c.Name, Registers: UnpackRegisters(packed.GetValueOrDefault(i, string.Empty))))
            .ToDictionary(x => x.Name, x => x.Registers, StringComparer.Ordinal);
    }

    // The bit length of a non-negative integer below 2^LowBits, by comparisons only: exact in every engine, and run on
    // one row per register, not per value.
    private static string BitLength(string expression) =>
        "(" + string.Join(" + ", Enumerable.Range(0, RegisterLowBits).Select(k =>
            $"CASE WHEN {expression} >= {(1L << k).ToString(CultureInfo.InvariantCulture)} THEN 1 ELSE 0 END")) + ")";

    /// <summary>Registers from <c>bucket:bitLength</c> pairs (as <see cref="DistinctSketch.RegistersFromMinima"/> sets them from minima).</summary>
    internal static byte[] UnpackRegisters(string packed)
    {
        var registers = new byte[DistinctSketch.RegisterCount];
        foreach (var pair in packed.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var bucket = int.Parse(pair.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
            var bitLength = int.Parse(pair.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            registers[bucket] = (byte)(DistinctSketch.LowBits + 1 - bitLength);
        }

        return registers;
    }

    private sealed class SummaryResult
    {
        public long Rows { get; init; }

        public Dictionary<string, NumberStats> Numbers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (long Count, long Trues)> Booleans { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TextStats> Texts { get; } = new(StringComparer.Ordinal);
    }

    private sealed record NumberStats(long Count, double Min, double Max, double Sum)
    {
        public (string Min, string Max)? TimeRange { get; init; }
    }

    private sealed record TextStats(long Count, BigInteger LengthSum, BigInteger LengthSquares, long? ApproxDistinct);

    private sealed class NumberState(DatasetColumn column, NumberStats stats)
    {
        public DatasetColumn Column { get; } = column;

        public NumberStats Stats { get; } = stats;

        public long Distinct { get; set; }

        public double[]? Midpoints { get; set; }

        public List<(double Value, long Count)>? Values { get; set; }

        public QuantileSketch? Sketch { get; set; }

        public double[]? BinEdges { get; set; }

        public double[]? HistogramEdges { get; set; }

        public double[]? FineEdges { get; set; }

        public long[]? FineCounts { get; set; }

        public double Deviations { get; set; }

        public double Squares { get; set; }
    }
}
