using System.Globalization;
using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Lineage;

namespace ModelGates.Gates;

/// <summary>
/// Runs the lineage and integrity checks of every model gate (docs/lineage.md) as a gate of kind <c>lineage</c> named
/// after the model gate: the model carries a lineage record (<c>lineage:&lt;gate&gt;/record</c>, MG5001), the recorded
/// training data is the data declared now (<c>lineage:&lt;gate&gt;/data/&lt;entry&gt;</c>, MG5002), a seed is recorded
/// (<c>lineage:&lt;gate&gt;/seed</c>, MG5003), and the model file is the one in the lock file
/// (<c>lineage:&lt;gate&gt;/lock</c>, MG5004). Each diagnostic points at the line of its declaration.
/// </summary>
public sealed class LineageGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        var locked = config.Lock is { } lockPath ? ModelLockFile.Read(lockPath) : null;
        if (config.Lock is not null)
        {
            context.Read("lock", config.Lock);
        }

        foreach (var gate in config.Models.Where(g => g.Severity is not null && g.Model is not null))
        {
            var lineage = gate.Lineage is { Severity: not null } settings ? settings : null;
            if (lineage is null && locked is null)
            {
                continue;
            }

            context.Options.Progress?.Invoke($"lineage '{gate.Name}': checking {Data.PathDisplay.For(gate.Model!)}");
            var checks = new List<CheckResult>();
            var facts = new List<KeyValuePair<string, string>> { new("model", gate.Model!) };
            if (lineage is not null)
            {
                var record = ReadRecord(gate.Model!);
                checks.AddRange(LineageChecks(config, gate, lineage, record, context).Select(c => GateSeverity.Apply(c, lineage.Severity!.Value)));
                facts.AddRange(Facts(record));
            }

            if (locked is not null)
            {
                var (check, sha) = LockCheck(config, gate, locked, context.Datasets.Pipeline.HashOf(gate.Model!).Sha256);
                checks.Add(check);
                facts.Add(new("sha256", sha));
            }

            yield return new GateResult("lineage", gate.Name, gate.Position, [.. checks.Select(c => GateSeverity.Apply(c, gate.Severity!.Value))])
            {
                Facts = facts,
            };
        }
    }

    /// <summary>The lineage record of a model zip; null when it has none.</summary>
    /// <exception cref="DataReadException">The file is not a zip (MG4010) or its record is not valid JSON (MG5005); exit code 3.</exception>
    public static LineageRecord? ReadRecord(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        try
        {
            return ModelLineage.Read(modelPath);
        }
        catch (InvalidDataException e)
        {
            throw new DataReadException(DiagnosticCatalog.ModelUnreadable.Create($"Model '{modelPath}' is not an ML.NET model zip: {e.Message}") with { File = modelPath });
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new DataReadException(DiagnosticCatalog.LineageFileInvalid.Create($"The lineage record '{ModelLineage.EntryName}' in model '{modelPath}' is not valid JSON: {e.Message}") with { File = modelPath });
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataReadException(DiagnosticCatalog.ModelUnreadable.Create($"Model '{modelPath}' cannot be read: {e.Message}") with { File = modelPath });
        }
    }

    private static IEnumerable<CheckResult> LineageChecks(GatesConfig config, ModelGate gate, LineageSettings lineage, LineageRecord? record, GateRunContext context)
    {
        var model = Path.GetFileName(gate.Model!);
        var prefix = $"lineage:{gate.Name}";
        if (record is null)
        {
            yield return Failed($"{prefix}/record", $"{model} carries a lineage record", config, lineage.Position, "record", DiagnosticCatalog.LineageMissing,
                $"Model gate '{gate.Name}': model '{gate.Model}' carries no lineage record ('{ModelLineage.EntryName}'); it was saved with a plain Model.Save, so nobody can tell which data, seed and code produced it. Save it with ModelLineage.Save (package ModelGates.Lineage).");
            yield break;
        }

        yield return new CheckResult($"{prefix}/record", $"{model} carries a lineage record");
        if (lineage.RequireSeed)
        {
            yield return record.Seed is null
                ? Failed($"{prefix}/seed", "seed recorded", config, lineage.RequireSeedPosition, "requireSeed", DiagnosticCatalog.SeedNotRecorded,
                    $"Model gate '{gate.Name}': the lineage of model '{gate.Model}' records no seed (the MLContext was created without one), so the model cannot be reproduced. Train with new MLContext(seed: ...) or pass LineageOptions.Seed.")
                : new CheckResult($"{prefix}/seed", "seed recorded") { Measured = record.Seed.Value };
        }

        foreach (var check in DataChecks(config, gate, lineage, record, context))
        {
            yield return check;
        }
    }

    private static IEnumerable<CheckResult> DataChecks(GatesConfig config, ModelGate gate, LineageSettings lineage, LineageRecord record, GateRunContext context)
    {
        var prefix = $"lineage:{gate.Name}/data";
        if (lineage.TrainingData is null)
        {
            // Nothing declared: every recorded file must still be what it was, resolved against the config's folder.
            foreach (var recorded in record.DataFiles)
            {
                var path = config.Resolve(recorded.Path);
                var id = $"{prefix}/{recorded.Path}";
                var description = $"trained on the current {recorded.Path}";
                if (!File.Exists(path))
                {
                    yield return Failed(id, description, config, lineage.Position, "trainingData", DiagnosticCatalog.TrainingDataChanged,
                        $"Model gate '{gate.Name}': model '{gate.Model}' was trained on '{recorded.Path}' (sha256 {recorded.Sha256}), which does not exist at {path}; declare 'trainingData' to name the training data.");
                    continue;
                }

                context.Read("training data", path);
                yield return Compare(config, gate, lineage.Position, id, description, path, context.Datasets.Pipeline.HashOf(path).Sha256, recorded);
            }

            yield break;
        }

        foreach (var declared in lineage.TrainingData)
        {
            var files = context.Datasets.Pipeline.Files(new DatasetSource(declared.Path)).Select(f => f.Path).ToList();
            foreach (var file in files)
            {
                context.Read(declared.Dataset is null ? "training data" : $"dataset {declared.Dataset}", file);
                var id = files.Count == 1 ? $"{prefix}/{declared.Entry}" : $"{prefix}/{declared.Entry}/{Path.GetFileName(file)}";
                var what = declared.Dataset is null ? declared.Entry : $"dataset {declared.Entry}";
                var description = $"trained on the current {(files.Count == 1 ? what : $"{what} ({Path.GetFileName(file)})")}";
                if (Match(config, file, record.DataFiles) is { } recorded)
                {
                    yield return Compare(config, gate, declared.Position, id, description, file, context.Datasets.Pipeline.HashOf(file).Sha256, recorded);
                    continue;
                }

                var names = record.DataFiles.Count == 0 ? "no data files" : string.Join(", ", record.DataFiles.Select(d => $"'{d.Path}'"));
                yield return Failed(id, description, config, declared.Position, "trainingData", DiagnosticCatalog.TrainingDataChanged,
                    $"Model gate '{gate.Name}': model '{gate.Model}' was not trained on '{Relative(config, file)}' (sha256 {context.Datasets.Pipeline.HashOf(file).Sha256}); its lineage records {names}. Retrain the model on the declared training data, or correct 'trainingData'.");
            }
        }
    }

    private static CheckResult Compare(GatesConfig config, ModelGate gate, Configuration.Json.SourcePosition position, string id, string description, string file, string now, DataFileHash recorded)
    {
        if (string.Equals(now, recorded.Sha256, StringComparison.Ordinal))
        {
            return new CheckResult(id, description) { Measured = now[..12], Bound = recorded.Sha256[..Math.Min(12, recorded.Sha256.Length)] };
        }

        return Failed(id, description, config, position, "trainingData", DiagnosticCatalog.TrainingDataChanged,
            $"Model gate '{gate.Name}': model '{gate.Model}' is stale: training data '{Relative(config, file)}' has sha256 {now}, but the model was trained on sha256 {recorded.Sha256} ('{recorded.Path}'). Retrain the model on the current data (and accept it), or restore the data it was trained on.") with
        {
            Measured = now[..12],
            Bound = recorded.Sha256[..Math.Min(12, recorded.Sha256.Length)],
        };
    }

    /// <summary>The recorded file that shares the longest trailing part of its path with <paramref name="file"/> (at least the file name); the first on a tie.</summary>
    private static DataFileHash? Match(GatesConfig config, string file, IReadOnlyList<DataFileHash> recorded)
    {
        var full = Path.GetFullPath(file);
        var exact = recorded.FirstOrDefault(r => string.Equals(config.Resolve(r.Path), full, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var segments = full.Replace('\\', '/').Split('/');
        DataFileHash? best = null;
        var bestScore = 0;
        foreach (var candidate in recorded)
        {
            var theirs = candidate.Path.Replace('\\', '/').Split('/');
            var score = 0;
            while (score < segments.Length && score < theirs.Length
                && string.Equals(segments[^(score + 1)], theirs[^(score + 1)], StringComparison.Ordinal)
                && theirs[^(score + 1)] is not ("." or ".." or ""))
            {
                score++;
            }

            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    private static (CheckResult Check, string Sha256) LockCheck(GatesConfig config, ModelGate gate, IReadOnlyDictionary<string, ModelLockEntry> locked, string now)
    {
        var key = ModelLockFile.Key(config.Lock!, gate.Model!);
        var lockName = Path.GetFileName(config.Lock!);
        var id = $"lineage:{gate.Name}/lock";
        var description = $"{Path.GetFileName(gate.Model!)} matches {lockName}";
        if (!locked.TryGetValue(key, out var entry))
        {
            var why = File.Exists(config.Lock!) ? $"'{key}' is not in lock file '{lockName}'" : $"lock file '{lockName}' does not exist yet";
            return (Failed(id, description, config, config.LockPosition, "lock", DiagnosticCatalog.ModelNotLocked,
                $"Model gate '{gate.Name}': model '{key}' (sha256 {now}) is not locked: {why}. Review the model and run 'modelgates accept' (or build with -p:ModelGatesAccept=true) to lock it.") with
            {
                Measured = now[..12],
                Bound = "none",
            }, now);
        }

        if (string.Equals(entry.Sha256, now, StringComparison.Ordinal))
        {
            return (new CheckResult(id, description) { Measured = now[..12], Bound = entry.Sha256[..12] }, now);
        }

        return (Failed(id, description, config, config.LockPosition, "lock", DiagnosticCatalog.ModelNotLocked,
            $"Model gate '{gate.Name}': model '{key}' has sha256 {now}, but lock file '{lockName}' holds sha256 {entry.Sha256}; the model was replaced without review. Review the new model and run 'modelgates accept' to lock it, or restore the locked model.") with
        {
            Measured = now[..12],
            Bound = entry.Sha256[..12],
        }, now);
    }

    private static CheckResult Failed(string id, string description, GatesConfig config, Configuration.Json.SourcePosition position, string check, DiagnosticDescriptor descriptor, string message) =>
        new(id, description)
        {
            Status = CheckStatus.Failed,
            Diagnostic = descriptor.Create(message) with { File = config.File, Line = position.Line, SourceColumn = position.Column, Check = check },
        };

    private static List<KeyValuePair<string, string>> Facts(LineageRecord? record)
    {
        if (record is null)
        {
            return [new("lineage", "none")];
        }

        var facts = new List<KeyValuePair<string, string>>
        {
            new("seed", record.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none"),
            new("trainer", record.Trainer ?? "unknown"),
            new("commit", record.Git is { } git ? git.Commit + (git.Dirty ? " (dirty)" : string.Empty) : "unknown"),
            new("created", record.CreatedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new("mlNetVersion", record.MlNetVersion),
        };
        return facts;
    }

    private static string Relative(GatesConfig config, string path) => Path.GetRelativePath(config.BaseDirectory, path).Replace('\\', '/');
}
