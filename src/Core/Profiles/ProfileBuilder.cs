using System.Globalization;
using System.Numerics;
using System.Text;
using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Builds a <see cref="DatasetProfile"/> from a loaded table. Numeric and datetime columns are read once each
/// through DuckDB's Arrow interface and summarised in C# (<see cref="NumericColumnProfiler"/>), in parallel
/// across columns; string and boolean columns are summarised by SQL aggregates with exact integer sums, so no
/// result depends on thread timing.
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
        var columns = new ColumnProfile?[dataset.Columns.Count];
        var numeric = dataset.Columns.Select((c, i) => (Column: c, Index: i)).Where(x => IsNumeric(x.Column)).ToList();
        var other = dataset.Columns.Select((c, i) => (Column: c, Index: i)).Where(x => !IsNumeric(x.Column)).ToList();

        progress?.Invoke($"Summarising {numeric.Count} numeric columns of {dataset.Rows:N0} rows");
        var timeRanges = TimeRanges(engine, dataset, numeric.Select(x => x.Column).Where(c => c.TypeKind == ColumnKind.Datetime).ToList());
        var work = new List<Task>();
        using (var slots = new SemaphoreSlim(Environment.ProcessorCount))
        {
            foreach (var (column, index) in numeric)
            {
                // Reading is sequential (one connection); the sort and the counting run in parallel.
                var values = engine.ReadDoubles($"SELECT {ValueSql(column)} AS v FROM {dataset.Table} WHERE v IS NOT NULL");
                slots.Wait();
                work.Add(Task.Run(() =>
                {
                    try
                    {
                        columns[index] = NumericColumn(column, dataset.Rows, values, settings, timeRanges.TryGetValue(column.Name, out var range) ? range : null);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }));
            }

            Task.WaitAll(work);
        }

        progress?.Invoke($"Summarising {other.Count} text and boolean columns");
        if (other.Count > 0)
        {
            var profiles = OtherColumns(engine, dataset, other.Select(x => x.Column).ToList(), settings);
            for (var i = 0; i < other.Count; i++)
            {
                columns[other[i].Index] = profiles[i];
            }
        }

        return new DatasetProfile
        {
            Sources = [dataset.Source.Path],
            Rows = dataset.Rows,
            UnparsedRows = dataset.Unparsed.Count,
            Settings = settings,
            Columns = columns.Select(c => c!).ToList(),
        };
    }

    /// <summary>The identity of the hash behind the registers of string columns: sketches merge only when it matches.</summary>
    internal static string HashId(DataEngine engine) =>
        "duckdb-hash/" + string.Join('.', ((string)engine.Scalar("SELECT version()")!).TrimStart('v').Split('.').Take(2));

    /// <summary>
    /// SQL for the value a column is profiled (and compared for drift) as: numbers as DOUBLE with non-finite
    /// values as missing, datetimes as epoch seconds, other columns as they are.
    /// </summary>
    internal static string ValueSql(DatasetColumn column)
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
    internal static string BinIndex(string valueSql, IReadOnlyList<double> edges)
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
    internal static long[] Counts(object? map, int bins)
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

    private static bool IsNumeric(DatasetColumn column) => column.TypeKind is ColumnKind.Numeric or ColumnKind.Datetime;

    private static Dictionary<string, (string Min, string Max)> TimeRanges(DataEngine engine, LoadedDataset dataset, List<DatasetColumn> columns)
    {
        var ranges = new Dictionary<string, (string Min, string Max)>(StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return ranges;
        }

        var select = columns.SelectMany(c => new[] { $"CAST(min({SqlText.Identifier(c.Name)}) AS VARCHAR)", $"CAST(max({SqlText.Identifier(c.Name)}) AS VARCHAR)" });
        var row = engine.Row($"SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        for (var i = 0; i < columns.Count; i++)
        {
            if (row[2 * i] is string min && row[(2 * i) + 1] is string max)
            {
                ranges[columns[i].Name] = (min, max);
            }
        }

        return ranges;
    }

    /// <summary>Boolean and string columns: counts, exact length sums, distinct estimates, then value counts per column.</summary>
    private static List<ColumnProfile> OtherColumns(DataEngine engine, LoadedDataset dataset, List<DatasetColumn> columns, ProfileSettings settings)
    {
        var select = new List<string>();
        foreach (var column in columns)
        {
            var c = SqlText.Identifier(column.Name);
            if (column.TypeKind == ColumnKind.Boolean)
            {
                select.AddRange([$"count({c})", $"count_if({c})"]);
            }
            else
            {
                // Integer sums are exact, so the length moments do not depend on how DuckDB splits the work.
                var length = $"CAST(length({c}) AS HUGEINT)";
                select.AddRange([$"count({c})", $"approx_count_distinct({c})", $"sum({length})", $"sum({length} * {length})"]);
            }
        }

        var row = engine.Row($"SELECT {string.Join(", ", select)} FROM {dataset.Table}");
        var hashId = HashId(engine);
        var profiles = new List<ColumnProfile>();
        var i = 0;
        foreach (var column in columns)
        {
            var count = SqlValue.ToInt64(row[i++]);
            if (column.TypeKind == ColumnKind.Boolean)
            {
                profiles.Add(BooleanColumn(column, dataset.Rows, count, SqlValue.ToInt64(row[i++])));
                continue;
            }

            var approxDistinct = SqlValue.ToInt64(row[i++]);
            var lengthSum = ToBig(row[i++]);
            var lengthSquares = ToBig(row[i++]);
            var top = count == 0 ? [] : TopValues(engine, dataset, column, settings);
            profiles.Add(TextColumn(
                column,
                dataset.Rows,
                new TextColumnCounts(count, approxDistinct, lengthSum, lengthSquares, top),
                settings,
                () => DistinctRegisters.Compute(engine, $"CAST({SqlText.Identifier(column.Name)} AS VARCHAR)", $"{dataset.Table} WHERE {SqlText.Identifier(column.Name)} IS NOT NULL"),
                hashId));
        }

        return profiles;
    }

    /// <summary>The column's most frequent values, most frequent first and ties in value order, one more than the categories kept.</summary>
    private static List<CategoryCount> TopValues(DataEngine engine, LoadedDataset dataset, DatasetColumn column, ProfileSettings settings)
    {
        var c = SqlText.Identifier(column.Name);
        return engine.Query(
            $"SELECT CAST({c} AS VARCHAR), count(*) FROM {dataset.Table} WHERE {c} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {settings.MaxCategories + 1}",
            r => new CategoryCount(r.GetString(0), SqlValue.ToInt64(r.GetValue(1))));
    }

    /// <summary>The profile of a numeric or datetime column from its non-missing values in file order (sorted in place).</summary>
    internal static ColumnProfile NumericColumn(DatasetColumn column, long rows, Span<double> values, ProfileSettings settings, (string Min, string Max)? timeRange)
    {
        var result = NumericColumnProfiler.Profile(values, settings);
        return new ColumnProfile
        {
            Name = column.Name,
            Kind = column.TypeKind,
            SqlType = column.SqlType,
            Count = result.Summary.Moments.Count,
            Missing = rows - result.Summary.Moments.Count,
            Distinct = result.Distinct,
            Numeric = result.Summary,
            TimeRange = timeRange,
        };
    }

    /// <summary>The profile of a boolean column from its non-missing and true counts.</summary>
    internal static ColumnProfile BooleanColumn(DatasetColumn column, long rows, long count, long trues)
    {
        var categories = CategoryCounts.From([new CategoryCount("true", trues), new CategoryCount("false", count - trues)], 2);
        return new ColumnProfile
        {
            Name = column.Name,
            Kind = ColumnKind.Boolean,
            SqlType = column.SqlType,
            Count = count,
            Missing = rows - count,
            Distinct = DistinctSketch.Exact(categories.Values.Count(v => v.Count > 0), null, null),
            Categories = categories,
        };
    }

    /// <summary>
    /// The profile of a string column from its counts: categorical or text by <see cref="StringColumnRule"/> on
    /// the estimated distinct count, exact value counts when the top values hold every value, registers otherwise.
    /// </summary>
    internal static ColumnProfile TextColumn(DatasetColumn column, long rows, TextColumnCounts counts, ProfileSettings settings, Func<byte[]> registers, string hashId)
    {
        var kind = StringColumnRule.KindOf(counts.ApproxDistinct, counts.Count, settings);
        var complete = counts.Top.Count <= settings.MaxCategories;
        CategoryCounts categories;
        long? exactDistinct;
        if (counts.Count == 0)
        {
            (categories, exactDistinct) = (CategoryCounts.Empty, 0);
        }
        else
        {
            var listed = CategoryCounts.From(counts.Top, kind == ColumnKind.Text ? settings.TopTextValues : settings.MaxCategories);
            var other = counts.Count - listed.Values.Sum(v => v.Count);
            (categories, exactDistinct) = (new CategoryCounts(listed.Values, other, complete && other == 0), complete ? counts.Top.Count : null);
        }

        var hll = categories.IsComplete || counts.Count == 0 ? null : registers();
        return new ColumnProfile
        {
            Name = column.Name,
            Kind = kind,
            SqlType = column.SqlType,
            Count = counts.Count,
            Missing = rows - counts.Count,
            Distinct = hll is null
                ? DistinctSketch.Exact(exactDistinct ?? 0, null, null)
                : exactDistinct is { } exact ? DistinctSketch.Exact(exact, hll, hashId) : DistinctSketch.FromRegisters(hll, hashId),
            Categories = categories,
            Length = LengthMoments(counts.Count, counts.LengthSum, counts.LengthSquares),
        };
    }

    /// <summary>Mean and M2 from exact sums: M2 = Σx² − (Σx)²/n, computed in integers before the one division.</summary>
    private static Moments LengthMoments(long count, BigInteger sum, BigInteger squares)
    {
        if (count == 0)
        {
            return Moments.Empty;
        }

        var mean = (double)sum / count;
        var m2Numerator = (squares * count) - (sum * sum);
        return new Moments(count, mean, (double)m2Numerator / count);
    }

    private static BigInteger ToBig(object? value) => value switch
    {
        null => BigInteger.Zero,
        BigInteger big => big,
        _ => new BigInteger(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
    };
}
