namespace ModelGates.Models.Intervals;

/// <summary>The weight of each row in a resample: its draw count times its sample weight (1 without weights).</summary>
internal static class ResampleWeights
{
    public static void Fill(ReadOnlySpan<int> counts, ReadOnlySpan<double> sampleWeights, Span<double> weights)
    {
        if (sampleWeights.IsEmpty)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                weights[i] = counts[i];
            }
        }
        else
        {
            for (var i = 0; i < counts.Length; i++)
            {
                weights[i] = counts[i] * sampleWeights[i];
            }
        }
    }
}
