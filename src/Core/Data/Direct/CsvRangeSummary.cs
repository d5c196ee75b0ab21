namespace ModelGates.Data.Direct;

/// <summary>
/// What the direct reader collected from one byte range of a file, per column. Numbers go straight into the
/// column's array shared by all ranges, from this range's first possible row on, so nothing is copied while
/// reading.
/// </summary>
internal sealed class CsvRangeSummary
{
    public CsvRangeSummary(IReadOnlyList<DirectColumn> kinds, double[]?[] numbers, int firstRow, int lines, int distinctCapacity)
    {
        var n = kinds.Count;
        Lines = lines;
        Numbers = numbers;
        FirstRow = firstRow;
        NumberCounts = new int[n];
        Texts = new Utf8ValueCounts?[n];
        Fractional = new bool[n];
        NonMissing = new long[n];
        Trues = new long[n];
        for (var i = 0; i < n; i++)
        {
            Texts[i] = kinds[i] == DirectColumn.Text ? new Utf8ValueCounts(distinctCapacity) : null;
        }
    }

    /// <summary>The lines counted in the range: no more records fit in the column arrays.</summary>
    public int Lines { get; }

    /// <summary>Data records read.</summary>
    public long Rows { get; set; }

    /// <summary>Each number column's array, shared by the ranges; this range writes from <see cref="FirstRow"/>.</summary>
    public double[]?[] Numbers { get; }

    /// <summary>The index at which this range's values start in every number column's array.</summary>
    public int FirstRow { get; }

    /// <summary>Non-missing values this range wrote to each number column.</summary>
    public int[] NumberCounts { get; }

    /// <summary>Whether a number column held a value that is not whole.</summary>
    public bool[] Fractional { get; }

    /// <summary>Value counts of text columns.</summary>
    public Utf8ValueCounts?[] Texts { get; }

    /// <summary>Non-missing values of boolean columns.</summary>
    public long[] NonMissing { get; }

    /// <summary>True values of boolean columns.</summary>
    public long[] Trues { get; }
}
