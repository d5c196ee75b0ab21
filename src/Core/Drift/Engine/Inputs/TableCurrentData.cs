using ModelGates.Data;
using ModelGates.Drift.Engine.Policy;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>
/// A current dataset loaded as a table: its inputs are read with SQL. With <paramref name="pooledReference"/> (raw
/// reference data beyond the memory limit, in the same engine) value plans are measured inside DuckDB
/// (<see cref="PooledComparison"/>) instead of reading the values out.
/// </summary>
internal sealed class TableCurrentData(DataEngine engine, LoadedDataset dataset, LoadedDataset? pooledReference = null) : CurrentData
{
    public override string Path => dataset.Source.Path;

    public override IEnumerable<string> Files => dataset.Files.Select(f => f.Path);

    public override long Rows => dataset.Rows;

    public override IReadOnlyList<DatasetColumn> Columns => dataset.Columns;

    public override Dictionary<string, long> NonMissingCounts(IReadOnlyList<DatasetColumn> columns) => ColumnQueries.NonMissingCounts(engine, dataset, columns);

    public override CurrentColumn Read(DatasetColumn column, ReferenceColumn reference, DriftPlan plan, long count)
    {
        var missing = dataset.Rows - count;
        switch (plan.Input)
        {
            case DriftInputShape.Values when pooledReference is not null:
                return new CurrentColumn
                {
                    Count = count,
                    Missing = missing,
                    Pooled = count > 0 && reference.Count > 0
                        ? PooledComparison.Measure(engine, pooledReference, pooledReference.Find(column.Name)!, dataset, column, reference, plan)
                        : null,
                    BinCounts = reference.Bins is { } bins ? ColumnQueries.BinCounts(engine, dataset, column, bins.Edges) : null,
                    OutsideRange = count > 0 && reference.Count > 0 ? ColumnQueries.OutsideRange(engine, dataset, column, reference.Min, reference.Max) : null,
                };

            case DriftInputShape.Values:
                return CurrentColumnSource.FromSorted(ColumnQueries.SortedValues(engine, dataset, column, count), dataset.Rows, plan, reference);

            case DriftInputShape.Bins:
                return new CurrentColumn
                {
                    Count = count,
                    Missing = missing,
                    BinCounts = ColumnQueries.BinCounts(engine, dataset, column, reference.Bins!.Edges),
                    OutsideRange = count > 0 && reference.Count > 0 ? ColumnQueries.OutsideRange(engine, dataset, column, reference.Min, reference.Max) : null,
                };

            default:
                return new CurrentColumn { Count = count, Missing = missing, Categories = ColumnQueries.CategoryCounts(engine, dataset, column) };
        }
    }
}
