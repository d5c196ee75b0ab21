using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Data.Streaming;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;
using ModelGates.Profiles;
using ModelGates.Profiles.Streaming;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// The current side of a comparison with a stored profile, streamed from a plain CSV file beyond the memory limit in
/// one pass: per number column the exact counts on the profile's frozen bins and outside its range, and a quantile
/// sketch (<see cref="StreamingNumericColumn"/>) for tests on values; exact category counts of text and boolean
/// columns. Bins and categories are exact; tests on values run on the two sketches within both error bounds.
/// </summary>
internal sealed class StreamedCurrentData : CurrentData
{
    private readonly StreamingCsvFile file;
    private readonly StreamedCsvPass pass;
    private readonly Dictionary<string, (StreamedNumeric Sketch, StreamingBinCounts Bins)> numbers = new(StringComparer.Ordinal);

    private StreamedCurrentData(StreamingCsvFile file, StreamedCsvPass pass)
    {
        this.file = file;
        this.pass = pass;
        Columns = pass.Columns.Select(c => c.Column).ToList();
    }

    public override string Path => file.Source.Path;

    public override IEnumerable<string> Files => [file.File.Path];

    public override long Rows => pass.Rows;

    public override IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>Reads <paramref name="file"/> once against <paramref name="profile"/>'s bins and ranges; null when the file cannot be read as DuckDB would.</summary>
    public static StreamedCurrentData? Read(StreamingCsvFile file, DatasetProfile profile, Action<string>? progress)
    {
        var kinds = file.Kinds;
        var indices = new List<int>();
        var sketches = new StreamingNumericColumn?[kinds.Count];
        var bins = new StreamingBinCounts?[kinds.Count];
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == DirectColumn.Number && profile.Find(file.Dialect.Columns[i].Name) is { Numeric: { } numeric, Count: var count })
            {
                indices.Add(i);
                sketches[i] = new StreamingNumericColumn();
                bins[i] = count > 0
                    ? new StreamingBinCounts([], [.. numeric.Bins.Edges], numeric.Min, numeric.Max)
                    : new StreamingBinCounts([], [.. numeric.Bins.Edges]);
            }
        }

        progress?.Invoke($"Streaming {PathDisplay.For(file.File.Path)}: bin counts and sketches");
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var pass = file.Pass(chunk => Parallel.ForEach(indices, options, i =>
        {
            var values = chunk[i].Span;
            sketches[i]!.Add(values);
            bins[i]!.Add(values);
        }));
        if (pass is null)
        {
            return null;
        }

        var data = new StreamedCurrentData(file, pass);
        foreach (var i in indices)
        {
            data.numbers[pass.Columns[i].Column.Name] = (sketches[i]!.Finish(profile.Settings.QuantilePoints), bins[i]!);
        }

        return data;
    }

    public override Dictionary<string, long> NonMissingCounts(IReadOnlyList<DatasetColumn> columns) =>
        columns.ToDictionary(c => c.Name, c => Data(c.Name)!.NonMissing, StringComparer.Ordinal);

    public override CurrentColumn Read(DatasetColumn column, ReferenceColumn reference, DriftPlan plan, long count)
    {
        var values = Data(column.Name)!;
        switch (values.Kind)
        {
            case DirectColumn.Number when plan.Input is DriftInputShape.Values or DriftInputShape.Bins:
                if (!numbers.TryGetValue(column.Name, out var streamed) || !streamed.Bins.ReferenceEdges.SequenceEqual(reference.Bins!.Edges))
                {
                    throw new DirectReadDeclinedException();
                }

                return new CurrentColumn
                {
                    Count = count,
                    Missing = pass.Rows - count,
                    Sketch = plan.Input == DriftInputShape.Values ? streamed.Sketch : null,
                    BinCounts = streamed.Bins.Reference,
                    OutsideRange = reference.Count > 0 ? (streamed.Bins.Below, streamed.Bins.Above) : null,
                };

            case DirectColumn.Boolean:
                return new CurrentColumn { Count = count, Missing = pass.Rows - count, Categories = DirectCurrentData.BooleanCounts(values) };

            case DirectColumn.Text:
                return new CurrentColumn { Count = count, Missing = pass.Rows - count, Categories = values.TextCounts() };

            default:
                // A number compared as categories needs its values: the table path reads them.
                throw new DirectReadDeclinedException();
        }
    }

    private DirectColumnData? Data(string name) => pass.Columns.FirstOrDefault(c => string.Equals(c.Column.Name, name, StringComparison.Ordinal));
}
