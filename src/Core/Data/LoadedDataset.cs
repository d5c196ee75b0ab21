namespace ModelGates.Data;

/// <summary>A dataset read into a table of the <see cref="DataEngine"/>.</summary>
public sealed class LoadedDataset
{
    internal LoadedDataset(
        DatasetSource source,
        string table,
        DataFormat format,
        IReadOnlyList<DataFile> files,
        IReadOnlyList<DatasetColumn> columns,
        long rows,
        UnparsedRows unparsed,
        RowLocator locator)
    {
        Source = source;
        Table = table;
        Format = format;
        Files = files;
        Columns = columns;
        Rows = rows;
        Unparsed = unparsed;
        Locator = locator;
    }

    /// <summary>What was read.</summary>
    public DatasetSource Source { get; }

    /// <summary>The name of the table holding the rows, already quoted for SQL.</summary>
    internal string Table { get; }

    /// <summary>The format that was read.</summary>
    internal DataFormat Format { get; }

    /// <summary>The files, in read order.</summary>
    internal IReadOnlyList<DataFile> Files { get; }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>The number of rows that were read.</summary>
    public long Rows { get; }

    /// <summary>The records that could not be parsed (not in <see cref="Rows"/>).</summary>
    public UnparsedRows Unparsed { get; }

    /// <summary>Maps table rows back to files and record numbers.</summary>
    public RowLocator Locator { get; }

    /// <summary>The column of that name (ordinal), or null.</summary>
    public DatasetColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
