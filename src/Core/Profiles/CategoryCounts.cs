namespace ModelGates.Profiles;

/// <summary>One category value and how often it occurs.</summary>
/// <param name="Value">The value as text.</param>
/// <param name="Count">Its count.</param>
public sealed record CategoryCount(string Value, long Count);

/// <summary>
/// Category counts, most frequent first (ties by ordinal value). Complete when every distinct value is
/// listed; otherwise the listed counts are exact for this dataset and <see cref="Other"/> holds the rest.
/// </summary>
/// <param name="Values">The listed categories.</param>
/// <param name="Other">Count of values not listed.</param>
/// <param name="IsComplete">True when <see cref="Other"/> is 0 because every value is listed.</param>
public sealed record CategoryCounts(IReadOnlyList<CategoryCount> Values, long Other, bool IsComplete)
{
    /// <summary>No categories.</summary>
    internal static CategoryCounts Empty { get; } = new([], 0, true);

    /// <summary>Sorts and truncates to <paramref name="max"/> categories, moving the rest to <see cref="Other"/>.</summary>
    internal static CategoryCounts From(IEnumerable<CategoryCount> counts, int max, long otherAlready = 0, bool completeAlready = true)
    {
        var sorted = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var kept = sorted.Take(max).ToList();
        var rest = sorted.Skip(max).Sum(c => c.Count);
        return new CategoryCounts(kept, otherAlready + rest, completeAlready && rest == 0);
    }

    /// <summary>
    /// Adds two sets of counts. Exact when both are complete; otherwise a value listed on one side only
    /// may hide in the other's <see cref="Other"/>, so its count is a lower bound and the result is incomplete.
    /// </summary>
    internal CategoryCounts Merge(CategoryCounts other, int max)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in Values.Concat(other.Values))
        {
            sums[c.Value] = sums.GetValueOrDefault(c.Value) + c.Count;
        }

        return From(sums.Select(p => new CategoryCount(p.Key, p.Value)), max, Other + other.Other, IsComplete && other.IsComplete);
    }
}
