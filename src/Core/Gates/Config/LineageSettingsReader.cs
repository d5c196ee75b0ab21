using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads the lineage settings of <c>modelgates.json</c>: a model gate's <c>lineage</c> section and the top-level
/// <c>lock</c> file. Problems are MG0xxx at their line (exit code 2), like every other config key.
/// </summary>
internal static class LineageSettingsReader
{
    /// <summary>Reads the <c>lineage</c> section of model gate <paramref name="name"/>; null when there is none.</summary>
    public static LineageSettings? Read(ConfigReader r, GatesConfig config, string name, ConfigObject gate)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(gate);
        var property = gate.Find("lineage");
        if (property is null || r.Property<ConfigObject>(gate, "lineage", "an object", required: false) is not { } o)
        {
            return null;
        }

        r.CheckKeys(o, $"'lineage' of model gate '{name}'", [.. ConfigKeys.Lineage.Accepted]);
        r.String(o, "description");
        if (gate.Find("model") is null)
        {
            r.Invalid(o, $"Model gate '{name}' reads a predictions file; 'lineage' is read from an ML.NET model zip, so it needs 'model'.");
        }

        Severity? severity = Severity.Error;
        if (o.Find("severity")?.Value is ConfigString { Value: "off" })
        {
            severity = null;
        }
        else if (r.SeverityValue(o) is { } s)
        {
            severity = s;
        }

        return new LineageSettings
        {
            Position = property.NamePosition,
            Severity = severity,
            TrainingData = TrainingData(r, config, name, o),
            RequireSeed = r.Boolean(o, "requireSeed") ?? true,
            RequireSeedPosition = o.Find("requireSeed")?.NamePosition ?? property.NamePosition,
        };
    }

    /// <summary>Reads the top-level <c>lock</c> key: the resolved path of the lock file and where the key is written; the file need not exist yet (accept writes it).</summary>
    public static (string? Path, SourcePosition Position) ReadLock(ConfigReader r, GatesConfig config, ConfigObject root)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(root);
        if (root.Find("lock") is not { } property || r.String(root, "lock") is not { } path)
        {
            return (null, default);
        }

        if (string.IsNullOrWhiteSpace(path) || DataFileResolver.IsGlob(path))
        {
            r.Invalid(property.Value, $"'lock' must be the path of one file (for example \"modelgates.lock.json\"), not '{path}'.");
            return (null, default);
        }

        var resolved = config.Resolve(path);
        if (Directory.Exists(resolved))
        {
            r.Invalid(property.Value, $"'lock' must be the path of a file; '{path}' is a folder.");
            return (null, default);
        }

        return (resolved, property.NamePosition);
    }

    private static List<TrainingDataDeclaration>? TrainingData(ConfigReader r, GatesConfig config, string name, ConfigObject o)
    {
        if (r.Property<ConfigArray>(o, "trainingData", "an array of dataset names or paths", required: false) is not { } array)
        {
            return null;
        }

        if (array.Items.Count == 0)
        {
            r.Invalid(array, $"'trainingData' of model gate '{name}' is empty; name the datasets or files the model is trained on, or leave the key out to verify the files its lineage records.");
        }

        var entries = new List<TrainingDataDeclaration>();
        foreach (var item in array.Items)
        {
            if (item is not ConfigString { Value: var entry })
            {
                r.Report(DiagnosticCatalog.WrongType, item.Position, $"Each item of 'trainingData' must be a dataset name or a path, not {item.TypeName}.");
                continue;
            }

            if (config.FindDataset(entry) is { } dataset)
            {
                entries.Add(new TrainingDataDeclaration(entry, dataset.Name, dataset.Path, item.Position));
                continue;
            }

            var resolved = config.Resolve(entry);
            if (!DataFileResolver.IsGlob(entry) && !File.Exists(resolved) && !Directory.Exists(resolved))
            {
                var suggestion = DidYouMean.Suggest(entry, config.Datasets.Select(d => d.Name));
                r.Report(DiagnosticCatalog.FileNotFound, item.Position,
                    $"'trainingData' of model gate '{name}': '{entry}' is neither a declared dataset nor an existing file (relative to {config.BaseDirectory}).{(suggestion is null ? string.Empty : $" Did you mean dataset '{suggestion}'?")}");
                continue;
            }

            entries.Add(new TrainingDataDeclaration(entry, null, resolved, item.Position));
        }

        return entries;
    }
}
