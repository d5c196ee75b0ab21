using ModelGates.Drift.Engine.Options;
using ModelGates.Models.Evaluation.Options;

namespace ModelGates.Gates.Config;

/// <summary>
/// The keys each object of modelgates.json accepts, as the readers check them (an unknown key is MG0012 with a
/// did-you-mean). Each set names the object of schema/modelgates.schema.json it matches; a test checks that the
/// schema lists exactly these keys, so editors and the reader agree.
/// </summary>
internal static class ConfigKeys
{
    /// <summary>The top level.</summary>
    public static ConfigKeySet Top { get; } = new("the config", string.Empty, ["schemaVersion", "description", "connections", "datasets", "contracts", "drift", "models", "quality", "monitors", "waivers", "lock", "partitionCache", "memoryLimit"]);

    /// <summary>A dataset declaration.</summary>
    public static ConfigKeySet Dataset { get; } = new("a dataset", "/properties/datasets/additionalProperties", ["path", "read", "format", "maxUnparsedRows", "connection", "table", "query", "description", "partitions"]);

    /// <summary>A database connection.</summary>
    public static ConfigKeySet Connection { get; } = new("a connection", "/properties/connections/additionalProperties", ["provider", "connectionString", "statementTimeout", "description"]);

    /// <summary>The <c>read</c> options of a dataset.</summary>
    public static ConfigKeySet DatasetRead { get; } = new("'read' of a dataset", "/properties/datasets/additionalProperties/properties/read", ["delimiter", "header", "quote", "escape", "nullStrings", "encoding", "skip"]);

    /// <summary>A contract gate.</summary>
    public static ConfigKeySet ContractGate { get; } = new("a contract gate", "/properties/contracts/additionalProperties", ["dataset", "contract", "severity", "description", "partitions"]);

    /// <summary>A drift gate: its data, every option of <see cref="DriftOptionTable"/> for the whole comparison, overrides, severity.</summary>
    public static ConfigKeySet DriftGate { get; } = new(
        "a drift gate",
        "/properties/drift/additionalProperties",
        ["reference", "current", .. DriftOptionTable.All.Where(o => o.ForComparison).Select(o => o.Key), "overrides", "weights", "severity", "description", "partitions", "referencePartitions"],
        [.. DriftOptionTable.All.Where(o => o.ForComparison).SelectMany(o => o.DeprecatedKeys)]);

    /// <summary>A column's override in a drift gate: every per-column option of <see cref="DriftOptionTable"/>, and its severity.</summary>
    public static ConfigKeySet DriftOverride { get; } = new(
        "a column override",
        "/properties/drift/additionalProperties/properties/overrides/additionalProperties",
        [.. DriftOptionTable.All.Where(o => o.ForColumn).Select(o => o.Key), "severity"],
        [.. DriftOptionTable.All.Where(o => o.ForColumn).SelectMany(o => o.DeprecatedKeys)]);

    /// <summary>A model gate: what it evaluates, the options of <see cref="ModelOptionTable"/>, bounds, baselines, slices, lineage.</summary>
    public static ConfigKeySet ModelGate { get; } = new(
        "a model gate",
        "/$defs/model",
        [
            "model", "predictions", "data", "task", "label", "score", "probabilities", "predicted", .. ModelOptionTable.GateKeys,
            "metrics", "baseline", "baselineModel", ModelOptionTable.BootstrapGroup, "slices", "severity", "description", "lineage", "budgets", "promotion", "weakSegments", "importance",
        ]);

    /// <summary>The <c>bootstrap</c> object of a model gate.</summary>
    public static ConfigKeySet Bootstrap { get; } = new("'bootstrap'", "/$defs/model/properties/bootstrap", ModelOptionTable.BootstrapKeys);

    /// <summary>The bounds of one metric of a model gate.</summary>
    public static ConfigKeySet MetricBounds { get; } = new("the bounds of a metric", "/$defs/bounds", ["min", "max", "maxDrop", "maxRelativeDrop", "maxGap", "severity"]);

    /// <summary>A slice definition of a model gate.</summary>
    public static ConfigKeySet Slice { get; } = new("a slice definition", "/$defs/model/properties/slices/items", ["column", "name", "where", "metrics", "description"]);

    /// <summary>The bounds of one metric on every slice of a group (change thresholds apply to the overall metrics only).</summary>
    public static ConfigKeySet SliceBounds { get; } = new("the slice bounds of a metric", "/$defs/sliceBounds", ["min", "max", "maxGap", "severity"]);

    /// <summary>The <c>lineage</c> section of a model gate.</summary>
    public static ConfigKeySet Lineage { get; } = new("'lineage'", "/$defs/model/properties/lineage", ["severity", "trainingData", "requireSeed", "description"]);

