using ModelGates.Data;
using ModelGates.Quality.Features;

namespace ModelGates.Quality.Checks;

/// <summary>
/// The feature table the detectors of other folders read (label errors, outliers), from a quality table that holds
/// every column as text: a column whose every value reads as a number is numeric, any other is categorical.
/// </summary>
internal static class QualityFeatures
{
    /// <summary>The features (and the label, when asked) in the data's row order.</summary>
    public static FeatureTable Of(QualityTable data, bool withLabel)
    {
        var names = withLabel && data.Label is { } label ? [.. data.Features, label] : data.Features.ToList();
        var rows = checked((int)data.Rows);
        var numeric = names.Count == 0
            ? []
            : data.Engine.Row($"SELECT {string.Join(", ", names.Select(n => $"count(*) FILTER (WHERE {Text(n)} IS NOT NULL AND TRY_CAST({Text(n)} AS DOUBLE) IS NULL) = 0"))} FROM {data.Table}")
                .Select(v => v is true).ToArray();
        var columns = new List<FeatureColumn>();
        for (var c = 0; c < names.Count; c++)
        {
            var name = names[c];
            if (numeric[c] && name != data.Label)
            {
                var values = new double[rows];
                var i = 0;
                data.Engine.Query($"SELECT TRY_CAST({Text(name)} AS DOUBLE) FROM {data.Table}", r => values[i++] = r.IsDBNull(0) ? double.NaN : r.GetDouble(0));
                columns.Add(FeatureColumn.Numeric(name, values));
            }
            else
            {
                var values = new string?[rows];
                var i = 0;
                data.Engine.Query($"SELECT {Text(name)} FROM {data.Table}", r => values[i++] = r.IsDBNull(0) ? null : r.GetString(0));
                columns.Add(FeatureColumn.Categorical(name, values));
            }
        }

        return new FeatureTable(rows, columns, data.Display);
    }

    // Trimmed text, empty as missing, as the integrity checks read a value.
    private static string Text(string column) => $"NULLIF(TRIM({QualityTable.Text(column)}), '')";
}
