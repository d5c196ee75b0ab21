using ModelGates.Data;
using ModelGates.Models.Evaluation.Scoring;

namespace ModelGates.Models.Segments;

/// <summary>
/// A column a weak-segment search may split on: numbers (NaN where missing) or text categories (null where missing),
/// one value per evaluation row.
/// </summary>
/// <param name="Name">The column.</param>
/// <param name="Numbers">The values of a numeric column, or null.</param>
/// <param name="Categories">The values of any other column as text, or null.</param>
internal sealed record SegmentFeature(string Name, double[]? Numbers, string?[]? Categories)
{
    /// <summary>
    /// The columns of <paramref name="data"/> a search may split on: <paramref name="columns"/> when given, else every
    /// column but <paramref name="excluded"/> (the label and the prediction columns), in the data's order.
    /// </summary>
    public static IReadOnlyList<SegmentFeature> Read(DataEngine engine, LoadedDataset data, LoadedDataset text, IReadOnlyList<string>? columns, IReadOnlyCollection<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(excluded);
        var names = columns ?? [.. data.Columns.Select(c => c.Name).Where(n => !excluded.Contains(n))];
        var features = new List<SegmentFeature>();
        foreach (var name in names)
        {
            var column = EvaluationColumns.Require(data, name, "segment");
            if (column.TypeKind == ColumnKind.Numeric)
            {
                var values = new double[data.Rows];
                var i = 0;
                engine.Query($"SELECT TRY_CAST({SqlText.Identifier(name)} AS DOUBLE) FROM {data.Table}", r =>
                {
                    var v = r.IsDBNull(0) ? double.NaN : r.GetDouble(0);
                    values[i++] = double.IsFinite(v) ? v : double.NaN;
                });
                features.Add(new SegmentFeature(name, values, null));
            }
            else
            {
                // Categories from the all-text read: DuckDB's sniffer would show yes/no as true/false.
                var textColumn = text.Find(name) ?? column;
                features.Add(new SegmentFeature(name, null, EvaluationColumns.Text(engine, text.Find(name) is null ? data : text, textColumn)));
            }
        }

        return features;
    }
}