    /// <summary>The <c>budgets</c> section of a model gate: one key per resource.</summary>
    public static ConfigKeySet Budgets { get; } = new("'budgets'", "/$defs/model/properties/budgets", [.. Models.Resources.ResourceKind.All.Select(k => k.Id)]);

    /// <summary>The bounds of one budgeted resource.</summary>
    public static ConfigKeySet BudgetBounds { get; } = new("the bounds of a budget", "/$defs/budgetBounds", ["max", "min", "maxRegression", "severity"]);

    /// <summary>The <c>weakSegments</c> section of a model gate (docs/evaluate.md#weak-segments).</summary>
    public static ConfigKeySet WeakSegments { get; } = new("'weakSegments'", "/$defs/model/properties/weakSegments", ["minRows", "maxDrop", "alpha", "maxDepth", "metric", "columns", "severity", "description"]);

    /// <summary>The <c>importance</c> section of a model gate (docs/explainability.md).</summary>
    public static ConfigKeySet Importance { get; } = new("'importance'", "/$defs/model/properties/importance", ["repeats", "seed", "metric", "resamples", "confidence", "topK", "forbidden", "shift"]);

    /// <summary>The <c>shift</c> of a model gate's <c>importance</c> section.</summary>
    public static ConfigKeySet ImportanceShift { get; } = new("'shift' of 'importance'", "/$defs/model/properties/importance/properties/shift", ["minRankCorrelation", "maxTopKChanges", "method"]);

    /// <summary>The <c>promotion</c> section of a model gate (docs/promotion.md).</summary>
    public static ConfigKeySet Promotion { get; } = new("'promotion'", "/$defs/model/properties/promotion", ["metric", "margin", "sliceMargin", "description"]);

    /// <summary>A monitor (docs/monitoring.md).</summary>
    public static ConfigKeySet Monitor { get; } = new(
        "a monitor",
        "/properties/monitors/additionalProperties",
        ["reference", "data", "timestamp", "window", "timeZone", "model", "score", "probabilities", "label", "drift", "contract", "minPassRate", "minRows", "history", "trigger", "severity", "description"]);

    /// <summary>The history of a monitor on a connection (its object form; a string is a file).</summary>
    public static ConfigKeySet MonitorHistory { get; } = new(
        "the history of a monitor",
        "/properties/monitors/additionalProperties/properties/history",
        ["connection", "schema", "description"]);

    /// <summary>The retraining trigger of a monitor.</summary>
    public static ConfigKeySet MonitorTrigger { get; } = new(
        "the trigger of a monitor",
        "/properties/monitors/additionalProperties/properties/trigger",
        ["breaches", "of", "cooldown", "minNewLabelledRows", "severity"]);

    /// <summary>A quality gate.</summary>
    public static ConfigKeySet QualityGate { get; } = new(
        "a quality gate",
        "/properties/quality/additionalProperties",
        ["data", "reference", "label", "key", "timestamp", "maxAge", "period", "only", "checks", "review", "maxRows", "seed", "severity", "description"]);

    /// <summary>The settings of one check of a quality gate.</summary>
    public static ConfigKeySet QualityCheck { get; } = new("the settings of a quality check", "/properties/quality/additionalProperties/properties/checks/additionalProperties", ["severity", "maxShare", "threshold"]);

    /// <summary>A waiver.</summary>
    public static ConfigKeySet Waiver { get; } = new("a waiver", "/properties/waivers/items", ["check", "reason", "expires"]);

    /// <summary>Every set, in the order of the schema.</summary>
    public static IReadOnlyList<ConfigKeySet> All { get; } =
        [Top, Connection, Dataset, DatasetRead, ContractGate, DriftGate, DriftOverride, ModelGate, Bootstrap, MetricBounds, Slice, SliceBounds, Lineage, Budgets, BudgetBounds, WeakSegments, Importance, ImportanceShift, Promotion, QualityGate, QualityCheck, Monitor, MonitorHistory, MonitorTrigger, Waiver];
}

/// <summary>The keys one object of modelgates.json accepts.</summary>
/// <param name="Name">The object, for messages and test names.</param>
/// <param name="SchemaPointer">The JSON Pointer of the object's schema in schema/modelgates.schema.json (empty for the root).</param>
/// <param name="Keys">The keys, in documentation order.</param>
/// <param name="DeprecatedKeys">Old keys still read, with a warning (MG0022).</param>
internal sealed record ConfigKeySet(string Name, string SchemaPointer, IReadOnlyList<string> Keys, IReadOnlyList<string> DeprecatedKeys)
{
    /// <summary>A set without deprecated keys.</summary>
    public ConfigKeySet(string name, string schemaPointer, IReadOnlyList<string> keys)
        : this(name, schemaPointer, keys, [])
    {
    }

    /// <summary>Every key the reader accepts: <see cref="Keys"/> and <see cref="DeprecatedKeys"/>.</summary>
    public IReadOnlyList<string> Accepted { get; } = [.. Keys, .. DeprecatedKeys];
}
