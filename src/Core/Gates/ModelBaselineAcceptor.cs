using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Models.Resources;
using ModelGates.Models.Importance;
using ModelGates.Output;

namespace ModelGates.Gates;

/// <summary>
/// Accepts a model gate's current results: its baseline metrics file is rewritten with the current metrics and
/// intervals, and its baseline model (champion) is replaced by the current model. Both atomically, with old → new
/// for every metric. Nothing else writes them.
/// </summary>
internal static class ModelBaselineAcceptor
{
    /// <summary>Accepts <paramref name="gate"/>; no change when it has neither a baseline file nor a baseline model.</summary>
    public static IReadOnlyList<AcceptedChange> Accept(GatesConfig config, ModelGate gate, DatasetCache datasets)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(datasets);
        var changes = new List<AcceptedChange>();
        if (gate.Baseline is null && gate.Evaluation?.BaselineModel is null)
        {
            return changes;
        }

        if (gate.PredictionsDataset is { } table)
        {
            // A baseline names the rows it was measured on by their hash; a table's rows have none to record.
            throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create(
                $"Model gate '{gate.Name}' reads its predictions from database dataset '{table}': 'modelgates accept' records a baseline from a predictions file, whose rows it hashes. Export the rows to a file and accept from it, or write the baseline's metrics by hand.") with
            {
                File = config.File,
                Line = gate.PositionOf("predictions").Line,
                SourceColumn = gate.PositionOf("predictions").Column,
            });
        }

        var (request, _) = ModelGateRunner.CreateRequest(config, gate, datasets, (_, _) => { });

        // The baseline records the gate's metrics, not its verdicts: thresholds, slices and comparisons do not apply.
        var plain = request with
        {
            Thresholds = [],
            Slices = [],
            Baseline = null,
            BaselineModelPath = null,

            // The baseline holds every metric the gate judges, family members (lift@0.2) included.
            AdditionalMetrics = [.. request.Thresholds.Concat(request.Slices.SelectMany(s => s.Thresholds)).Select(t => t.Metric).Distinct(StringComparer.Ordinal)],
        };
        var current = ModelEvaluation.Run(datasets.Engine, plain);
        var after = current.Metrics.Select(m => new KeyValuePair<string, double?>(m.MetricId, m.Estimate.Value)).ToList();

        if (gate.Baseline is { } path)
        {
            var before = Previous(path);
            var baseline = BaselineRecorder.Record(current, request, path, gate.Model ?? gate.Predictions!, ModelGateRunner.DataHash(request.Data, datasets.Pipeline));
            var resources = Resources(gate, datasets, request);
            baseline = baseline with { Resources = resources };
            var lines = BaselineRecorder.Changes(before, after).Concat(ResourceChanges(path, resources)).ToList();
            if (gate.Importance is { } importance && gate.Model is { } explained && current.Predictions is { } labelled)
            {
                // The shift checks compare with these: the accepted model's importances on the accepted rows.
                var measured = PermutationImportance.Compute(datasets.Engine, request, explained, labelled, importance.Options);
                baseline = baseline with { Importances = BaselineRecorder.Importances(measured) };
            }

            AtomicFile.Write(path, BaselineMetricsJson.Write(baseline));
            changes.Add(new AcceptedChange($"baseline metrics of model gate '{gate.Name}'", path, lines));
        }

        if (gate.Evaluation!.BaselineModel is { } champion && gate.Model is { } model)
        {
            var previous = ModelEvaluation.Run(datasets.Engine, plain with { ModelPath = champion });
            var before = previous.Metrics.Select(m => new KeyValuePair<string, double?>(m.MetricId, m.Estimate.Value)).ToList();
            AtomicFile.Write(champion, File.ReadAllBytes(model));
            changes.Add(new AcceptedChange($"baseline model of model gate '{gate.Name}' (now a copy of {Path.GetFileName(model)})", champion, BaselineRecorder.Changes(before, after)));
        }

        return changes;
    }

    // The budgeted resources of the model, measured as a check measures them, so 'maxRegression' has a reference.
    private static List<BaselineResource> Resources(ModelGate gate, DatasetCache datasets, EvaluationRequest request)
    {
        if (gate.Budgets.Count == 0 || gate.Model is not { } model)
        {
            return [];
        }

        var wanted = gate.Budgets.Select(b => b.Resource.Id).Distinct(StringComparer.Ordinal).ToList();
        var lineage = gate.Budgets.Any(b => b.Resource.FromLineage) ? LineageGateRunner.ReadRecord(model) : null;
        var use = ResourceMeter.Measure(model, datasets.Engine, request.Data, request.TextData ?? request.Data, wanted, lineage);
        return [.. wanted.Where(use.Values.ContainsKey).Order(StringComparer.Ordinal)
            .Select(id => new BaselineResource(id, use.Values[id], use.PassValues.GetValueOrDefault(id, [])))];
    }

    private static IEnumerable<string> ResourceChanges(string path, List<BaselineResource> resources)
    {
        var old = PreviousResources(path);
        return resources.Select(r => $"resource {r.Id}: {Format(old.FirstOrDefault(o => o.Id == r.Id)?.Value)} -> {Format(r.Value)}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : "none";

    private static IReadOnlyList<BaselineResource> PreviousResources(string path)
    {
        try
        {
            return File.Exists(path) ? BaselineMetricsJson.Read(path).Resources : [];
        }
        catch (Diagnostics.ModelGatesException)
        {
            return [];
        }
    }

    private static IReadOnlyList<KeyValuePair<string, double?>> Previous(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return [.. BaselineMetricsJson.Read(path).Metrics.Select(m => new KeyValuePair<string, double?>(m.Id, m.Value))];
        }
        catch (Diagnostics.ModelGatesException)
        {
            // A broken baseline is what accept repairs: report every metric as new.
            return [];
        }
    }
}
