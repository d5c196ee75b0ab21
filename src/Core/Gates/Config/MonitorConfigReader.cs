using ModelGates.Configuration.Json;
using ModelGates.Contracts;
using ModelGates.Diagnostics;
using ModelGates.Monitoring.Contracts;
using ModelGates.Monitoring.History;

namespace ModelGates.Gates.Config;

/// <summary>
/// Reads the <c>monitors</c> of modelgates.json: the data and reference, the window, the time zone, the model and
/// drift gates they borrow from, the history file and the trigger, each problem at its line (MG0170-MG0173).
/// </summary>
internal static partial class MonitorConfigReader
{
    /// <summary>The history file when a monitor names none, relative to the config's folder.</summary>
    public static string DefaultHistory { get; } = Path.Combine(".modelgates", "history.duckdb");

    public static MonitorDeclaration? Read(ConfigReader r, GatesConfig config, string name, SourcePosition position, ConfigObject o)
    {
        r.CheckKeys(o, $"monitor '{name}'", [.. ConfigKeys.Monitor.Accepted]);
        r.String(o, "description");
        var reference = Reference(r, config, name, o);
        var data = GatesConfigReader.DatasetReference(r, config, o, "data");
        var timestamp = r.String(o, "timestamp", required: true);
        var window = Window(r, name, o);
        var zone = Zone(r, name, o);
        var model = GateReference(r, o, "model", config.Models.Select(m => m.Name), "model gate", "models");
        var drift = GateReference(r, o, "drift", config.Drift.Select(d => d.Name), "drift gate", "drift");
        var label = r.String(o, "label") ?? (model is null ? null : config.Models.First(m => m.Name == model).Label);
        var minRows = r.Integer(o, "minRows") ?? 50;
        if (minRows < 1 && o.Find("minRows") is { } minRowsNode)
        {
            r.Invalid(minRowsNode.Value, $"Monitor '{name}': 'minRows' must be at least 1, not {minRows}.");
        }

        var contract = Contract(r, config, name, o);
        var trigger = Trigger(r, name, o);
        var history = History(r, config, name, o);
        return reference is null || data is null || timestamp is null || window is null || trigger is null
            ? null
            : new MonitorDeclaration
            {
                Name = name,
                Position = position,
                Severity = GatesConfigReader.GateSeverity(r, o),
                KeyPositions = o.Properties.ToDictionary(p => p.Name, p => p.NamePosition, StringComparer.Ordinal),
                Reference = reference,
                Data = data,
                Timestamp = timestamp,
                Window = window,
                TimeZone = zone,
                Model = model,
                Score = r.String(o, "score"),
                Probabilities = Probabilities(r, config, name, model, o),
                Label = label,
                DriftGate = drift,
                MinRows = minRows,
                Contract = contract,
                History = history,
                Trigger = trigger,
            };
    }

    /// <summary>
    /// A multiclass model's probability columns: an object of class label to column, at least two, for a multiclass
    /// model gate (MG0235 otherwise, at the key).
    /// </summary>
    private static IReadOnlyList<Models.Evaluation.Scoring.ClassColumn>? Probabilities(ConfigReader r, GatesConfig config, string name, string? model, ConfigObject o)
    {
        if (o.Find("probabilities") is not { } node)
        {
            return null;
        }

        var gate = model is null ? null : config.Models.FirstOrDefault(m => m.Name == model);
        if (node.Value is not ConfigObject map || map.Properties.Count < 2 || map.Properties.Any(p => p.Value is not ConfigString)
            || gate?.Evaluation?.Task != Models.Predictions.ModelTask.Multiclass)
        {
            r.Report(DiagnosticCatalog.MonitorProbabilitiesInvalid, node.Value.Position, gate?.Evaluation?.Task is { } task && task != Models.Predictions.ModelTask.Multiclass
                ? $"Monitor '{name}': 'probabilities' is for multiclass models; model gate '{model}' is {task.ToString().ToLowerInvariant()}: name its 'score' column instead."
                : $"Monitor '{name}': 'probabilities' must map each class label of {(model is null ? "its multiclass model gate ('model')" : $"multiclass model gate '{model}'")} to its probability column (at least two), e.g. {{ \"setosa\": \"p_setosa\", \"versicolor\": \"p_versicolor\" }}.");
            return null;
        }

        return [.. map.Properties.Select(p => new Models.Evaluation.Scoring.ClassColumn(p.Name, ((ConfigString)p.Value).Value))];
    }

    private static string? Reference(ConfigReader r, GatesConfig config, string name, ConfigObject o)
    {
        var reference = r.String(o, "reference", required: true);
        if (reference is null || config.FindDataset(reference) is not null)
        {
            return reference;
        }

        var resolved = config.Resolve(reference);
        if (!File.Exists(resolved))
        {
            r.Report(DiagnosticCatalog.DataNotFound, o.Find("reference")!.Value.Position,
                $"Monitor '{name}': reference '{reference}' is neither a declared dataset nor an existing profile or data file.");
        }

        return resolved;
    }

