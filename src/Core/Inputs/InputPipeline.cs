using System.Collections.Concurrent;
using System.Globalization;
using ModelGates.Contracts;
using ModelGates.Contracts.Pushdown;
using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Profiles;
using ModelGates.Sources;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;

namespace ModelGates.Inputs;

/// <summary>
/// The one way every front end reads data (the CLI commands, the gates behind <c>check</c> and
/// <c>dotnet build</c>, the xunit assertions). For each source it resolves the files (path or glob), tells a
/// stored profile from data by content (<see cref="InputContent"/>), picks the fastest faithful reader (the
/// direct CSV reader, or a DuckDB table), hashes the files on another core while they are read, and applies
/// the unparsed-row rule: rows that fail to parse come back as a diagnostic (MG2001 beyond the tolerance,
/// MG2013 within it) that the caller must report. Reads are kept for the run, so several gates over one
/// dataset read it once. Not thread-safe: one pipeline per run.
/// </summary>
public sealed class InputPipeline : IDisposable
{
    private readonly Dictionary<DatasetSource, ColumnInput> columnReads = [];
    private readonly Dictionary<DatasetSource, TableInput> tableReads = [];
    private readonly ConcurrentDictionary<string, Task<FileHash>> fileHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqlSession> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<DatabaseSource, DatabaseInput> databaseReads = [];
    private readonly Memory.MemoryLimit memoryLimit = Memory.MemoryLimit.Default;

    /// <summary>Opens a pipeline over a fresh in-memory DuckDB.</summary>
    /// <param name="progress">Receives a short line at each phase boundary (reading a file, summarising, comparing), for long runs.</param>
    public InputPipeline(Action<string>? progress = null)
    {
        Engine = PipelineWarmup.TakeEngine() ?? new DataEngine();
        Progress = progress;
    }

    /// <summary>
    /// Starts, on another core, the one-time work of a run's first read: opening the in-memory DuckDB the next
    /// pipeline takes, and compiling the hot loops of reading and comparing columns. A front end calls it first
    /// thing, before parsing its arguments and config, so that the first read starts warm; results are the same
    /// either way. Calls after the first in a process do nothing.
    /// </summary>
    public static void WarmUp() => PipelineWarmup.Start();

    /// <summary>The engine that holds the tables read.</summary>
    public DataEngine Engine { get; }

    /// <summary>Receives a line per phase, or null.</summary>
    public Action<string>? Progress { get; }

    /// <summary>The connections database datasets may use (a config's, the command line's); none unless set.</summary>
    public ConnectionSet Connections { get; set; } = ConnectionSet.Empty;

    /// <summary>
    /// The run's session on a connection: opened on first use (one per connection per run), closed with the pipeline.
    /// </summary>
    /// <exception cref="ConfigurationException">The connection is not declared (MG0037) or its variable is not set (MG0036).</exception>
    /// <exception cref="DataReadException">The server cannot be reached or refuses the login (MG0120, MG0121, MG0127).</exception>
    internal SqlSession Session(string connection)
    {
        if (!sessions.TryGetValue(connection, out var session))
        {
            var declaration = Connections.Get(connection);
            Progress?.Invoke($"Connecting to '{connection}' ({declaration.Provider})");
            session = Connections.Open(connection);
            sessions[connection] = session;
        }

        return session;
    }

    /// <summary>
    /// A database dataset ready for pushdown: its connection's session, the relation and its columns (described once
    /// per run with a query that reads no row). Its rows stay on the server.
    /// </summary>
    /// <exception cref="ConfigurationException">The connection is not declared or its variable is not set.</exception>
    /// <exception cref="DataReadException">The server, the login or the relation fails (MG0120-MG0127).</exception>
    internal DatabaseInput ReadDatabase(DatabaseSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (databaseReads.TryGetValue(source, out var read))
        {
            return read;
        }

        read = new DatabaseInput(source, Session(source.Connection));
        databaseReads[source] = read;
        return read;
    }

