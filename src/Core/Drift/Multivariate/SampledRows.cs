using System.Globalization;
using ModelGates.Data;
using ModelGates.Statistics;

namespace ModelGates.Drift.Multivariate;

/// <summary>One column of a row sample: numbers (NaN where missing) or text (null where missing), row-aligned with the other columns.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Numbers">The values of a number column, or null.</param>
/// <param name="Texts">The values of a text or boolean column as text, or null.</param>
internal sealed record SampledColumn(string Name, double[]? Numbers, string?[]? Texts)
{
    /// <summary>True for a number column.</summary>
    public bool IsNumeric => Numbers is not null;
}

/// <summary>A seeded sample of whole rows of one side, in file order: what both multivariate checks read.</summary>
/// <param name="TotalRows">Rows of the whole side.</param>
/// <param name="Count">Rows in the sample.</param>
/// <param name="Columns">The sampled columns, in the order asked for.</param>
internal sealed record SampledRows(long TotalRows, int Count, IReadOnlyList<SampledColumn> Columns)
{
    /// <summary>
    /// Draws at most <paramref name="maxRows"/> rows of <paramref name="dataset"/> uniformly without replacement
    /// (positions chosen by <see cref="SeededRandom"/>, so the same seed and data give the same rows on every machine
    /// and thread count; DuckDB's own sampling is repeatable only single-threaded), and reads the columns
    /// <paramref name="columns"/> marks as numbers as DOUBLE, the others as text.
    /// </summary>
    public static SampledRows Draw(DataEngine engine, LoadedDataset dataset, IReadOnlyList<(string Name, bool Numeric)> columns, int maxRows, ulong seed)
    {
        var positions = Positions(dataset.Rows, maxRows, seed);
        var select = string.Join(", ", columns.Select(c => c.Numeric
            ? $"TRY_CAST({SqlText.Identifier(c.Name)} AS DOUBLE)"
            : $"CAST({SqlText.Identifier(c.Name)} AS VARCHAR)"));
        var numbers = columns.Select(c => c.Numeric ? new double[positions.Length] : null).ToArray();
        var texts = columns.Select(c => c.Numeric ? null : new string?[positions.Length]).ToArray();
        if (positions.Length > 0 && columns.Count > 0)
        {
            var list = string.Join(",", positions.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            var row = 0;
            // The engine hands over one row per call.
            engine.Query($"SELECT {select} FROM {dataset.Table} WHERE rowid IN (SELECT unnest([{list}]::BIGINT[])) ORDER BY rowid", reader =>
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (numbers[c] is { } n)
                    {
                        n[row] = reader.IsDBNull(c) ? double.NaN : reader.GetDouble(c);
                        if (!double.IsFinite(n[row]))
                        {
                            // Non-finite numbers count as missing, as in profiles.
                            n[row] = double.NaN;
                        }
                    }
                    else
                    {
                        texts[c]![row] = reader.IsDBNull(c) ? null : reader.GetString(c);
                    }
                }

                row++;
            });
            if (row < positions.Length)
            {
                // Rowids are contiguous from 0 in a loaded table, so this is not expected; the sample is what came back.
                positions = positions[..row];
                numbers = [.. numbers.Select(n => n?[..row])];
                texts = [.. texts.Select(t => t?[..row])];
            }
        }

        return new SampledRows(
            dataset.Rows,
            positions.Length,
            columns.Select((c, i) => new SampledColumn(c.Name, numbers[i], texts[i])).ToList());
    }

    /// <summary>The sorted row positions of a uniform sample of <paramref name="maxRows"/> out of <paramref name="rows"/> (all of them when fewer), by Floyd's algorithm.</summary>
    internal static long[] Positions(long rows, int maxRows, ulong seed)
    {
        if (rows <= maxRows)
        {
            return [.. Enumerable.Range(0, (int)rows).Select(i => (long)i)];
        }

        var random = new SeededRandom(seed);
        var chosen = new HashSet<long>();
        for (var j = rows - maxRows; j < rows; j++)
        {
            var t = random.NextInt64(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var positions = chosen.ToArray();
        Array.Sort(positions);
        return positions;
    }
}
