namespace ModelGates.Data.Direct;

/// <summary>
/// What a <see cref="CsvRangeReader"/> keeps for one column while it reads: everything a field needs in one
/// struct, so each field costs one bounds check and no chain of array loads.
/// </summary>
internal struct CsvColumnCursor
{
    /// <summary>How the column is parsed.</summary>
    public DirectColumn Kind;

    /// <summary>Number columns: the array shared by all ranges.</summary>
    public double[]? Numbers;

    /// <summary>Number columns: where the column's first row sits in <see cref="Numbers"/> (columns may share one array).</summary>
    public int Base;

    /// <summary>Number columns: where the next value goes.</summary>
    public int Next;

    /// <summary>Number columns: whether a value was not whole.</summary>
    public bool Fractional;

    /// <summary>Boolean columns: non-missing values.</summary>
    public long NonMissing;

    /// <summary>Boolean columns: true values.</summary>
    public long Trues;

    /// <summary>Text columns: the value counts.</summary>
    public Utf8ValueCounts? Texts;
}
