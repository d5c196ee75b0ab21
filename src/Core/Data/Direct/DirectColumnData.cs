namespace ModelGates.Data.Direct;

/// <summary>One column of a <see cref="DirectCsvData"/>: its type as a DuckDB read gives it, and its values.</summary>
internal sealed class DirectColumnData
{
    /// <summary>The column with the type a DuckDB read of the file gives it.</summary>
    public required DatasetColumn Column { get; init; }

    /// <summary>How the column was parsed.</summary>
    public required DirectColumn Kind { get; init; }

    /// <summary>Non-missing values.</summary>
    public required long NonMissing { get; init; }

    /// <summary>Number columns: the non-missing values in file order (until <see cref="SortNumbers"/>).</summary>
    public Memory<double> Numbers { get; init; }

    /// <summary>Boolean columns: the true values.</summary>
    public long Trues { get; init; }

    /// <summary>Text columns: each distinct value (valid UTF-8) with its count, in no particular order.</summary>
    public IReadOnlyList<(byte[] Bytes, long Count)> Values { get; init; } = [];

    /// <summary>
    /// Number columns: sorts the values in place and returns them. A copy would cost a column's size in fresh
    /// memory, and nothing reads the file order after the column is compared.
    /// </summary>
    public Memory<double> SortNumbers()
    {
        Statistics.DoubleRadixSort.Sort(Numbers.Span);
        return Numbers;
    }

    /// <summary>Text columns: each distinct value as a string with its count.</summary>
    public Dictionary<string, long> TextCounts() =>
        Values.ToDictionary(v => System.Text.Encoding.UTF8.GetString(v.Bytes), v => v.Count, StringComparer.Ordinal);
}
