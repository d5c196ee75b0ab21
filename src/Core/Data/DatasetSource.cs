using ModelGates.Data.Partitions;

namespace ModelGates.Data;

/// <summary>What to read: a path or glob, its format and, for delimited text, how to parse it.</summary>
/// <param name="Path">A file path or a glob (<c>data/*.csv</c>, <c>parts/**/*.parquet</c>).</param>
public sealed record DatasetSource(string Path)
{
    /// <summary>The format; <see cref="DataFormat.Auto"/> decides from the extension.</summary>
    public DataFormat Format { get; init; } = DataFormat.Auto;

    /// <summary>Options for delimited text.</summary>
    public CsvOptions Csv { get; init; } = new();

    /// <summary>
    /// How many rows that fail to parse are tolerated before the read counts as failed
    /// (default 0: any unparsed row fails the check).
    /// </summary>
    public long MaxUnparsedRows { get; init; }

    /// <summary>Read every column as text (contract validation casts values itself and counts failures per column).</summary>
    public bool AllText { get; init; }

    /// <summary>
    /// The table or query when the dataset lives in a database (then <see cref="Path"/> is its display,
    /// <c>table:warehouse.public.applications</c>, and the file options do not apply); null for files.
    /// </summary>
    internal Sources.DatabaseSource? Database { get; init; }

    /// <summary>A dataset that lives in a database.</summary>
    internal static DatasetSource For(Sources.DatabaseSource database) => new(database.Display) { Database = database };

    /// <summary>
    /// For data in Hive-style <c>key=value</c> folders: the partitions to read (null reads all). The files of the others
    /// are not read at all.
    /// </summary>
    public PartitionFilter? Partitions { get; init; }
}
