using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;

namespace ModelGates.Quality.LabelErrors;

/// <summary>
/// A supplied out-of-fold predictions file (docs/quality-label-errors.md): the key column(s), or <c>row</c> (the
/// 1-based data row number) when the data has no key, and one probability column per class, named <c>p_&lt;class&gt;</c>.
/// </summary>
internal static class OutOfFoldPredictions
{
    /// <summary>The column of 1-based data row numbers that identifies rows when there are no keys.</summary>
    public const string RowColumn = "row";

    /// <summary>The probability column of a class.</summary>
    public static string ColumnOf(string className) => "p_" + className;

    // Rows of probabilities must sum to 1 within this, so that a file of scores or logits is not read as probabilities.
    private const double SumTolerance = 1e-3;

    /// <summary>The probabilities of each data row, in data order and class order; MG2155 (exit code 3) when the file does not fit.</summary>
    public static double[,] Match(FeatureTable data, FeatureTable predictions, IReadOnlyList<string> classes, IReadOnlyList<string> keys)
    {
        var source = predictions.Source ?? "the out-of-fold predictions";
        var keyNames = keys.Count > 0 ? keys : [RowColumn];
        var keyColumns = keyNames.Select(k => Find(predictions, k) ?? throw Unusable($"The out-of-fold predictions '{source}' have no key column '{k}'.", predictions.Source)).ToArray();
        var classColumns = classes.Select(c => Find(predictions, ColumnOf(c)) ?? throw Unusable(
            $"The out-of-fold predictions '{source}' have no probability column for class '{c}' (expected '{ColumnOf(c)}').", predictions.Source)).ToArray();

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < predictions.Rows; r++)
        {
            var key = Key(keyColumns, r);
            if (!byKey.TryAdd(key, r))
            {
                throw Unusable($"The out-of-fold predictions '{source}' have key {key} twice (rows {byKey[key] + 1} and {r + 1}).", predictions.Source);
            }
        }

        var dataKeys = keys.Count > 0 ? keys.Select(k => data.Require(k, "key")).ToArray() : null;
        var probabilities = new double[data.Rows, classes.Count];
        for (var i = 0; i < data.Rows; i++)
        {
            var key = dataKeys is null ? (i + 1).ToString(CultureInfo.InvariantCulture) : Key(dataKeys, i);
            if (!byKey.TryGetValue(key, out var r))
            {
                throw Unusable($"Data row {i + 1} (key {key}) has no row in the out-of-fold predictions '{source}'.", predictions.Source);
            }

            var sum = 0.0;
            for (var c = 0; c < classes.Count; c++)
            {
                var value = classColumns[c].Numbers is { } numbers ? numbers[r] : double.NaN;
                if (!(value is >= 0.0 and <= 1.0))
                {
                    throw Unusable($"The out-of-fold predictions '{source}' have {classColumns[c].Display(r)} in column '{classColumns[c].Name}' on row {r + 1}; a probability must be a number in [0, 1].", predictions.Source, classColumns[c].Name);
                }

                probabilities[i, c] = value;
                sum += value;
            }

            if (Math.Abs(sum - 1.0) > SumTolerance)
            {
                throw Unusable(string.Create(CultureInfo.InvariantCulture,
                    $"The probabilities of row {r + 1} of the out-of-fold predictions '{source}' sum to {sum:R}, not 1; give one probability column per class of the label ({string.Join(", ", classes)})."), predictions.Source);
            }
        }

        return probabilities;
    }

    private static FeatureColumn? Find(FeatureTable table, string name) =>
        table.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static string Key(FeatureColumn[] columns, int row) =>
        string.Join("|", columns.Select(c => c.Display(row)));

    private static DataReadException Unusable(string message, string? file, string? column = null) =>
        new(DiagnosticCatalog.OutOfFoldPredictionsUnusable.Create(message) with { File = file, Column = column });
}
