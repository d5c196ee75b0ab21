namespace ModelGates.Data.Direct;

/// <summary>A plain CSV file read straight into memory by <see cref="DirectCsvReader"/>.</summary>
internal sealed class DirectCsvData
{
    /// <summary>The dataset path as given.</summary>
    public required string Path { get; init; }

    /// <summary>The file read.</summary>
    public required DataFile File { get; init; }

    /// <summary>Data records.</summary>
    public required long Rows { get; init; }

    /// <summary>The columns in file order.</summary>
    public required IReadOnlyList<DirectColumnData> Columns { get; init; }

    /// <summary>The column named <paramref name="name"/>, if any.</summary>
    public DirectColumnData? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Column.Name, name, StringComparison.Ordinal));
}

/// <summary>One column of a <see cref="DirectCsvData"/>: its type as a DuckDB read gives it, and its values.</summary>
internal sealed class DirectColumnData
{
    /// <summary>The column with the type a DuckDB read of the file gives it.</summary>
    public required DatasetColumn Column { get; init; }

    /// <summary>How the column was parsed.</summary>
    public required DirectColumn Kind { get; init; }

    /// <summary>Non-missing values.</summary>
    public required long NonMissing { get; init; }

    /// <summary>Number columns: the non-missing values in file order.</summary>
    public Memory<double> Numbers { get; init; }

    /// <summary>Boolean columns: the true values.</summary>
    public long Trues { get; init; }

    /// <summary>Text columns: each distinct value (valid UTF-8) with its count, in no particular order.</summary>
    public IReadOnlyList<(byte[] Bytes, long Count)> Values { get; init; } = [];
}
