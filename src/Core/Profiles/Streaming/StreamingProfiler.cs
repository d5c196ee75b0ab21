using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Data.Streaming;

namespace ModelGates.Profiles.Streaming;

/// <summary>
/// Profiles data too large for the memory budget in two passes whose memory does not grow with the row count.
/// The first pass takes counts, moments, extremes, the quantile sketch and distinct registers of number columns
/// (<see cref="StreamingNumericColumn"/>) and every count of text and boolean columns; the second counts the
/// display histogram and the reference bins exactly on the edges the first fixed (<see cref="StreamingBinCounts"/>).
/// What is exact and what is bounded is written in the profile: the sketch's <c>rankError</c>, the distinct
/// count's <c>exact</c> flag; bins, histograms, counts, extremes and category counts are exact.
/// </summary>
internal static class StreamingProfiler
{
    /// <summary>Profiles a plain CSV file in two streamed passes, or returns null when it cannot be read as DuckDB would.</summary>
    /// <param name="engine">An engine for hashing text values; no table is created.</param>
    /// <param name="file">The file, opened for streaming.</param>
    /// <param name="settings">Sketch sizes.</param>
    /// <param name="progress">Receives a line per pass.</param>
    /// <param name="leafSize">Values per leaf of the quantile tree (tests use small ones).</param>
    /// <param name="treePoints">Points per summary of the quantile tree (tests use few).</param>
    public static DatasetProfile? Profile(DataEngine engine, StreamingCsvFile file, ProfileSettings settings, Action<string>? progress = null, int leafSize = StreamingNumericColumn.LeafSize, int treePoints = StreamingQuantiles.TreePoints)
    {
        var kinds = file.Kinds;
        var numbers = Enumerable.Range(0, kinds.Count).Where(i => kinds[i] == DirectColumn.Number).ToArray();
        var columns = new StreamingNumericColumn?[kinds.Count];
        foreach (var i in numbers)
        {
            columns[i] = new StreamingNumericColumn(leafSize, treePoints);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        progress?.Invoke($"Streaming {PathDisplay.For(file.File.Path)}: counts, moments and sketches");
        var first = file.Pass(chunk => Parallel.ForEach(numbers, options, i => columns[i]!.Add(chunk[i].Span)));
        if (first is null)
        {
            return null;
        }

        var summaries = new StreamedNumeric?[kinds.Count];
        var counts = new StreamingBinCounts?[kinds.Count];
        foreach (var i in numbers)
        {
            summaries[i] = columns[i]!.Finish(settings.QuantilePoints);
            columns[i] = null;
            counts[i] = new StreamingBinCounts(summaries[i]!.HistogramEdges(settings), summaries[i]!.ReferenceEdges(settings));
        }

        progress?.Invoke($"Streaming {PathDisplay.For(file.File.Path)}: histograms and reference bins");
        var second = file.Pass(chunk => Parallel.ForEach(numbers, options, i => counts[i]!.Add(chunk[i].Span)));
        if (second is null || second.Rows != first.Rows)
        {
            return null;
        }

        var hashId = ProfileBuilder.HashId(engine);
        var profiles = new ColumnProfile[kinds.Count];
        for (var i = 0; i < kinds.Count; i++)
        {
            var column = first.Columns[i];
            profiles[i] = column.Kind switch
            {
                DirectColumn.Number => NumericColumn(column.Column, first.Rows, summaries[i]!, counts[i]!),
                DirectColumn.Boolean => ProfileBuilder.BooleanColumn(column.Column, first.Rows, column.NonMissing, column.Trues),
                _ => DirectCsvProfiler.TextColumn(engine, column, first.Rows, settings, hashId),
            };
        }

        return new DatasetProfile
        {
            Sources = [file.Source.Path],
            Rows = first.Rows,
            UnparsedRows = 0,
            Settings = settings,
            Columns = profiles,
        };
    }

    /// <summary>The profile of a numeric or datetime column from its two passes.</summary>
    internal static ColumnProfile NumericColumn(DatasetColumn column, long rows, StreamedNumeric summary, StreamingBinCounts counts, (string Min, string Max)? timeRange = null)
    {
        var count = summary.Moments.Count;
        NumericSummary numeric;
        DistinctSketch distinct;
        if (count == 0)
        {
            numeric = new NumericSummary(double.NaN, double.NaN, Moments.Empty, QuantileSketch.Empty, Histogram.Empty, new ReferenceBins([], [0]));
            distinct = DistinctSketch.Exact(0, null, null);
        }
        else
        {
            numeric = new NumericSummary(
                summary.Min,
                summary.Max,
                summary.Moments,
                summary.Sketch,
                new Histogram(counts.HistogramEdges, counts.Histogram),
                new ReferenceBins(counts.ReferenceEdges, counts.Reference));
            distinct = summary.Sketch.IsExact
                ? DistinctSketch.Exact(summary.Sketch.Values.Count, null, null)
                : summary.ExactDistinct is { } exact
                    ? DistinctSketch.Exact(exact, summary.Registers, ValueHash.NumericHashId)
                    : DistinctSketch.FromRegisters(summary.Registers!, ValueHash.NumericHashId);
        }

        return new ColumnProfile
        {
            Name = column.Name,
            Kind = column.TypeKind,
            SqlType = column.SqlType,
            Count = count,
            Missing = rows - count,
            Distinct = distinct,
            Numeric = numeric,
            TimeRange = timeRange,
        };
    }
}
