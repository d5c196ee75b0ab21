namespace ModelGates.Quality.Integrity;

/// <summary>Rows grouped by equal hash in memory, then split by their actual values, so a collision never joins two different rows.</summary>
internal static class HashGroups
{
    /// <summary>The groups of two or more rows with equal hashes, each ascending, in order of their first row.</summary>
    public static List<List<long>> Candidates(UInt128[] hashes)
    {
        var first = new Dictionary<UInt128, int>(hashes.Length, RowHashComparer.Instance);
        var groups = new Dictionary<int, List<long>>();
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!first.TryAdd(hashes[i], i))
            {
                var head = first[hashes[i]];
                if (!groups.TryGetValue(head, out var group))
                {
                    groups[head] = group = [head];
                }

                group.Add(i);
            }
        }

        return [.. groups.OrderBy(g => g.Key).Select(g => g.Value)];
    }

    /// <summary>Splits candidate groups into groups of rows with exactly equal <paramref name="columns"/>; groups of one are dropped.</summary>
    public static List<List<long>> Verified(QualityTable table, IReadOnlyList<string> columns, List<List<long>> candidates)
    {
        var values = RowValues.Of(table, columns, candidates.SelectMany(g => g));
        var verified = new List<List<long>>();
        foreach (var group in candidates)
        {
            var classes = new List<List<long>>();
            foreach (var row in group)
            {
                var same = classes.FirstOrDefault(c => RowValues.Same(values[c[0]], values[row]));
                if (same is null)
                {
                    classes.Add([row]);
                }
                else
                {
                    same.Add(row);
                }
            }

            verified.AddRange(classes.Where(c => c.Count > 1));
        }

        return [.. verified.OrderBy(g => g[0])];
    }
}
