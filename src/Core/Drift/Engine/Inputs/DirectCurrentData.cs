using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>A plain CSV file read into memory by <see cref="DirectCsvReader"/>: its inputs come from the arrays and counts.</summary>
internal sealed class DirectCurrentData(DirectCsvData data) : CurrentData
{
    public override string Path => data.Path;

    public override IEnumerable<string> Files => [data.File.Path];

    public override long Rows => data.Rows;

    public override IReadOnlyList<DatasetColumn> Columns { get; } = data.Columns.Select(c => c.Column).ToList();

    public override Dictionary<string, long> NonMissingCounts(IReadOnlyList<DatasetColumn> columns) =>
        columns.ToDictionary(c => c.Name, c => data.Find(c.Name)!.NonMissing, StringComparer.Ordinal);

    public override CurrentColumn Read(DatasetColumn column, ReferenceColumn reference, DriftPlan plan, long count)
    {
        var values = data.Find(column.Name)!;
        switch (values.Kind)
        {
            case DirectColumn.Number when plan.Input is DriftInputShape.Values or DriftInputShape.Bins:
                return CurrentColumnSource.FromSorted(values.SortNumbers(), data.Rows, plan, reference);

            case DirectColumn.Boolean:
                return Categories(count, BooleanCounts(values));

            case DirectColumn.Text:
                return Categories(count, values.TextCounts());

            default:
                // A number compared as categories: its values as DuckDB writes a DOUBLE or BIGINT as text.
                return Categories(count, NumbersAsText(values));
        }
    }

    /// <summary>A boolean column's counts as DuckDB groups them: only values that occur.</summary>
    public static Dictionary<string, long> BooleanCounts(DirectColumnData values) =>
        new Dictionary<string, long>(StringComparer.Ordinal) { ["true"] = values.Trues, ["false"] = values.NonMissing - values.Trues }
            .Where(p => p.Value > 0)
            .ToDictionary(StringComparer.Ordinal);

    private CurrentColumn Categories(long count, Dictionary<string, long> counts) =>
        new() { Count = count, Missing = data.Rows - count, Categories = counts };

    /// <summary>Whole numbers as DuckDB writes a BIGINT; a DOUBLE's text form is DuckDB's own, so the table path reads those.</summary>
    private static Dictionary<string, long> NumbersAsText(DirectColumnData values)
    {
        if (!SqlTypes.IsInteger(values.Column.SqlType))
        {
            throw new DirectReadDeclinedException();
        }

        return values.Numbers.ToArray()
            .GroupBy(v => ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
    }
}