    /// <summary>
    /// The memory the run may hold data in (<see cref="Memory.MemoryLimit.Default"/> unless set): a profile, and the
    /// current side of a drift comparison against a stored profile, are read into memory and exact while their
    /// number columns fit in it, and streamed in bounded memory beyond it. Set explicitly, it is DuckDB's limit too.
    /// </summary>
    public Memory.MemoryLimit MemoryLimit
    {
        get => memoryLimit;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            memoryLimit = value;
            engineBounded = false;
            if (value.IsExplicit)
            {
                BoundEngine();
            }
        }
    }

    private bool engineBounded;

    /// <summary>
    /// Gives DuckDB the memory limit as its <c>memory_limit</c> and a spill folder, so tables and sorts beyond it spill
    /// to disk: set explicitly, from the start; otherwise before the first table estimated beyond it is loaded
    /// (<see cref="BoundBeforeLoading"/>). It stays so for the rest of the run.
    /// </summary>
    private void BoundEngine()
    {
        Engine.Execute($"SET memory_limit = '{memoryLimit.DuckDbSettingBeside(heldBytes)}'");

        // DuckDB would spill into '.tmp' under the current folder (a repository, during a build): the system's
        // temporary folder instead (TMPDIR), one folder per engine, which DuckDB removes when it closes.
        Engine.Execute($"SET temp_directory = {Data.SqlText.Literal(SpillFolder())}");
        engineBounded = true;
    }

    /// <summary>
    /// Bounds DuckDB before a table is loaded whose values, at 8 bytes each, are estimated beyond the memory limit
    /// (<see cref="InEngineReads.EstimatedTableBytes"/>): DuckDB's own default limit (80 % of the machine's memory) would
    /// keep the whole table in memory, and the in-DuckDB profile and comparison that follow would not be bounded.
    /// </summary>
    private void BoundBeforeLoading(DatasetSource source, IReadOnlyList<DataFile> files)
    {
        if (engineBounded || InEngineReads.EstimatedTableBytes(Engine, DataFileResolver.ResolveFormat(source, files), files) is not { } bytes || bytes <= memoryLimit.Bytes)
        {
            return;
        }

        Progress?.Invoke($"Loading {PathDisplay.For(source.Path)} under a DuckDB memory limit of {memoryLimit} (about {InEngineReads.Megabytes(bytes)} of values), spilling beyond it to disk");
        BoundEngine();
    }

    private long heldBytes;

    /// <summary>
    /// Counts a direct read's arrays against the limit: the run holds them beside DuckDB (a raw reference that fits in
    /// memory, compared with a current side beyond the limit inside DuckDB), so DuckDB's share of a bounded limit shrinks
    /// by them and the two together stay within the limit (never below DuckDB's minimum).
    /// </summary>
    private void Hold(DirectCsvData direct)
    {
        heldBytes += direct.HeldBytes;
        if (engineBounded)
        {
            Engine.Execute($"SET memory_limit = '{memoryLimit.DuckDbSettingBeside(heldBytes)}'");
        }
    }

    /// <summary>True once DuckDB has been given the memory limit (explicitly, or before loading a table beyond it).</summary>
    internal bool EngineBounded => engineBounded;

    private static int spillFolders;

    /// <summary>The folder DuckDB spills sorts and tables beyond the memory limit to: under the system's temporary folder.</summary>
    internal static string SpillFolder() => Path.Combine(
        Path.GetTempPath(),
        string.Create(CultureInfo.InvariantCulture, $"modelgates-duckdb-{Environment.ProcessId}-{Interlocked.Increment(ref spillFolders)}"));

    /// <summary>
    /// Where the profiles of single partitions of partitioned data are stored and found again
    /// (default <c>.modelgates/partitions</c> in the current folder; docs/scale.md#partitioned-lakes).
    /// </summary>
    public string PartitionCache { get; set; } = DefaultPartitionCache;

    /// <summary>The default <see cref="PartitionCache"/>, relative to the current folder or the config's folder.</summary>
    public static string DefaultPartitionCache { get; } = Path.Combine(".modelgates", "partitions");

    /// <summary>
    /// Reads a dataset for column statistics (drift, profiles): a plain CSV file straight into column arrays,
    /// anything else into a table. Either way the columns, types and values are those of a DuckDB read.
    /// </summary>
    /// <exception cref="DataReadException">The data cannot be read (exit code 3).</exception>
    public ColumnInput ReadColumns(DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        RowsStayOnServer(source, "reading its columns for drift");
        source = source with { AllText = false };
        if (columnReads.TryGetValue(source, out var read))
        {
            return read;
        }

        var files = Resolve(source, "Reading");

        // A single file not hashed yet is hashed by the direct reader's first read of it (which counts its lines), instead
        // of a read of its own; wherever that read does not happen or complete, the file is hashed as any other.
        var hashedByRead = files.Count == 1 ? PendingHash(files[0].Path) : null;
        var hashes = HashesOf(files);
        Data.Streaming.StreamingCsvFile? streamed = null;
        DirectCsvData? direct = null;
        try
        {
            streamed = StreamingReads.Streamed(Engine, source, files, MemoryLimit);
            direct = streamed is null
                ? DirectCsvReader.TryRead(Engine, source, hashed: hashedByRead is null ? null : (bytes, sha256) => hashedByRead.TrySetResult(new FileHash(files[0].Path, bytes, sha256)))
                : null;
        }
        finally
        {
            if (hashedByRead is not null && !hashedByRead.Task.IsCompleted)
            {
                HashInto(hashedByRead, files[0].Path);
            }
        }

        if (direct is not null)
        {
            Hold(direct);
        }

        read = streamed is not null
            ? new ColumnInput(this, source, files, hashes, null, null, streamed)
            : direct is not null
            ? new ColumnInput(this, source, files, hashes, direct, null)
            : new ColumnInput(this, source, files, hashes, null, ReadTable(source));
        columnReads[source] = read;
        return read;
    }

    /// <summary>A hash of <paramref name="path"/> for a reader to complete, registered as the run's; null when the run has one already.</summary>
    private TaskCompletionSource<FileHash>? PendingHash(string path)
    {
        var pending = new TaskCompletionSource<FileHash>(TaskCreationOptions.RunContinuationsAsynchronously);
        return fileHashes.TryAdd(Key(path), pending.Task) ? pending : null;
    }

    /// <summary>Hashes <paramref name="path"/> on the thread pool into <paramref name="pending"/>, its failure (MG0110) included.</summary>
    private static void HashInto(TaskCompletionSource<FileHash> pending, string path) =>
        Task.Run(() => DatasetHash.OfFiles([path]).Files[0]).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    pending.TrySetException(t.Exception!.InnerExceptions);
                }
                else
                {
                    pending.TrySetResult(t.Result);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>Reads a dataset into a DuckDB table: typed, or every column as text when <see cref="DatasetSource.AllText"/> is set.</summary>
    /// <exception cref="DataReadException">The data cannot be read (exit code 3).</exception>
    public TableInput ReadTable(DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        RowsStayOnServer(source, "loading it as a table");
        if (tableReads.TryGetValue(source, out var read))
        {
            return read;
        }

        var files = Resolve(source, source.AllText ? "Loading as text" : "Loading");
        var hashes = HashesOf(files);
        BoundBeforeLoading(source, files);
        var dataset = DatasetLoader.Load(Engine, source);
        read = new TableInput(dataset, hashes, UnparsedRowsCheck.Check(dataset, source.MaxUnparsedRows));
        tableReads[source] = read;
        return read;
    }

    /// <summary>Resolves a source's files and says what happens to them next, for a reader of its own (the quality checks' row pass).</summary>
    /// <exception cref="DataReadException">Nothing readable is there (exit code 3).</exception>
    internal IReadOnlyList<DataFile> Announce(DatasetSource source, string doing)
    {
        RowsStayOnServer(source, "reading its rows");
        return Resolve(source, doing);
    }

    /// <summary>The hashes of a source's files: its table read's when it has one, otherwise hashed now (each file once per run).</summary>
    /// <exception cref="DataReadException">The files cannot be read (exit code 3).</exception>
    internal DatasetHashes SourceHashes(DatasetSource source) =>
        tableReads.TryGetValue(source, out var read) ? read.Hashes : HashesOf(Files(source)).GetAwaiter().GetResult();

    /// <summary>
    /// The reference a drift check compares with: a stored profile when the file holds one, otherwise the data
    /// read as <see cref="ReadColumns"/> reads it.
    /// </summary>
    /// <exception cref="DataReadException">The reference cannot be read, or is an invalid profile (exit code 3).</exception>
    public DriftReference ReadReference(DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Database is { } database)
        {
            // A database reference is profiled inside the database: only the profile's aggregates leave it.
            var profile = Profile(source).Profile;
            var input = ReadDatabase(database);
            return DriftReference.FromProfile(profile, input.Display, input.Hash(ProfileJsonWriter.Write(profile)));
        }

        if (InputContent.IsProfile(source.Path))
        {
            Progress?.Invoke($"Reading reference profile {PathDisplay.For(source.Path)}");
            return DriftReference.ReadProfile(source.Path);
        }

        return DriftReference.FromColumns(ReadColumns(source));
    }

    /// <summary>
    /// Profiles a dataset (straight from a plain CSV file where the direct reader applies). Unparsed rows beyond the
    /// tolerance stop it: a profile of part of the data would mislead every later drift check.
    /// </summary>
    /// <exception cref="DataReadException">The data cannot be read (exit code 3).</exception>
    /// <exception cref="ModelGatesException">Rows failed to parse beyond the tolerance (MG2001, exit code 1).</exception>
    public ProfileRead Profile(DatasetSource source, ProfileSettings? settings = null)
    {
        // Personal-data columns keep their counts only (docs/privacy.md#profiles), whichever way the profile was built.
        var read = ProfileUnmasked(source, settings);
        return read with { Profile = Quality.Privacy.ProfilePrivacy.Apply(read.Profile) };
    }

    private ProfileRead ProfileUnmasked(DatasetSource source, ProfileSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(source);
        settings ??= ProfileSettings.Default;
        if (source.Database is { } database)
        {
            // Pushed down: only the aggregates of the profile leave the database.
            var input = ReadDatabase(database);
            Progress?.Invoke($"Profiling {database.Display} in the database");
            return new ProfileRead(PushdownProfiler.Profile(input.Session, input.Relation, settings, Progress), null);
        }

        var files = Resolve(source, "Profiling");
        if (DataFileResolver.ResolvePartitions(Engine, source) is { Layout: not null } partitioned)
        {
            return PartitionedProfiler.Profile(this, source, partitioned, settings, PartitionCache);
        }

        if (StreamingReads.Streamed(Engine, source, files, MemoryLimit) is { } streamed
            && Profiles.Streaming.StreamingProfiler.Profile(Engine, streamed, settings, Progress) is { } bounded)
        {
            return new ProfileRead(bounded, null);
        }

        if (DirectCsvProfiler.TryProfile(Engine, source, settings) is { } direct)
        {
            return new ProfileRead(direct, null);
        }

        var table = ReadTable(source with { AllText = false });
        if (table.Unparsed is { IsError: true } unparsed)
        {
            throw new ModelGatesException([unparsed], ExitCodes.CheckFailed);
        }

        if (InEngineReads.BeyondLimit(table.Dataset, MemoryLimit))
        {
            Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Profiling {table.Dataset.Rows:N0} rows of {PathDisplay.For(source.Path)} inside DuckDB: beyond the memory limit {MemoryLimit}"));
            using var session = new DuckDbSession(Engine);
            var inEngine = PushdownProfiler.Profile(session, InEngineReads.Relation(table.Dataset), settings, Progress);
            return new ProfileRead(inEngine with { Sources = [source.Path], UnparsedRows = table.Dataset.Unparsed.Count }, table.Unparsed);
        }

        Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Summarising {table.Dataset.Columns.Count} columns of {table.Dataset.Rows:N0} rows of {PathDisplay.For(source.Path)}"));
        return new ProfileRead(ProfileBuilder.Build(Engine, table.Dataset, settings, Progress), table.Unparsed);
    }

    /// <summary>
    /// Compares a database dataset with a reference inside the database: counts on the reference profile's points,
    /// frozen bins and categories come back, never rows (docs/scale.md). The reference must be a profile (a stored
    /// profile, or a database dataset read by <see cref="ReadReference"/>).
    /// </summary>
    /// <exception cref="ConfigurationException">The source is not a database dataset, the reference is raw data (MG0142), or a test needs every current value (MG0141).</exception>
    /// <exception cref="DataReadException">The server, the login or a query fails (MG0120-MG0127).</exception>
    public Drift.Engine.Results.DriftReport CompareInDatabase(DriftReference reference, DatasetSource current, Drift.Engine.Options.DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var database = current.Database ?? throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create($"'{current.Path}' is not a database dataset."));
        var input = ReadDatabase(database);
        return DriftEngine.Compare(reference, input.Session, input.Relation, options, Progress);
    }

    /// <summary>
    /// Checks a database dataset against a contract inside the database (the rules as SQL of its dialect: one
    /// aggregate scan, a bounded number of example rows for each failing check), with the checks and ids a file gets.
    /// </summary>
    /// <exception cref="ConfigurationException">The source is not a database dataset, or a pattern or check does not compile on the engine.</exception>
    /// <exception cref="DataReadException">The server, the login or a query fails (MG0120-MG0127).</exception>
    public DatabaseValidationResult ValidateInDatabase(DatasetSource source, DataContract contract)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(contract);
        var database = source.Database ?? throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create($"'{source.Path}' is not a database dataset."));
        var input = ReadDatabase(database);
        Progress?.Invoke($"Validating {database.Display} in the database");
        var result = SqlContractValidator.Validate(input.Session, input.FromItem, contract, new SqlContractOptions { DisplayName = database.Display, MaxUnparsedRows = contract.MaxUnparsedRows });
        return new DatabaseValidationResult(database.Display, result.Rows, input.Columns.Count, result.Checks);
    }

    /// <summary>The files a source names (a path, or a glob's matches sorted by ordinal path), without reading them.</summary>
    /// <exception cref="DataReadException">Nothing readable is there (MG0101 and its neighbours, exit code 3).</exception>
    public IReadOnlyList<DataFile> Files(DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        RowsStayOnServer(source, "listing its files");
        return DataFileResolver.Resolve(Engine, source);
    }

    /// <summary>The content hash of any file the run reads (configs, contracts, models), hashed once per run.</summary>
    /// <exception cref="DataReadException">The file cannot be read (MG0110, exit code 3).</exception>
    public FileHash HashOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FileHashTask(path).GetAwaiter().GetResult();
    }

    /// <summary>Starts hashing a dataset's files on the thread pool, beside the read, reusing hashes this run already has.</summary>
    internal Task<DatasetHashes> HashesOf(IReadOnlyList<DataFile> files)
    {
        if (files.Count == 1)
        {
            return FileHashTask(files[0].Path).ContinueWith(
                t => new DatasetHashes(DatasetHash.Prefix + t.GetAwaiter().GetResult().Sha256, [t.Result]),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        var paths = files.Select(f => f.Path).ToList();
        var all = Task.Run(() => DatasetHash.OfFiles(paths));
        for (var i = 0; i < paths.Count; i++)
        {
            var index = i;
            fileHashes.TryAdd(Key(paths[i]), all.ContinueWith(t => t.GetAwaiter().GetResult().Files[index], CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }

        return all;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        sessions.Clear();
        Engine.Dispose();
    }

    /// <summary>
    /// A database dataset's rows stay on the server: a reader that needs them (scoring a model, a table of every
    /// row) refuses it with MG0039 (exit code 2) at the dataset's declaration, instead of copying the table.
    /// </summary>
    private static void RowsStayOnServer(DatasetSource source, string what)
    {
        if (source.Database is { } database)
        {
            throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create(
                $"Dataset {database.Display} lives in a database, and {what} needs its rows; ModelGates sends queries to the database and does not copy a table's rows out of it. Use a file dataset (an export) here.") with
            {
                File = database.Location?.File,
                Line = database.Location?.Line,
                SourceColumn = database.Location?.Column,
            });
        }
    }

    private Task<FileHash> FileHashTask(string path) =>
        fileHashes.GetOrAdd(Key(path), _ => Task.Run(() => DatasetHash.OfFiles([path]).Files[0]));

    /// <summary>Resolves the files and says what happens to them next (<c>Reading data/train.csv (184 MB)</c>).</summary>
    private IReadOnlyList<DataFile> Resolve(DatasetSource source, string doing)
    {
        var files = DataFileResolver.Resolve(Engine, source);
        if (Progress is { } progress)
        {
            var what = files.Count == 1 ? PathDisplay.For(files[0].Path) : $"{PathDisplay.For(source.Path)} ({files.Count} files)";
            progress($"{doing} {what} ({Size(files.Sum(f => f.Length))})");
        }

        return files;
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0 * 1024.0):0.##} GB"),
    };

    private static string Key(string path) => Path.GetFullPath(path);
}

/// <summary>A profile built by <see cref="InputPipeline.Profile"/>.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Unparsed">Rows that failed to parse within the tolerance (MG2013), to report beside the profile; null when none did.</param>
public sealed record ProfileRead(DatasetProfile Profile, Diagnostic? Unparsed)
{
    /// <summary>For partitioned data: how many partition profiles were reused and how many computed; null otherwise.</summary>
    public PartitionProfiles? Partitions { get; init; }
}

/// <summary>How the profile of partitioned data was built: one profile per partition, merged.</summary>
/// <param name="Count">Partitions profiled.</param>
/// <param name="Reused">Partitions whose stored profile was reused (their files were unchanged).</param>
/// <param name="Computed">Partitions read and profiled in this run.</param>
/// <param name="CacheFolder">Where the partition profiles are stored.</param>
public sealed record PartitionProfiles(int Count, int Reused, int Computed, string CacheFolder);
