using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// An in-memory, read-only <see cref="IDataView"/> over one array per column. ModelGates builds it from
/// data DuckDB has read and converted to the types of a model's input schema, so ML.NET scores rows
/// without a text loader of its own (which would re-parse the file with other rules).
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    private readonly IReadOnlyList<InputColumnValues> columns;
    private readonly long rowCount;

    public ColumnarDataView(IReadOnlyList<InputColumnValues> columns, long rowCount)
        : this(columns, rowCount, SchemaOf(columns))
    {
    }

    private ColumnarDataView(IReadOnlyList<InputColumnValues> columns, long rowCount, DataViewSchema schema)
    {
        this.columns = columns;
        this.rowCount = rowCount;
        Schema = schema;
    }

    /// <summary>The input columns, in schema order.</summary>
    public IReadOnlyList<InputColumnValues> Columns => columns;

    /// <summary>
    /// The same rows with some columns replaced (same names and types). The copy shares this view's schema object,
    /// so a row-to-row mapper built for this view's schema also maps the copy's rows.
    /// </summary>
    public ColumnarDataView With(IReadOnlyDictionary<int, InputColumnValues> replaced) =>
        new([.. columns.Select((c, i) => replaced.TryGetValue(i, out var r) ? r : c)], rowCount, Schema);

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private static DataViewSchema SchemaOf(IReadOnlyList<InputColumnValues> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }

    private sealed class Cursor(ColumnarDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long position = -1;

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (position + 1 >= view.rowCount)
            {
                position = view.rowCount;
                return false;
            }

            position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested by the cursor.");
            }

            return view.columns[column.Index].Getter<TValue>(() => position);
        }
    }
}
