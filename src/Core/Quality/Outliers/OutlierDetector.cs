using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;
using ModelGates.Statistics;

namespace ModelGates.Quality.Outliers;

/// <summary>
/// The outlier check: LoOP on Gower distance over the numeric and categorical columns, on every row or, above
/// <see cref="OutlierOptions.MaxRows"/>, on a seeded sample that the finding names.
/// </summary>
internal static class OutlierDetector
{
    /// <summary>The check id of the finding.</summary>
    public const string Check = "outliers";

    /// <summary>Scores the rows and returns the finding (check <c>outliers</c>, MG2151).</summary>
    /// <exception cref="ModelGatesException">MG2154, MG2156 (exit code 3); MG2157 (exit code 2).</exception>
    public static OutlierResult Detect(FeatureTable table, OutlierOptions options)
    {
        options.Validate();
        var columns = Columns(table, options);
        var rows = Sample(table.Rows, options);
        RequireCardinality(columns, rows, options, table.Source);
        var sampled = rows.Length < table.Rows;
        var note = sampled
            ? string.Create(CultureInfo.InvariantCulture, $"LoOP is O(n²): scored a seeded sample of {rows.Length} of {table.Rows} rows (seed {options.Seed}); rows outside the sample were not examined.")
            : null;

        var k = options.NeighborsFor(rows.Length);
        if (rows.Length <= k)
        {
            var empty = new QualityFinding(Check, DiagnosticCatalog.OutliersFound.Code, Severity.Info, null, 0, 0.0, []);
            return new OutlierResult(empty, new double[table.Rows].Select(_ => double.NaN).ToArray(), rows.Length, string.Create(CultureInfo.InvariantCulture, $"{rows.Length} rows are too few to compare with {k} neighbours; no row was scored."));
        }

        var distance = new GowerDistance(columns, rows);
        var (probabilities, factors, neighbors) = LocalOutlierProbability.Score(distance, k, options.Extent);
        var flagged = Enumerable.Range(0, rows.Length)
            .Where(p => probabilities[p] >= options.MinProbability)
            .OrderByDescending(p => probabilities[p]).ThenByDescending(p => factors[p]).ThenBy(p => rows[p])
            .ToList();
        var share = (double)flagged.Count / rows.Length;
        var severity = flagged.Count > 0 && share > options.MaxShare ? options.Severity : Severity.Info;
        var method = string.Create(CultureInfo.InvariantCulture, $"LoOP on Gower distance, {k} neighbours, extent {options.Extent}");
        var listed = flagged.Take(options.MaxFlagged).Select(p =>
        {
            var details = new List<KeyValuePair<string, string>>
            {
                new("probability", probabilities[p].ToString("R", CultureInfo.InvariantCulture)),
                new("factor", factors[p].ToString("R", CultureInfo.InvariantCulture)),
                new("columns", string.Join(", ", FarthestColumns(distance, p, neighbors[p]))),
                new("method", method),
            };
            if (note is not null)
            {
                details.Add(new("sample", note));
            }

            return new FlaggedRow(rows[p], probabilities[p], details);
        }).ToList();

        var scores = Enumerable.Repeat(double.NaN, table.Rows).ToArray();
        for (var p = 0; p < rows.Length; p++)
        {
            scores[rows[p]] = probabilities[p];
        }

        return new OutlierResult(new QualityFinding(Check, DiagnosticCatalog.OutliersFound.Code, severity, null, flagged.Count, share, listed), scores, rows.Length, note);
    }

    private static List<FeatureColumn> Columns(FeatureTable table, OutlierOptions options)
    {
        var excluded = new HashSet<string>(options.Exclude, StringComparer.Ordinal);
        var columns = options.Columns is { } named
            ? [.. named.Select(n => table.Require(n, "outlier"))]
            : table.Columns.Where(c => !excluded.Contains(c.Name)).ToList();
        return columns.Count > 0
            ? columns
            : throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create("The outlier check has no column to compare."));
    }

    // Every row, or a seeded sample of maxRows rows in data order.
    private static int[] Sample(int rows, OutlierOptions options)
    {
        var all = Enumerable.Range(0, rows).ToArray();
        if (rows <= options.MaxRows)
        {
            return all;
        }

        var random = new SeededRandom(unchecked((ulong)options.Seed));
        for (var i = 0; i < options.MaxRows; i++)
        {
            var j = i + (int)random.NextInt64(rows - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return [.. all.Take(options.MaxRows).Order()];
    }

    private static void RequireCardinality(List<FeatureColumn> columns, int[] rows, OutlierOptions options, string? source)
    {
        foreach (var column in columns.Where(c => c.Categories is not null))
        {
            var distinct = rows.Select(r => column.Categories![r]).Where(v => v is not null).Distinct(StringComparer.Ordinal).Count();
            if (distinct > options.MaxCategories)
            {
                throw new DataReadException(DiagnosticCatalog.OutlierCardinalityTooHigh.Create(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{column.Name}' has {distinct} distinct values, more than the {options.MaxCategories} the outlier check compares (maxCategories); leave it out of the outlier columns."))
                    with { File = source, Column = column.Name });
            }
        }
    }

    // The three columns in which the row is farthest from its neighbours on average: what makes it an outlier.
    private static IEnumerable<string> FarthestColumns(GowerDistance distance, int row, int[] neighbors)
    {
        var totals = new double[distance.Names.Count];
        foreach (var j in neighbors)
        {
            var terms = distance.Contributions(row, j);
            for (var c = 0; c < terms.Length; c++)
            {
                totals[c] += double.IsNaN(terms[c]) ? 0.0 : terms[c];
            }
        }

        return Enumerable.Range(0, totals.Length).Where(c => totals[c] > 0)
            .OrderByDescending(c => totals[c]).ThenBy(c => c).Take(3).Select(c => distance.Names[c]);
    }
}

/// <summary>What the outlier check found.</summary>
/// <param name="Finding">The finding (check <c>outliers</c>, MG2151).</param>
/// <param name="Probabilities">Every data row's outlier probability; NaN for a row outside the sample.</param>
/// <param name="Examined">How many rows were scored.</param>
/// <param name="Note">The sampling limit, in words, when a sample was scored; null otherwise.</param>
internal sealed record OutlierResult(QualityFinding Finding, double[] Probabilities, int Examined, string? Note);
