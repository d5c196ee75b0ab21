using Microsoft.ML;
using Microsoft.ML.Data;

namespace ModelGates.Models.Importance;

/// <summary>
/// A model's outputs over in-memory input rows, computed row by row on the calling thread through the model's
/// row-to-row mapper. <c>ITransformer.Transform</c> would split each scoring over the cores through ML.NET's
/// pipes (a reader thread, per-row copies of every input column, a consolidating cursor); permutation importance
/// scores many shuffles and spreads whole shuffles over the cores instead, so each one is scored without that machinery.
/// </summary>
internal sealed class MappedDataView(IDataView source, IRowToRowMapper mapper) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var outputs = columnsNeeded.ToList();
        var input = source.GetRowCursor(mapper.GetDependencies(outputs), rand);
        return new Cursor(input, mapper.GetRow(input, outputs));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DataViewRowCursor input, DataViewRow mapped) : DataViewRowCursor
    {
        public override long Position => input.Position;

        public override long Batch => input.Batch;

        public override DataViewSchema Schema => mapped.Schema;

        public override bool MoveNext() => input.MoveNext();

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => mapped.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => mapped.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                mapped.Dispose();
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
