using ModelGates.Configuration.Json;
using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads a drift gate of modelgates.json: its reference and current data, and every option of
/// <see cref="DriftOptionTable"/> for the whole comparison and per column, each checked at its line the way
/// <c>modelgates drift</c> and <c>DriftOptions.Validate</c> check it.
/// </summary>
internal static class DriftGateReader
{
    public static DriftGate? Read(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"drift gate '{name}'", [.. ConfigKeys.DriftGate.Accepted]);
        r.String(o, "description");
        var reference = Reference(r, config, name, o);
        var current = GatesConfigReader.DatasetReference(r, config, o, "current");
        var written = new Dictionary<(string? Column, string Key), SourcePosition>();
        var keyPositions = o.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal);
        var options = DriftOptions.Default;
        foreach (var option in DriftOptionTable.All.Where(x => x.ForComparison))
        {
            if (Value(r, o, option, null, written, keyPositions) is { } value)
            {
                options = option.Set!(options, value);
            }
        }

        var overrides = new List<DriftColumnOverride>();
        var columnOptions = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal);
        if (r.Property<ConfigObject>(o, "overrides", "an object mapping column names to overrides", required: false) is { } section)
        {
            foreach (var property in section.Properties)
            {
                if (r.AsObject(property.Value, $"the override of column '{property.Name}'") is not { } ov)
                {
                    continue;
                }

                r.CheckKeys(ov, $"the override of column '{property.Name}'", [.. ConfigKeys.DriftOverride.Accepted]);
                var severity = GatesConfigReader.GateSeverity(r, ov, fallback: null);
                var column = new ColumnDriftOverride();
                foreach (var option in DriftOptionTable.All.Where(x => x.ForColumn))
                {
                    if (Value(r, ov, option, property.Name, written, null) is { } value)
                    {
                        column = option.SetColumn!(column, value);
                    }
                }

                // A column at severity off is left out, unless the override says otherwise.
                if (column.Skip is null && ov.Find("severity")?.Value is ConfigString { Value: "off" })
                {
                    column = column with { Skip = true };
                }

                overrides.Add(new DriftColumnOverride(property.Name, property.NamePosition) { Severity = severity });
                columnOptions[property.Name] = column;
            }
        }

        options = options with { Overrides = columnOptions };
        foreach (var problem in DriftOptionTable.Check(options, OptionFrontEnd.Json))
        {
            var at = written.TryGetValue((problem.Column, problem.Option.Key), out var p) ? p : position;
            r.Report(DiagnosticCatalog.Find(problem.Diagnostic.Code)!, at, problem.Diagnostic.Message);
        }

        var partitions = PartitionFilterReader.Read(r, config, o, "partitions", $"drift gate '{name}'");
        PartitionFilterReader.Check(r, current is null ? null : config.FindDataset(current)!.Path, partitions);
        var referencePartitions = PartitionFilterReader.Read(r, config, o, "referencePartitions", $"drift gate '{name}'");
        if (referencePartitions is not null && reference is not null && config.FindDataset(reference) is null)
        {
            r.Report(DiagnosticCatalog.InvalidPartitionFilter, o.Find("referencePartitions")!.Value.Position, $"Drift gate '{name}': 'referencePartitions' chooses partitions of a reference dataset, but '{reference}' is not a declared dataset (a stored profile has no partitions).");
        }

        PartitionFilterReader.Check(r, reference is null ? null : config.FindDataset(reference)?.Path, referencePartitions);
        return reference is null || current is null
            ? null
            : new DriftGate
            {
                Partitions = partitions,
                ReferencePartitions = referencePartitions,
                Name = name,
                Position = position,
                Severity = GatesConfigReader.GateSeverity(r, o),
                Reference = reference,
                Current = current,
                Options = options,
                Overrides = overrides,
                Weights = Weights(r, name, o),
                KeyPositions = keyPositions,
            };
    }

    /// <summary>The <c>weights</c> of a drift gate: <c>importance:&lt;model gate&gt;</c>, checked against the model gates once they are read.</summary>
    private static ImportanceWeights? Weights(ConfigReader r, string name, ConfigObject o)
    {
        if (r.String(o, "weights") is not { } text)
        {
            return null;
        }

        var node = o.Find("weights")!.Value;
        if (!text.StartsWith(ImportanceWeights.Prefix, StringComparison.Ordinal) || text.Length == ImportanceWeights.Prefix.Length)
        {
            r.Invalid(node, $"Drift gate '{name}': 'weights' must be \"importance:<model gate>\" (each column weighs its permutation importance in that gate), not \"{text}\".");
            return null;
        }

        return new ImportanceWeights(text[ImportanceWeights.Prefix.Length..], node.Position);
    }

    /// <summary>Every drift gate's importance weights name a model gate that measures importance (MG0202).</summary>
    public static void CheckWeights(ConfigReader r, GatesConfig config)
    {
        foreach (var gate in config.Drift.Where(g => g.Weights is not null))
        {
            var source = gate.Weights!.ModelGate;
            var model = config.Models.FirstOrDefault(m => string.Equals(m.Name, source, StringComparison.Ordinal));
            if (model?.Importance is not null)
            {
                continue;
            }

            var suggestion = model is null ? DidYouMean.Suggest(source, config.Models.Select(m => m.Name)) : null;
            r.Report(DiagnosticCatalog.ImportanceWeightsSource, gate.Weights.Position, model is null
                ? $"Drift gate '{gate.Name}' weighs columns by the importances of model gate '{source}', which is not declared.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}"
                : $"Drift gate '{gate.Name}' weighs columns by the importances of model gate '{source}', which declares no 'importance' block.");
        }
    }

    private static string? Reference(ConfigReader r, GatesConfig config, string name, ConfigObject o)
    {
        var reference = r.String(o, "reference", required: true);
        if (reference is null || config.FindDataset(reference) is not null)
        {
            return reference;
        }

        var resolved = config.Resolve(reference);
        if (File.Exists(resolved))
        {
            return resolved;
        }

        var suggestion = DidYouMean.Suggest(reference, config.Datasets.Select(d => d.Name));
        r.Report(DiagnosticCatalog.DataNotFound, o.Find("reference")!.Value.Position,
            $"Drift gate '{name}': reference '{reference}' is neither a declared dataset nor an existing profile or data file.{(suggestion is null ? string.Empty : $" Did you mean dataset '{suggestion}'?")}");
        return reference;
    }

    /// <summary>
    /// The value of <paramref name="option"/> in <paramref name="o"/> (a gate, or the override of <paramref name="column"/>),
    /// under its key or a deprecated one (with MG0022); null when absent or of the wrong shape (reported).
    /// </summary>
    private static object? Value(
        ConfigReader r,
        ConfigObject o,
        DriftOption option,
        string? column,
        Dictionary<(string? Column, string Key), SourcePosition> written,
        Dictionary<string, SourcePosition>? keyPositions)
    {
        var property = o.Find(option.Key);
        foreach (var old in option.DeprecatedKeys)
        {
            if (o.Find(old) is not { } deprecated)
            {
                continue;
            }

            if (property is not null)
            {
                r.Invalid(deprecated.Value, $"'{old}' and '{option.Key}' name the same setting; keep '{option.Key}'.");
                continue;
            }

            r.Report(DiagnosticCatalog.DeprecatedKey, deprecated.NamePosition, $"'{old}' is an old name of '{option.Key}'; rename it.");
            property = deprecated;
            if (keyPositions is not null)
            {
                keyPositions[option.Key] = deprecated.NamePosition;
            }
        }

        if (property is null)
        {
            return null;
        }

        var node = property.Value;
        var name = DriftOptionTable.NameOf(option, column, OptionFrontEnd.Json);
        switch (OptionValues.TryReadJson(option.Type, option.Choices, option.Minimum, node, out var value))
        {
            case JsonOptionRead.WrongType:
                r.Report(DiagnosticCatalog.WrongType, node.Position, $"{name} must be {option.Expected}, not {node.TypeName}.");
                return null;
            case JsonOptionRead.NotAllowed:
                r.Invalid(node, $"{name} must be {option.Expected}{(node is ConfigString s ? $", not '{s.Value}'" : string.Empty)}.");
                return null;
            default:
                written[(column, option.Key)] = node.Position;
                return value;
        }
    }
}
