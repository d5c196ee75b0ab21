using ModelGates.Configuration.Json;
using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Gates.Config;

/// <summary>
/// The contents of <c>modelgates.json</c>: datasets and the gates over them (docs/config.md,
/// schema/modelgates.schema.json). Every declaration remembers where it was written so that a failing
/// gate points at its line.
/// </summary>
public sealed record GatesConfig
{
    /// <summary>The config schema version this tool reads.</summary>
    internal const int CurrentSchemaVersion = 1;

    /// <summary>The config file, as given.</summary>
    public required string File { get; init; }

    /// <summary>The folder relative paths in the config are resolved against (the config file's folder).</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Named datasets.</summary>
    public IReadOnlyList<DatasetDeclaration> Datasets { get; init; } = [];

    /// <summary>Named database connections (never their connection strings: the variables that hold them).</summary>
    internal IReadOnlyList<Sources.ConnectionDeclaration> Connections { get; init; } = [];

    /// <summary>Contract gates.</summary>
    public IReadOnlyList<ContractGate> Contracts { get; init; } = [];

    /// <summary>Drift gates.</summary>
    public IReadOnlyList<DriftGate> Drift { get; init; } = [];

    /// <summary>Model acceptance gates.</summary>
    public IReadOnlyList<ModelGate> Models { get; init; } = [];

    /// <summary>Monitors: production data in windows, their history and the retraining trigger (docs/monitoring.md).</summary>
    internal IReadOnlyList<MonitorDeclaration> Monitors { get; init; } = [];
    /// <summary>Quality gates.</summary>
    public IReadOnlyList<QualityGate> Quality { get; init; } = [];

    /// <summary>Waivers of failing checks.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>The model lock file (resolved path), or null when the config declares none; it need not exist before the first accept.</summary>
    public string? Lock { get; init; }

    /// <summary>Where the <c>lock</c> key is written; lock checks point here.</summary>
    public SourcePosition LockPosition { get; init; }

    /// <summary>Where profiles of single partitions are stored and reused (resolved; default <c>.modelgates/partitions</c> beside the config).</summary>
    public string PartitionCache { get; init; } = Inputs.InputPipeline.DefaultPartitionCache;

    /// <summary>
    /// The memory the gates may hold data in (<c>"memoryLimit"</c>), or null for the default; the command line's
    /// <c>--memory-limit</c> (<see cref="GateRunOptions.MemoryLimit"/>) overrides it.
    /// </summary>
    public Memory.MemoryLimit? MemoryLimit { get; init; }

    /// <summary>Warnings about the file itself (a deprecated key, MG0022), reported with the run's results.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The dataset of that name, or null.</summary>
    internal DatasetDeclaration? FindDataset(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    /// <summary>A path from the config resolved against <see cref="BaseDirectory"/>.</summary>
    internal string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}

/// <summary>A named dataset: where it is and how to read it.</summary>
/// <param name="Name">The name gates refer to it by.</param>
/// <param name="Path">Path or glob, relative to the config file.</param>
/// <param name="Position">Where it is declared.</param>
public sealed record DatasetDeclaration(string Name, string Path, SourcePosition Position)
{
    /// <summary>Read options for delimited text.</summary>
    public CsvOptions Read { get; init; } = new();

    /// <summary>The format, when the extension does not tell.</summary>
    public DataFormat Format { get; init; } = DataFormat.Auto;

    /// <summary>Rows that may fail to parse (default 0).</summary>
    public long MaxUnparsedRows { get; init; }

    /// <summary>
    /// The table or query of a dataset that lives in a database, or null for files. Its <see cref="Path"/> is then
    /// the command line's spelling (<c>table:warehouse.public.applications</c>), for messages.
    /// </summary>
    internal Sources.DatabaseSource? Database { get; init; }

    /// <summary>For data in <c>key=value</c> folders: the partitions to read (null reads all).</summary>
    public PartitionFilter? Partitions { get; init; }
}

/// <summary>A gate's name, severity and position: what every gate declaration has.</summary>
public abstract record GateDeclaration
{
    /// <summary>The gate's name, unique within its section; check ids start with it.</summary>
    public required string Name { get; init; }

    /// <summary>Where the gate is declared.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The severity of the gate's failures; <c>off</c> (null) skips the gate.</summary>
    public Severity? Severity { get; init; } = Diagnostics.Severity.Error;

    /// <summary>Where each key of the declaration was written.</summary>
    public IReadOnlyDictionary<string, SourcePosition> KeyPositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>The position of a key, falling back to the declaration.</summary>
    internal SourcePosition PositionOf(string key) => KeyPositions.TryGetValue(key, out var p) ? p : Position;
}

/// <summary>A dataset must satisfy a contract.</summary>
public sealed record ContractGate : GateDeclaration
{
    /// <summary>The dataset checked.</summary>
    public required string Dataset { get; init; }

    /// <summary>The contract file (resolved path), or null when the contract is written inline.</summary>
    public string? ContractFile { get; init; }

    /// <summary>The contract.</summary>
    public required DataContract Contract { get; init; }

