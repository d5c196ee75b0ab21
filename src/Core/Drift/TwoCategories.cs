namespace ModelGates.Drift;

/// <summary>The check shared by the tests defined on a binary column only.</summary>
internal static class TwoCategories
{
    public static void Require(DriftTest test, CountVector counts)
    {
        if (counts.Length != 2)
        {
            throw new ArgumentException(
                $"{test.DisplayName} ({test.Id}) compares a binary column: give counts as [false, true]; got {counts.Length} categories.",
                nameof(counts));
        }
    }
}
