namespace ModelGates.Data.Direct;

/// <summary>
/// What the direct reader collected from one byte range of a file, per column. Numbers go straight into the
/// column's array shared by all ranges, from this range's first possible row on, so nothing is copied while
/// reading.
/// </summary>
internal sealed class CsvRangeSummary
{
    public CsvRangeSummary(IReadOnlyList<DirectColumn> kinds, double[]?[] numbers, int[] bases, int firstRow, int lines, int distinctCapacity)
    {
        Lines = lines;
        FirstRow = firstRow;
        Columns = new CsvColumnCursor[kinds.Count];
        for (var i = 0; i < Columns.Length; i++)
        {
            Columns[i] = new CsvColumnCursor
            {
                Kind = kinds[i],
                Numbers = numbers[i],
                Base = bases[i],
                Next = bases[i] + firstRow,
                Texts = kinds[i] == DirectColumn.Text ? new Utf8ValueCounts(distinctCapacity) : null,
            };
        }
    }

    /// <summary>The lines counted in the range: no more records fit in the column arrays.</summary>
    public int Lines { get; }

    /// <summary>Data records read.</summary>
    public long Rows { get; set; }

    /// <summary>The row at which this range's values start in every number column (from the column's <see cref="CsvColumnCursor.Base"/>).</summary>
    public int FirstRow { get; }

    /// <summary>Each column's array, tallies and value counts, updated in place while the range is read.</summary>
    public CsvColumnCursor[] Columns { get; }

    /// <summary>Non-missing values this range wrote to number column <paramref name="index"/>.</summary>
    public int NumberCount(int index) => Columns[index].Next - Columns[index].Base - FirstRow;
}
