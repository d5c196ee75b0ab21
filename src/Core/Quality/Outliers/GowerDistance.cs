using ModelGates.Quality.Features;

namespace ModelGates.Quality.Outliers;

/// <summary>
/// Gower's distance over mixed columns (Gower 1971): per column, a numeric difference over the column's range or a
/// categorical mismatch (0 or 1), averaged over the columns both rows have a value in.
/// </summary>
internal sealed class GowerDistance
{
    private readonly double[][] numbers;
    private readonly double[] ranges;
    private readonly int[][] categories;

    /// <summary>Prepares the distance over the given rows of the columns (ranges from those rows).</summary>
    public GowerDistance(IReadOnlyList<FeatureColumn> columns, IReadOnlyList<int> rows)
    {
        Names = [.. columns.Where(c => c.Kind == Data.ColumnKind.Numeric).Select(c => c.Name), .. columns.Where(c => c.Kind != Data.ColumnKind.Numeric).Select(c => c.Name)];
        numbers = [.. columns.Where(c => c.Numbers is not null).Select(c => rows.Select(r => c.Numbers![r]).ToArray())];
        ranges = [.. numbers.Select(Range)];

        // Categories as codes, -1 where missing, so comparing two rows is an integer test.
        categories = [.. columns.Where(c => c.Categories is not null).Select(c =>
        {
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            return rows.Select(r => c.Categories![r] is { } v ? (codes.TryGetValue(v, out var code) ? code : codes[v] = codes.Count) : -1).ToArray();
        })];
        Rows = rows.Count;
    }

    /// <summary>The column names, numeric columns first, in the order of <see cref="Contributions"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The distance between rows <paramref name="a"/> and <paramref name="b"/> (positions among the rows given), in [0, 1].</summary>
    public double Between(int a, int b)
    {
        var sum = 0.0;
        var count = 0;
        for (var c = 0; c < numbers.Length; c++)
        {
            var x = numbers[c][a];
            var y = numbers[c][b];
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                continue;
            }

            sum += ranges[c] > 0 ? Math.Abs(x - y) / ranges[c] : 0.0;
            count++;
        }

        for (var c = 0; c < categories.Length; c++)
        {
            var x = categories[c][a];
            var y = categories[c][b];
            if (x < 0 || y < 0)
            {
                continue;
            }

            sum += x == y ? 0.0 : 1.0;
            count++;
        }

        // Two rows with no column in common are as far apart as Gower's distance allows.
        return count == 0 ? 1.0 : sum / count;
    }

    /// <summary>Each column's term of the distance between two rows (NaN where either is missing), in <see cref="Names"/> order.</summary>
    public double[] Contributions(int a, int b)
    {
        var terms = new double[numbers.Length + categories.Length];
        for (var c = 0; c < numbers.Length; c++)
        {
            var (x, y) = (numbers[c][a], numbers[c][b]);
            terms[c] = double.IsNaN(x) || double.IsNaN(y) ? double.NaN : ranges[c] > 0 ? Math.Abs(x - y) / ranges[c] : 0.0;
        }

        for (var c = 0; c < categories.Length; c++)
        {
            var (x, y) = (categories[c][a], categories[c][b]);
            terms[numbers.Length + c] = x < 0 || y < 0 ? double.NaN : x == y ? 0.0 : 1.0;
        }

        return terms;
    }

    private static double Range(double[] values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return max > min ? max - min : 0.0;
    }
}
