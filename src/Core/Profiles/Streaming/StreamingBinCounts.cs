namespace ModelGates.Profiles.Streaming;

/// <summary>
/// The second pass over one numeric column: exact counts on edges the first pass fixed (the display histogram's
/// equal-width bins and the frozen reference bins) and, for drift, the values outside a reference's range.
/// Each value lands exactly where the in-memory profiler's binary searches on sorted values put it.
/// </summary>
internal sealed class StreamingBinCounts
{
    private readonly double[] histogramEdges;
    private readonly double[] referenceEdges;
    private readonly long[] histogram;
    private readonly long[] reference;
    private readonly double rangeMin;
    private readonly double rangeMax;

    /// <param name="histogramEdges">Equal-width edges (bin i holds [e_i, e_{i+1}), the last its upper edge too); empty for none.</param>
    /// <param name="referenceEdges">Inner edges of open-ended bins (bin i holds [e_{i−1}, e_i)).</param>
    /// <param name="rangeMin">Values below are counted as below the range (NaN: none are).</param>
    /// <param name="rangeMax">Values above are counted as above the range (NaN: none are).</param>
    public StreamingBinCounts(double[] histogramEdges, double[] referenceEdges, double rangeMin = double.NaN, double rangeMax = double.NaN)
    {
        this.histogramEdges = histogramEdges;
        this.referenceEdges = referenceEdges;
        histogram = new long[Math.Max(0, histogramEdges.Length - 1)];
        reference = new long[referenceEdges.Length + 1];
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
    }

    /// <summary>The display histogram's edges.</summary>
    public double[] HistogramEdges => histogramEdges;

    /// <summary>The reference bins' inner edges.</summary>
    public double[] ReferenceEdges => referenceEdges;

    /// <summary>Counts per display-histogram bin.</summary>
    public long[] Histogram => histogram;

    /// <summary>Counts per reference bin.</summary>
    public long[] Reference => reference;

    /// <summary>Values below the range's minimum.</summary>
    public long Below { get; private set; }

    /// <summary>Values above the range's maximum.</summary>
    public long Above { get; private set; }

    /// <summary>Counts the next values (non-missing, finite).</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        var bins = histogram.Length;
        var lo = bins > 0 ? histogramEdges[0] : 0;
        var width = bins > 0 ? (histogramEdges[^1] - lo) / bins : 0;
        long below = 0, above = 0;
        foreach (var v in values)
        {
            reference[ReferenceBins.BinOf(referenceEdges, v)]++;
            below += v < rangeMin ? 1 : 0;
            above += v > rangeMax ? 1 : 0;
            if (bins == 0)
            {
                continue;
            }

            // A guess from the width, then corrected against the edges themselves, which decide.
            var bin = width > 0 ? (int)Math.Clamp((v - lo) / width, 0, bins - 1) : 0;
            while (bin > 0 && v < histogramEdges[bin])
            {
                bin--;
            }

            while (bin < bins - 1 && v >= histogramEdges[bin + 1])
            {
                bin++;
            }

            histogram[bin]++;
        }

        Below += below;
        Above += above;
    }
}
