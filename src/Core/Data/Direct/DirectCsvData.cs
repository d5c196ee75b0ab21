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

    /// <summary>The dialect the file was parsed with (delimiter, line ending, header): what a reader of single lines needs.</summary>
    public CsvDialect? Dialect { get; init; }

    /// <summary>The bytes the run holds for it: the number columns' values and the text columns' distinct values.</summary>
    public long HeldBytes => Columns.Sum(c => ((long)c.Numbers.Length * sizeof(double)) + c.Values.Sum(v => (long)v.Bytes.Length + 32));

    /// <summary>The column named <paramref name="name"/>, if any.</summary>
    public DirectColumnData? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Column.Name, name, StringComparison.Ordinal));
}
