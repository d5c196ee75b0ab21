using ModelGates.Gates.Config;
using ModelGates.Inputs;

namespace ModelGates.Gates;

/// <summary>Runs the gates of one kind (contracts, drift, models, lineage).</summary>
internal interface IGateRunner
{
    /// <summary>Runs every gate of this kind in the config, in config order; gates whose severity is off are skipped.</summary>
    IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context);
}

/// <summary>What gate runners share in one run: the datasets, the list of files read, the options.</summary>
public sealed class GateRunContext(DatasetCache datasets, GateRunOptions options)
{
    private readonly List<InputFile> inputs = [];

    /// <summary>The run's datasets.</summary>
    internal DatasetCache Datasets { get; } = datasets;

    /// <summary>The run's options.</summary>
    internal GateRunOptions Options { get; } = options;

    /// <summary>
    /// The permutation importances measured in this run, by model gate name: measured once, whether a drift gate's
    /// importance weights or the model gate itself asks first.
    /// </summary>
    internal Dictionary<string, Models.Importance.ImportanceResult> Importances { get; } = new(StringComparer.Ordinal);

    /// <summary>The files read so far.</summary>
    internal IReadOnlyList<InputFile> Inputs => inputs;

    /// <summary>Records a file the run read (once per role and path), with the hash the pipeline took of it.</summary>
    internal void Read(string role, string path)
    {
        if (!inputs.Any(i => i.Role == role && i.Path == path) && File.Exists(path))
        {
            var hash = Datasets.Pipeline.HashOf(path);
            inputs.Add(new InputFile(role, path, hash.Sha256, hash.Bytes));
        }
    }

    /// <summary>
    /// Records a database dataset a gate read: its display (<c>table:warehouse.public.applications</c>) for a path and
    /// the hash of the aggregates the gate got back (docs/architecture.md#database-datasets). The list of inputs of the
    /// build then holds a path that never exists, so an incremental build always runs the gates again: the data may
    /// change on the server without any file changing.
    /// </summary>
    internal void ReadDatabase(string role, string display, string hash)
    {
        if (!inputs.Any(i => i.Role == role && i.Path == display))
        {
            inputs.Add(new InputFile(role, display, hash.StartsWith(DatasetHash.Prefix, StringComparison.Ordinal) ? hash[DatasetHash.Prefix.Length..] : hash, 0));
        }
    }

    /// <summary>Records every file of a dataset read through the pipeline, with the hashes taken beside the read.</summary>
    internal void Read(string role, DatasetHashes hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        Read(role, hashes.Files);
    }

    /// <summary>Records data files a gate read, each with its own hash (a monitor's rerun hashes them one by one).</summary>
    internal void Read(string role, IReadOnlyList<FileHash> files)
    {
        foreach (var file in files.Where(f => !inputs.Any(i => i.Role == role && i.Path == f.Path)))
        {
            inputs.Add(new InputFile(role, file.Path, file.Sha256, file.Bytes));
        }
    }
}

/// <summary>Options of one run of the gates.</summary>
public sealed record GateRunOptions
{
    /// <summary>The day waivers are judged against (UTC today unless set).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The time recorded in reports.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The tool version recorded in reports.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>Receives a line per gate, for progress on long runs.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The statement timeout of every database connection (the command line's <c>--statement-timeout</c>), or null to keep each connection's.</summary>
    public TimeSpan? StatementTimeout { get; init; }

    /// <summary>The memory limit of the run (the command line's <c>--memory-limit</c>), or null to keep the config's <c>"memoryLimit"</c> or the default.</summary>
    public Memory.MemoryLimit? MemoryLimit { get; init; }

    /// <summary>The limit a run of <paramref name="config"/> uses: these options', else the config's, else the default.</summary>
    internal Memory.MemoryLimit MemoryLimitFor(GatesConfig config) => MemoryLimit ?? config.MemoryLimit ?? Memory.MemoryLimit.Default;
}
