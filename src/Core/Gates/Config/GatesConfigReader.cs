using System.Globalization;
using ModelGates.Configuration.Json;
using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads <c>modelgates.json</c>. Unknown keys (with a did-you-mean), wrong types, missing files and
/// references to undeclared datasets are MG0xxx errors at their line and column, all reported in one run.
/// </summary>
public static class GatesConfigReader
{
    /// <summary>The default config file name, looked for in the project folder.</summary>
    public const string DefaultFileName = "modelgates.json";

    /// <summary>Reads and checks the config at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing or wrong (exit code 2); every problem is reported.</exception>
    /// <exception cref="DataReadException">The config is right but data it names does not exist (MG0101 at the naming line, exit code 3, as from the CLI).</exception>
    public static GatesConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(DiagnosticCatalog.FileNotFound.Create($"Config '{path}' does not exist.") with { File = path });
        }

        var root = ConfigJsonParser.Parse(File.ReadAllText(path), path, out var syntax);
        if (root is null)
        {
            throw new ConfigurationException(syntax!);
        }

        var reader = new ConfigReader(path);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var config = Read(reader, root, path, baseDirectory);
        if (reader.HasErrors || config is null)
        {
            // Missing data is a data problem wherever it is named; anything else wrong in the config comes first.
            var errors = reader.Diagnostics.Where(d => d.IsError).ToList();
            if (config is not null && errors.All(d => d.Code == DiagnosticCatalog.DataNotFound.Code))
            {
                throw new DataReadException(reader.Diagnostics);
            }

            throw new ConfigurationException(reader.Diagnostics);
        }

        return config with { Warnings = [.. reader.Diagnostics.Where(d => !d.IsError)] };
    }

    /// <summary>
    /// The <c>"memoryLimit"</c> of the config at <paramref name="path"/>, reading nothing else of it (for assertions that
    /// follow the project's config without running its gates), or null when the config sets none.
    /// </summary>
    /// <exception cref="ConfigurationException">The file is not JSON, or the limit is not a size of at least 16 MB (MG0160 at its line, exit code 2).</exception>
    public static Memory.MemoryLimit? ReadMemoryLimit(string path)
    {
        var root = ConfigJsonParser.Parse(File.ReadAllText(path), path, out var syntax);
        if (root is null)
        {
            throw new ConfigurationException(syntax!);
        }

        var reader = new ConfigReader(path);
        var limit = root is ConfigObject obj ? ReadMemoryLimit(reader, obj) : null;
        return reader.HasErrors ? throw new ConfigurationException(reader.Diagnostics) : limit;
    }

    private static GatesConfig? Read(ConfigReader r, ConfigNode root, string file, string baseDirectory)
    {
        if (r.AsObject(root, "the config") is not { } obj)
        {
            return null;
        }

        r.CheckKeys(obj, "modelgates.json", [.. ConfigKeys.Top.Accepted]);
        if (r.Integer(obj, "schemaVersion") is { } version && version != GatesConfig.CurrentSchemaVersion)
        {
            r.Report(DiagnosticCatalog.UnsupportedSchemaVersion, obj.Find("schemaVersion")!.Value.Position,
                $"Config schema version {version} is not supported; this tool reads version {GatesConfig.CurrentSchemaVersion}.");
        }

        r.String(obj, "description");
        var config = new GatesConfig { File = file, BaseDirectory = baseDirectory };
        config = config with { PartitionCache = Path.Combine(baseDirectory, r.String(obj, "partitionCache") ?? config.PartitionCache) };
        config = config with { MemoryLimit = ReadMemoryLimit(r, obj) };
        var (lockFile, lockPosition) = LineageSettingsReader.ReadLock(r, config, obj);
        config = config with { Lock = lockFile, LockPosition = lockPosition };
        var connections = ConnectionsConfigReader.Read(r, obj);
        config = config with { Connections = connections };
        var datasets = Named(r, obj, "datasets", (name, position, o) => ConnectionsConfigReader.IsDatabase(o)
            ? ConnectionsConfigReader.Dataset(r, connections, name, position, o)
            : ReadDataset(r, config, name, position, o));
        config = config with { Datasets = datasets };
        config = config with
        {
            Contracts = Named(r, obj, "contracts", (name, position, o) => ReadContractGate(r, config, name, position, o)),
            Drift = Named(r, obj, "drift", (name, position, o) => DriftGateReader.Read(r, config, name, position, o)),
            Models = Named(r, obj, "models", (name, position, o) => ReadModelGate(r, config, name, position, o)),
            Quality = Named(r, obj, "quality", (name, position, o) => QualityGateReader.Read(r, config, name, position, o)),
            Waivers = ReadWaivers(r, obj),
        };

        DriftGateReader.CheckWeights(r, config);

        // Monitors borrow the label, floors and drift options of the gates above, so they are read last.
        config = config with { Monitors = Named(r, obj, "monitors", (name, position, o) => MonitorConfigReader.Read(r, config, name, position, o)) };
        return config;
    }

    // MG0160 at the value, as --memory-limit reports it on the command line.
    private static Memory.MemoryLimit? ReadMemoryLimit(ConfigReader r, ConfigObject obj)
    {
        if (r.String(obj, "memoryLimit") is not { } text)
        {
            return null;
        }

        if (Memory.MemoryLimit.TryParse(text) is { } limit)
        {
            return limit;
        }

        r.Report(DiagnosticCatalog.InvalidMemoryLimit, obj.Find("memoryLimit")!.Value.Position, Memory.MemoryLimit.InvalidMessage(text));
        return null;
    }

    private static List<T> Named<T>(ConfigReader r, ConfigObject obj, string key, Func<string, SourcePosition, ConfigObject, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (r.Property<ConfigObject>(obj, key, $"an object mapping names to {key} declarations", required: false) is not { } section)
        {
            return items;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in section.Properties)
        {
            if (!seen.Add(property.Name))
            {
                r.Report(DiagnosticCatalog.InvalidValue, property.NamePosition, $"'{property.Name}' is declared twice in '{key}'.");
                continue;
            }

            if (r.AsObject(property.Value, $"'{key}.{property.Name}'") is { } declaration && read(property.Name, property.NamePosition, declaration) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static DatasetDeclaration? ReadDataset(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"dataset '{name}'", [.. ConfigKeys.Dataset.Accepted]);
        r.String(o, "description");
        var path = r.String(o, "path", required: true);
        var read = new CsvOptions();
        if (r.Property<ConfigObject>(o, "read", "an object of read options", required: false) is { } readNode)
        {
            r.CheckKeys(readNode, $"'read' of dataset '{name}'", [.. ConfigKeys.DatasetRead.Accepted]);
            read = new CsvOptions
            {
                Delimiter = r.String(readNode, "delimiter"),
                Header = r.Boolean(readNode, "header"),
                Quote = r.String(readNode, "quote"),
                Escape = r.String(readNode, "escape"),
                NullStrings = r.StringArray(readNode, "nullStrings"),
                Encoding = r.String(readNode, "encoding"),
                Skip = (int?)r.Integer(readNode, "skip"),
            };
        }

        var format = r.String(o, "format") switch
        {
            null => DataFormat.Auto,
            "csv" or "tsv" => DataFormat.Csv,
            "parquet" => DataFormat.Parquet,
            "jsonl" => DataFormat.JsonLines,
            var other => Invalid(r, o.Find("format")!.Value, $"Unknown data format '{other}'; use csv, tsv, parquet or jsonl.", DataFormat.Auto),
        };
        if (path is null)
        {
            return null;
        }

        if (!DataFileResolver.IsGlob(path) && !File.Exists(config.Resolve(path)) && !Directory.Exists(config.Resolve(path)))
        {
            r.Report(DiagnosticCatalog.DataNotFound, o.Find("path")!.Value.Position, $"Dataset '{name}': '{path}' does not exist (relative to {config.BaseDirectory}).");
        }

        var partitions = PartitionFilterReader.Read(r, config, o, "partitions", $"dataset '{name}'");
        PartitionFilterReader.Check(r, config.Resolve(path), partitions);
        return new DatasetDeclaration(name, config.Resolve(path), position)
        {
            Read = read,
            Format = format,
            MaxUnparsedRows = r.Integer(o, "maxUnparsedRows") ?? 0,
            Partitions = partitions,
        };
    }

    private static ContractGate? ReadContractGate(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"contract gate '{name}'", [.. ConfigKeys.ContractGate.Accepted]);
        r.String(o, "description");
        var dataset = DatasetReference(r, config, o, "dataset");
        DataContract? contract = null;
        string? contractFile = null;
        switch (o.Find("contract")?.Value)
        {
            case null:
                r.Report(DiagnosticCatalog.MissingKey, o.Position, $"Contract gate '{name}' needs 'contract': a contract file or an inline contract.");
                break;
            case ConfigString file:
                contractFile = config.Resolve(file.Value);
                if (!File.Exists(contractFile))
                {
                    r.Report(DiagnosticCatalog.FileNotFound, file.Position, $"Contract gate '{name}': contract '{file.Value}' does not exist.");
                    break;
                }

                try
                {
                    contract = ContractReader.Read(contractFile);
                }
                catch (ConfigurationException e)
                {
                    foreach (var d in e.Diagnostics)
                    {
                        r.Report(DiagnosticCatalog.Find(d.Code)!, new SourcePosition(d.Line ?? 1, d.SourceColumn ?? 1), d.Message);
                    }
                }

                break;
            case var inline:
                contract = ContractReader.Read(r, inline) is { } c ? c with { File = config.File } : null;
                break;
        }

        var partitions = PartitionFilterReader.Read(r, config, o, "partitions", $"contract gate '{name}'");
        PartitionFilterReader.Check(r, dataset is null ? null : config.FindDataset(dataset)!.Path, partitions);
        return dataset is null || contract is null
            ? null
            : new ContractGate
            {
                Partitions = partitions,
                Name = name,
                Position = position,
                Severity = GateSeverity(r, o),
                Dataset = dataset,
                ContractFile = contractFile,
                Contract = contract,
                KeyPositions = Positions(o),
            };
    }

    private static ModelGate? ReadModelGate(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"model gate '{name}'", [.. ConfigKeys.ModelGate.Accepted]);
        r.String(o, "description");
        var model = ExistingFile(r, config, o, "model");
        // 'predictions' names a file, or a database dataset whose metrics are computed where it lives.
        var predictionsDataset = o.Find("predictions")?.Value is ConfigString { Value: var named } && config.FindDataset(named)?.Database is not null ? named : null;
        var predictions = predictionsDataset is null ? ExistingFile(r, config, o, "predictions") : null;
        if ((o.Find("model") is null) == (o.Find("predictions") is null))
        {
            r.Invalid(o, $"Model gate '{name}' needs exactly one of 'model' (an ML.NET .zip scored on 'data') or 'predictions' (a file of labels and scores).");
        }

        string? data = null;
        if (o.Find("data") is not null)
        {
            data = DatasetReference(r, config, o, "data");
        }
        else if (o.Find("model") is not null)
        {
            r.Report(DiagnosticCatalog.MissingKey, o.Position, $"Model gate '{name}' scores a model and needs 'data': the dataset to score it on.");
        }

        var task = r.String(o, "task", required: true);
        if (task is not null and not ("binary" or "multiclass" or "regression"))
        {
            r.Invalid(o.Find("task")!.Value, $"'task' must be binary, multiclass or regression, not '{task}'.");
        }

        var label = r.String(o, "label", required: true);
        var thresholds = new List<MetricThresholdDeclaration>();
        if (r.Property<ConfigObject>(o, "metrics", "an object mapping metric names to bounds", required: false) is { } metrics)
        {
            foreach (var metric in metrics.Properties)
            {
                if (r.AsObject(metric.Value, $"the bounds of metric '{metric.Name}'") is not { } bounds)
                {
                    continue;
                }

                r.CheckKeys(bounds, $"the bounds of metric '{metric.Name}'", [.. ConfigKeys.MetricBounds.Accepted]);
                var severity = GateSeverity(r, bounds, fallback: null);
                foreach (var bound in bounds.Properties.Where(p => p.Name != "severity"))
                {
                    if (bound.Value is ConfigNumber number)
                    {
                        thresholds.Add(new MetricThresholdDeclaration(metric.Name, bound.Name, number.Value, bound.NamePosition) { Severity = severity });
                    }
                    else if (ConfigKeys.MetricBounds.Accepted.Contains(bound.Name))
                    {
                        r.Report(DiagnosticCatalog.WrongType, bound.Value.Position, $"'{bound.Name}' of metric '{metric.Name}' must be a number, not {bound.Value.TypeName}.");
                    }
                }
            }
        }

        var baseline = o.Find("baseline") is null ? null : r.String(o, "baseline") is { } b ? config.Resolve(b) : null;
        var evaluation = ModelGateSettingsReader.Read(r, config, name, o, task, thresholds);
        var lineage = LineageSettingsReader.Read(r, config, name, o);
        var budgets = BudgetReader.Read(r, name, o);
        if (predictionsDataset is not null && o.Find("weakSegments") is { } weakSegments)
        {
            // The search reads every row's loss and columns in process; a database predictions table is judged by SQL aggregates.
            r.Invalid(weakSegments.Value, $"Model gate '{name}' reads its predictions from database dataset '{predictionsDataset}'; 'weakSegments' searches a predictions file or a model's scored rows. Export the rows to a file to search them.");
        }

        var importance = ImportanceSettingsReader.Read(r, name, o, task);
        var promotion = Monitoring.Promotion.PromotionSettingsReader.Read(r, name, o, task);
        return task is null || label is null || evaluation is null
            ? null
            : new ModelGate
            {
                Name = name,
                Position = position,
                Severity = GateSeverity(r, o),
                Model = model,
                Predictions = predictions,
                PredictionsDataset = predictionsDataset,
                Data = data,
                Task = task,
                Label = label,
                Settings = o,
                Thresholds = thresholds,
                Baseline = baseline,
                Evaluation = evaluation,
                Lineage = lineage,
                Budgets = budgets,
                Importance = importance,
                Promotion = promotion,
                KeyPositions = Positions(o),
            };
    }

    private static List<Waiver> ReadWaivers(ConfigReader r, ConfigObject obj)
    {
        var waivers = new List<Waiver>();
        if (r.Property<ConfigArray>(obj, "waivers", "an array of waivers", required: false) is not { } array)
        {
            return waivers;
        }

        foreach (var item in array.Items)
        {
            if (r.AsObject(item, "a waiver") is not { } w)
            {
                continue;
            }

            r.CheckKeys(w, "a waiver", [.. ConfigKeys.Waiver.Accepted]);
            var check = r.String(w, "check", required: true);
            var reason = r.String(w, "reason", required: true);
            var expiresText = r.String(w, "expires", required: true);
            if (reason is not null && string.IsNullOrWhiteSpace(reason))
            {
                r.Invalid(w.Find("reason")!.Value, "A waiver must say why the failure is accepted: 'reason' is empty.");
            }

            DateOnly expires = default;
            if (expiresText is not null && !DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
            {
                r.Invalid(w.Find("expires")!.Value, $"'expires' must be a date written yyyy-MM-dd, not '{expiresText}'.");
                continue;
            }

            if (check is not null && reason is not null && expiresText is not null)
            {
                waivers.Add(new Waiver(check, reason, expires, w.Position));
            }
        }

        return waivers;
    }

    /// <summary>The dataset named by <paramref name="key"/>, or null (reported) when it is not declared.</summary>
    internal static string? DatasetReference(ConfigReader r, GatesConfig config, ConfigObject o, string key)
    {
        var name = r.String(o, key, required: true);
        if (name is not null && config.FindDataset(name) is null)
        {
            var suggestion = DidYouMean.Suggest(name, config.Datasets.Select(d => d.Name));
            r.Invalid(o.Find(key)!.Value, $"'{key}' names dataset '{name}', which is not declared in 'datasets'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            return null;
        }

        return name;
    }

    private static string? ExistingFile(ConfigReader r, GatesConfig config, ConfigObject o, string key)
    {
        if (r.String(o, key) is not { } path)
        {
            return null;
        }

        var resolved = config.Resolve(path);
        if (!File.Exists(resolved))
        {
            r.Report(DiagnosticCatalog.FileNotFound, o.Find(key)!.Value.Position, $"'{key}': '{path}' does not exist (relative to {config.BaseDirectory}).");
        }

        return resolved;
    }

    /// <summary>A gate's severity: error, warning, info, or off (null, the gate is skipped).</summary>
    internal static Severity? GateSeverity(ConfigReader r, ConfigObject o, Severity? fallback = Severity.Error)
    {
        var node = o.Find("severity")?.Value;
        if (node is ConfigString { Value: "off" })
        {
            return null;
        }

        return node is null ? fallback : r.SeverityValue(o) ?? fallback;
    }

    private static Dictionary<string, SourcePosition> Positions(ConfigObject o) =>
        o.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal);

    private static T Invalid<T>(ConfigReader r, ConfigNode node, string message, T fallback)
    {
        r.Invalid(node, message);
        return fallback;
    }
}
