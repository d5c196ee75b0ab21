using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;

namespace ModelGates.Inputs;

/// <summary>
/// A dataset read for column statistics by <see cref="InputPipeline.ReadColumns"/>: held as column arrays
/// straight from a plain CSV file, or as a DuckDB table. Its hash is computed beside the read.
/// </summary>
public sealed class ColumnInput
{
    private readonly InputPipeline pipeline;
    private readonly Task<DatasetHashes> hashes;
    private TableInput? table;

    internal ColumnInput(InputPipeline pipeline, DatasetSource source, IReadOnlyList<DataFile> files, Task<DatasetHashes> hashes, DirectCsvData? direct, TableInput? table, Data.Streaming.StreamingCsvFile? streamed = null)
    {
        this.pipeline = pipeline;
        this.hashes = hashes;
        this.table = table;
        Source = source;
        Files = files;
        Direct = direct;
        Streamed = streamed;
        if (streamed is null)
        {
            rows = direct?.Rows ?? table!.Dataset.Rows;
            columns = direct is null ? table!.Dataset.Columns : direct.Columns.Select(c => c.Column).ToList();
        }
    }

    private long? rows;
    private IReadOnlyList<DatasetColumn>? columns;

    /// <summary>
    /// A plain CSV file beyond the memory limit, not read yet: a drift comparison against a stored profile streams it
    /// (<see cref="Drift.Engine.Inputs.StreamedCurrentData"/>); anything that needs its values loads the table.
    /// </summary>
    internal Data.Streaming.StreamingCsvFile? Streamed { get; }

    /// <summary>What was read.</summary>
    internal DatasetSource Source { get; }

    /// <summary>The files, in read order.</summary>
    internal IReadOnlyList<DataFile> Files { get; }

    /// <summary>Rows read (a streamed file is loaded as a table to tell).</summary>
    internal long Rows => rows ??= Table.Rows;

    /// <summary>The columns with the types a DuckDB read gives them, in file order (a streamed file is loaded as a table to tell).</summary>
    internal IReadOnlyList<DatasetColumn> Columns => columns ??= Table.Columns;

    /// <summary>True when the file was read straight into column arrays, without a table.</summary>
    internal bool ReadDirectly => Direct is not null || Streamed is not null;

    /// <summary>The unparsed-row rule's finding (MG2001 or MG2013), or null when every row parsed.</summary>
    internal Diagnostic? Unparsed => table?.Unparsed;

    /// <summary>The dataset hash (<c>sha256:</c> and hex); waits for the hashing that runs beside the read.</summary>
    /// <exception cref="DataReadException">A file cannot be read to hash it (MG0110).</exception>
    internal string Hash => Hashes.Dataset;

    /// <summary>Every file's hash; waits for the hashing that runs beside the read.</summary>
    internal DatasetHashes Hashes => hashes.GetAwaiter().GetResult();

    /// <summary>The engine that holds the table, and that the direct path sniffs and hashes text values with.</summary>
    internal DataEngine Engine => pipeline.Engine;

    internal Action<string>? Progress => pipeline.Progress;

    /// <summary>
    /// The table as a relation DuckDB aggregates in place, when the dataset was read into a table whose number columns
    /// would not fit the memory limit (<see cref="InEngineReads"/>); null otherwise.
    /// </summary>
    internal Sql.SqlRelation? InEngine =>
        Direct is null && Streamed is null && InEngineReads.BeyondLimit(Table, pipeline.MemoryLimit) ? InEngineReads.Relation(Table) : null;

    /// <summary>The column arrays of a plain CSV file read directly, or null.</summary>
    internal DirectCsvData? Direct { get; }

    /// <summary>
    /// The dataset as a table: the one read, or, for a file read directly, loaded now. A comparison takes this path
    /// when it needs what the column arrays cannot give exactly as DuckDB would.
    /// </summary>
    internal LoadedDataset Table => (table ??= pipeline.ReadTable(Source)).Dataset;
}