    /// <summary>
    /// <c>contract</c>: a contract gate of the config (its contract, inline or a file) or a contract file; with
    /// <c>minPassRate</c>, the share of a window's rows each rule must pass (MG0225, MG0226).
    /// </summary>
    private static WindowContract? Contract(ConfigReader r, GatesConfig config, string name, ConfigObject o)
    {
        var floor = r.Number(o, "minPassRate") ?? WindowContract.DefaultMinPassRate;
        if (o.Find("minPassRate") is { } floorNode && !(floor is >= 0 and <= 1))
        {
            r.Report(DiagnosticCatalog.InvalidMinPassRate, floorNode.Value.Position,
                $"Monitor '{name}': 'minPassRate' is the share of a window's rows that must pass each contract rule, between 0 and 1, not {Scalar.Format(floor)}.");
        }

        if (r.String(o, "contract") is not { } named)
        {
            return null;
        }

        var position = o.Find("contract")!.Value.Position;
        if (config.Contracts.FirstOrDefault(c => c.Name == named) is { } gate)
        {
            return new WindowContract(gate.Contract, $"contract gate '{gate.Name}'", floor);
        }

        var file = config.Resolve(named);
        if (!File.Exists(file))
        {
            var suggestion = DidYouMean.Suggest(named, config.Contracts.Select(c => c.Name));
            r.Report(DiagnosticCatalog.MonitorContractInvalid, position,
                $"Monitor '{name}': 'contract' names neither a contract gate nor an existing contract file: '{named}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            return null;
        }

        try
        {
            return new WindowContract(ContractReader.Read(file), file, floor);
        }
        catch (ModelGatesException e)
        {
            r.Report(DiagnosticCatalog.MonitorContractInvalid, position,
                $"Monitor '{name}': contract '{named}' cannot be read: {string.Join(" ", e.Diagnostics.Select(d => d.Line is { } line ? $"line {line}: {d.Message}" : d.Message))}");
            return null;
        }
    }

    /// <summary>
    /// <c>history</c>: a DuckDB file (a string), or <c>{ "connection": NAME, "schema": SCHEMA }</c> for tables on a declared
    /// connection (MG0230 for a malformed one, MG0037 for an undeclared connection).
    /// </summary>
    private static HistoryLocation History(ConfigReader r, GatesConfig config, string name, ConfigObject o)
    {
        var fallback = HistoryLocation.AtFile(config.Resolve(DefaultHistory));
        switch (o.Find("history")?.Value)
        {
            case null:
                return fallback;
            case ConfigString s when !string.IsNullOrWhiteSpace(s.Value):
                return HistoryLocation.AtFile(config.Resolve(s.Value));
            case ConfigObject h:
                r.CheckKeys(h, $"the history of monitor '{name}'", [.. ConfigKeys.MonitorHistory.Accepted]);
                r.String(h, "description");
                var connection = r.String(h, "connection");
                var schema = r.String(h, "schema") ?? HistoryLocation.DefaultSchema;
                if (connection is null)
                {
                    if (h.Find("connection") is null)
                    {
                        r.Report(DiagnosticCatalog.InvalidMonitorHistory, h.Position, $"Monitor '{name}': a history object needs 'connection', the name of a connection declared in 'connections' (or give 'history' as a file path).");
                    }

                    return fallback;
                }

                if (config.Connections.All(c => c.Name != connection))
                {
                    r.Report(DiagnosticCatalog.UnknownConnection, h.Find("connection")!.Value.Position,
                        $"Monitor '{name}': the history's {Sources.ConnectionSet.Unknown(connection, [.. config.Connections.Select(c => c.Name)]).Message}");
                    return fallback;
                }

                if (!HistorySchemaName().IsMatch(schema))
                {
                    r.Report(DiagnosticCatalog.InvalidMonitorHistory, h.Find("schema")!.Value.Position,
                        $"Monitor '{name}': the history's 'schema' must be a plain name (letters, digits and '_', not starting with a digit), not '{schema}'.");
                    return fallback;
                }

                return HistoryLocation.OnConnection(connection, schema);
            case var node:
                r.Report(DiagnosticCatalog.InvalidMonitorHistory, node.Position,
                    $"Monitor '{name}': 'history' must be a file path (\".modelgates/history.duckdb\") or an object naming a connection ({{ \"connection\": \"warehouse\", \"schema\": \"modelgates\" }}).");
                return fallback;
        }
    }

    private static MonitorWindowSpec? Window(ConfigReader r, string name, ConfigObject o)
    {
        switch (o.Find("window")?.Value)
        {
            case null:
                r.Report(DiagnosticCatalog.MissingKey, o.Position, $"Monitor '{name}' needs 'window': a duration such as \"7d\", \"1mo\" or \"12h\", or a row count.");
                return null;
            case ConfigNumber { Value: var n } when n >= 1 && n == Math.Floor(n) && n <= long.MaxValue:
                return new MonitorWindowSpec(WindowUnit.Rows, (long)n, $"{(long)n} rows");
            case ConfigString s when MonitorWindowSpec.Parse(s.Value) is { } spec:
                return spec;
            case var node:
                r.Report(DiagnosticCatalog.InvalidMonitorWindow, node.Position,
                    $"Monitor '{name}': 'window' must be a duration (\"1d\", \"7d\", \"2w\", \"12h\", \"1mo\", \"month\") or a whole number of rows (\"1000 rows\" or 1000).");
                return null;
        }
    }

    private static TimeZoneInfo Zone(ConfigReader r, string name, ConfigObject o)
    {
        if (r.String(o, "timeZone") is not { } id)
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        r.Report(DiagnosticCatalog.UnknownTimeZone, o.Find("timeZone")!.Value.Position,
            $"Monitor '{name}': time zone '{id}' is not known on this machine; use an IANA id such as \"Europe/Berlin\" or \"UTC\".");
        return TimeZoneInfo.Utc;
    }

    private static string? GateReference(ConfigReader r, ConfigObject o, string key, IEnumerable<string> names, string what, string section)
    {
        if (r.String(o, key) is not { } name)
        {
            return null;
        }

        var known = names.ToList();
        if (known.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var suggestion = DidYouMean.Suggest(name, known);
        r.Report(DiagnosticCatalog.UnknownMonitorGate, o.Find(key)!.Value.Position,
            $"'{key}' names {what} '{name}', which is not declared in '{section}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
        return null;
    }

    private static RetrainTrigger? Trigger(ConfigReader r, string name, ConfigObject o)
    {
        var trigger = new RetrainTrigger();
        if (r.Property<ConfigObject>(o, "trigger", "an object: breaches, of, cooldown, minNewLabelledRows, severity", required: false) is not { } t)
        {
            return trigger;
        }

        r.CheckKeys(t, $"the trigger of monitor '{name}'", [.. ConfigKeys.MonitorTrigger.Accepted]);
        var ok = true;
        var breaches = r.Integer(t, "breaches") ?? trigger.Breaches;
        var of = r.Integer(t, "of") ?? Math.Max(trigger.Of, breaches);
        if (breaches < 1 || of < breaches || of > 10_000)
        {
            r.Report(DiagnosticCatalog.InvalidRetrainTrigger, (t.Find("breaches") ?? t.Find("of"))?.Value.Position ?? t.Position,
                $"Monitor '{name}': the trigger needs 1 <= breaches <= of <= 10000; it says {breaches} of {of}.");
            ok = false;
        }

        var cooldown = trigger.Cooldown;
        var cooldownText = r.String(t, "cooldown");
        if (cooldownText is not null)
        {
            if (MonitorWindowSpec.Parse(cooldownText) is { Unit: WindowUnit.Days or WindowUnit.Hours } spec)
            {
                cooldown = spec.Unit == WindowUnit.Days ? TimeSpan.FromDays(spec.Size) : TimeSpan.FromHours(spec.Size);
            }
            else
            {
                r.Report(DiagnosticCatalog.InvalidRetrainTrigger, t.Find("cooldown")!.Value.Position,
                    $"Monitor '{name}': 'cooldown' must be a duration in hours, days or weeks (\"28d\", \"4w\", \"12h\"), not '{cooldownText}'.");
                ok = false;
            }
        }

        var minLabelled = r.Integer(t, "minNewLabelledRows") ?? 0;
        if (minLabelled < 0)
        {
            r.Report(DiagnosticCatalog.InvalidRetrainTrigger, t.Find("minNewLabelledRows")!.Value.Position,
                $"Monitor '{name}': 'minNewLabelledRows' cannot be negative ({minLabelled}).");
            ok = false;
        }

        var severity = t.Find("severity") is null ? Severity.Error : r.SeverityValue(t) ?? Severity.Error;
        return ok
            ? new RetrainTrigger
            {
                Breaches = (int)breaches,
                Of = (int)of,
                Cooldown = cooldown,
                CooldownText = cooldownText ?? trigger.CooldownText,
                MinNewLabelledRows = minLabelled,
                Severity = severity,
            }
            : null;
    }

    // A plain SQL name, quoted by the dialect anyway: one that needs no care in any engine or message.
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HistorySchemaName();
}
