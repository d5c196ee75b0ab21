namespace ModelGates.Drift.Multivariate;

/// <summary>
/// Both samples as one numeric feature space, fitted on the reference only: a number column is one feature (a
/// missing value takes the reference mean, and a missing-indicator feature is added when either side misses values);
/// a text or boolean column is one-hot on the reference's most frequent categories (at most
/// <see cref="MaxCategories"/>, ties in ordinal order), plus an "other" feature for the rest (new categories of the
/// current side land there) and a missing one, each only when it occurs. Every feature is then standardised with
/// the reference's mean and standard deviation (a constant one is only centred), as NannyML does before its PCA.
/// </summary>
internal static class FeatureEncoder
{
    /// <summary>The most categories of a column that get a feature of their own.</summary>
    public const int MaxCategories = 20;

    /// <summary>Encodes both samples; their columns are the same, in the same order.</summary>
    public static EncodedFeatures Encode(SampledRows reference, SampledRows current)
    {
        var names = new List<string>();
        var source = new List<int>();
        var referenceFeatures = new List<double[]>();
        var currentFeatures = new List<double[]>();
        for (var c = 0; c < reference.Columns.Count; c++)
        {
            var r = reference.Columns[c];
            var k = current.Columns[c];
            if (r.Numbers is { } rn)
            {
                var kn = k.Numbers!;
                var mean = rn.Where(double.IsFinite).DefaultIfEmpty(0).Average();
                Add(r.Name, c, [.. rn.Select(v => double.IsNaN(v) ? mean : v)], [.. kn.Select(v => double.IsNaN(v) ? mean : v)]);
                if (rn.Any(double.IsNaN) || kn.Any(double.IsNaN))
                {
                    Add($"{r.Name} (missing)", c, Indicator(rn, double.IsNaN), Indicator(kn, double.IsNaN));
                }

                continue;
            }

            var rt = r.Texts!;
            var kt = k.Texts!;
            var kept = rt.Where(v => v is not null)
                .GroupBy(v => v!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxCategories)
                .Select(g => g.Key)
                .ToList();
            foreach (var category in kept)
            {
                Add($"{r.Name}={category}", c, Indicator(rt, v => v == category), Indicator(kt, v => v == category));
            }

            var keptSet = kept.ToHashSet(StringComparer.Ordinal);
            bool Other(string? v) => v is not null && !keptSet.Contains(v);
            if (rt.Any(Other) || kt.Any(Other))
            {
                Add($"{r.Name} (other)", c, Indicator(rt, Other), Indicator(kt, Other));
            }

            if (rt.Any(v => v is null) || kt.Any(v => v is null))
            {
                Add($"{r.Name} (missing)", c, Indicator(rt, v => v is null), Indicator(kt, v => v is null));
            }
        }

        return new EncodedFeatures(names, source, [.. reference.Columns.Select(c => c.Name)], referenceFeatures, currentFeatures, reference.Count, current.Count);

        void Add(string name, int column, double[] referenceValues, double[] currentValues)
        {
            // Standardised on the reference: the current side is measured in the reference's units.
            var mean = referenceValues.Length == 0 ? 0 : referenceValues.Average();
            var sd = referenceValues.Length < 2 ? 0 : Math.Sqrt(referenceValues.Sum(v => (v - mean) * (v - mean)) / (referenceValues.Length - 1));
            var scale = sd > 0 ? sd : 1;
            names.Add(name);
            source.Add(column);
            referenceFeatures.Add([.. referenceValues.Select(v => (v - mean) / scale)]);
            currentFeatures.Add([.. currentValues.Select(v => (v - mean) / scale)]);
        }
    }

    private static double[] Indicator<T>(T[] values, Func<T, bool> test) => [.. values.Select(v => test(v) ? 1.0 : 0.0)];
}

/// <summary>Both samples in one standardised feature space, stored by feature (each array one feature over the sample's rows).</summary>
/// <param name="Names">Each feature's name (<c>Age</c>, <c>Home=owner</c>, <c>Income (missing)</c>).</param>
/// <param name="Source">Each feature's column, an index into <paramref name="Columns"/>.</param>
/// <param name="Columns">The encoded columns.</param>
/// <param name="Reference">The reference's features.</param>
/// <param name="Current">The current side's features.</param>
/// <param name="ReferenceRows">Rows of the reference sample.</param>
/// <param name="CurrentRows">Rows of the current sample.</param>
internal sealed record EncodedFeatures(
    IReadOnlyList<string> Names,
    IReadOnlyList<int> Source,
    IReadOnlyList<string> Columns,
    IReadOnlyList<double[]> Reference,
    IReadOnlyList<double[]> Current,
    int ReferenceRows,
    int CurrentRows)
{
    /// <summary>Number of features.</summary>
    public int Count => Names.Count;
}