    /// <summary>The partitions of the dataset to check (besides the dataset's own filter); null checks all.</summary>
    public PartitionFilter? Partitions { get; init; }
}

/// <summary>A current dataset must not drift from a reference.</summary>
public sealed record DriftGate : GateDeclaration
{
    /// <summary>The reference: a dataset name or a profile path.</summary>
    public required string Reference { get; init; }

    /// <summary>The current dataset's name.</summary>
    public required string Current { get; init; }

    /// <summary>How the comparison judges, per-column overrides included: every key of <see cref="DriftOptionTable"/> the gate writes, read and checked.</summary>
    public DriftOptions Options { get; init; } = DriftOptions.Default;

    /// <summary>The columns with an override: where each is declared and its severity.</summary>
    public IReadOnlyList<DriftColumnOverride> Overrides { get; init; } = [];

    /// <summary>The model gate whose importances weigh the columns in the dataset rule (<c>weights</c>), or null.</summary>
    internal Drift.Engine.Options.ImportanceWeights? Weights { get; init; }

    /// <summary>The partitions of the current dataset to compare (besides the dataset's own filter); null compares all.</summary>
    public PartitionFilter? Partitions { get; init; }

    /// <summary>The partitions of the reference dataset to compare with (besides the dataset's own filter); null compares all.</summary>
    public PartitionFilter? ReferencePartitions { get; init; }
}

/// <summary>Where one column's override of a drift gate is declared, and its severity (its settings are in <see cref="DriftGate.Options"/>).</summary>
/// <param name="Column">The column.</param>
/// <param name="Position">Where the override is declared (its diagnostics point here).</param>
public sealed record DriftColumnOverride(string Column, SourcePosition Position)
{
    /// <summary>The severity for this column, or null to keep the gate's; <c>off</c> leaves the column out.</summary>
    public Severity? Severity { get; init; }
}

/// <summary>A model must meet its metric thresholds.</summary>
public sealed record ModelGate : GateDeclaration
{
    /// <summary>An ML.NET model file (resolved), or null when predictions are given.</summary>
    public string? Model { get; init; }

    /// <summary>A predictions file (resolved), or null when a model is given.</summary>
    public string? Predictions { get; init; }

    /// <summary>The resource budgets of the model (size, scoring speed, training cost).</summary>
    internal IReadOnlyList<Models.Resources.ResourceBudget> Budgets { get; init; } = [];

    /// <summary>The <c>importance</c> section (docs/explainability.md), or null when the gate declares none.</summary>
    internal Models.Importance.ImportanceSettings? Importance { get; init; }

    /// <summary>A database dataset holding the predictions (labels and scores), evaluated inside the database; null otherwise.</summary>
    internal string? PredictionsDataset { get; init; }

    /// <summary>The evaluation dataset's name (for a model) .</summary>
    public string? Data { get; init; }

    /// <summary>binary, multiclass or regression.</summary>
    public required string Task { get; init; }

    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>Every other model setting (score columns, positive class, decision threshold, bootstrap, slices), kept as written for the model gate runner.</summary>
    public ConfigObject? Settings { get; init; }

    /// <summary>Metric thresholds.</summary>
    public IReadOnlyList<MetricThresholdDeclaration> Thresholds { get; init; } = [];

    /// <summary>The baseline metrics file (resolved), or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>The evaluation settings read from <see cref="Settings"/> by <see cref="ModelGateSettingsReader"/>.</summary>
    public ModelGateSettings? Evaluation { get; init; }

    /// <summary>The lineage checks (<c>lineage</c> section), or null when the gate declares none.</summary>
    public LineageSettings? Lineage { get; init; }

    /// <summary>The <c>promotion</c> section (docs/promotion.md), or null when the gate declares none.</summary>
    internal Monitoring.Promotion.PromotionSettings? Promotion { get; init; }
}

/// <summary>One bound on one metric.</summary>
/// <param name="Metric">The metric's JSON key (auc, logLoss, ...).</param>
/// <param name="Kind">min, max, maxDrop, maxRelativeDrop, maxGap.</param>
/// <param name="Value">The bound.</param>
/// <param name="Position">Where the bound is written.</param>
public sealed record MetricThresholdDeclaration(string Metric, string Kind, double Value, SourcePosition Position)
{
    /// <summary>The severity of this bound, or null to keep the gate's.</summary>
    public Severity? Severity { get; init; }
}

/// <summary>A failing check accepted for a while, with the reason why.</summary>
/// <param name="Check">The id of the waived check (as printed in reports), or a prefix ending in <c>*</c>.</param>
/// <param name="Reason">Why the failure is accepted.</param>
/// <param name="Expires">The last day the waiver holds (UTC).</param>
/// <param name="Position">Where the waiver is declared.</param>
public sealed record Waiver(string Check, string Reason, DateOnly Expires, SourcePosition Position)
{
    /// <summary>True when the waiver covers the check of that id.</summary>
    internal bool Covers(string checkId) =>
        Check.EndsWith('*')
            ? checkId.StartsWith(Check[..^1], StringComparison.Ordinal)
            : string.Equals(Check, checkId, StringComparison.Ordinal);
}
