using System.Globalization;
using ModelGates.Checks;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Gates.Config;
using ModelGates.Profiles;

namespace ModelGates.Gates;

/// <summary>
/// Runs the <c>drift</c> gates: each current dataset against its reference (a dataset or a profile), every
/// column a check and its missing share another, plus the dataset rule. Diagnostics point at the column's
/// override in modelgates.json when it has one, otherwise at the gate.
/// </summary>
internal sealed class DriftGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        foreach (var gate in config.Drift.Where(g => g.Severity is not null))
        {
            context.Options.Progress?.Invoke($"drift '{gate.Name}': comparing '{gate.Current}' with '{(config.FindDataset(gate.Reference) is null ? Data.PathDisplay.For(gate.Reference) : gate.Reference)}'");
            yield return RunGate(config, gate, context);
        }
    }

    private static GateResult RunGate(GatesConfig config, DriftGate gate, GateRunContext context)
    {
        gate = Weighed(config, gate, context);
        var referenceDataset = config.FindDataset(gate.Reference);
        var reference = Reference(config, gate, referenceDataset, context);
        var (report, currentUnparsed) = Compare(config, gate, reference, context);
        var checks = new List<CheckResult>();
        var unclaimed = report.Diagnostics.ToList();
        checks.AddRange(ParseCheck(gate, "reference", referenceDataset?.Name ?? reference.Path, reference.Unparsed, unclaimed));
        checks.AddRange(ParseCheck(gate, "current", gate.Current, currentUnparsed, unclaimed));
        foreach (var column in report.Columns)
        {
            var severity = Cap(gate, column.Column);
            checks.Add(ColumnCheck(config, gate, column, severity, unclaimed));
            if (column.MissingShareReference is not null && column.MissingShareCurrent is not null)
            {
                checks.Add(MissingShareCheck(config, gate, column, severity, unclaimed));
            }
        }

        foreach (var datasetCheck in report.DatasetChecks)
        {
            checks.Add(DatasetCheck(config, gate, datasetCheck, unclaimed));
        }

        var datasetDiagnostic = Claim(unclaimed, d => d.Code == DiagnosticCatalog.DatasetDrifted.Code);
        checks.Add(Scoped(new CheckResult($"drift:{gate.Name}/dataset", $"{gate.Name}: drifted share < {Format(report.DatasetDriftShare)}")
        {
            Status = datasetDiagnostic is null ? CheckStatus.Passed : CheckStatus.Failed,
            Measured = report.DriftedShare,
            Bound = report.DatasetDriftShare,
            Diagnostic = datasetDiagnostic is null ? null : Locate(config, gate, datasetDiagnostic, "datasetDriftShare"),
        }, gate.Severity!.Value));

        return new GateResult("drift", gate.Name, gate.Position, checks)
        {
            Facts =
            [
                new("reference", reference.Path),
                new("referenceSha256", reference.Hash),
                new("current", gate.Current),
                new("driftedShare", Format(report.DriftedShare)),
                .. gate.Weights is { } w ? [new KeyValuePair<string, string>("weights", $"importance of model gate '{w.ModelGate}'")] : Array.Empty<KeyValuePair<string, string>>(),
            ],
            Details = DriftGateDetails.Of(report, report.Distributions),
            Notes = unclaimed.Select(d => Locate(config, gate, d)).ToList(),
        };
    }

    /// <summary>
    /// The reference, with its read recorded: a declared file dataset's rows, a declared database dataset profiled
    /// inside the database (only the profile's aggregates leave it), or a path (a stored profile, or data).
    /// </summary>
    private static DriftReference Reference(GatesConfig config, DriftGate gate, DatasetDeclaration? referenceDataset, GateRunContext context)
    {
        var pipeline = context.Datasets.Pipeline;
        if (referenceDataset?.Database is { } database)
        {
            NoPartitionsOnDatabase(config, gate, "referencePartitions", gate.ReferencePartitions, gate.Reference);
            var profile = pipeline.Profile(DatasetCache.Source(referenceDataset)).Profile;
            var input = pipeline.ReadDatabase(database);
            var hash = input.Hash(ProfileJsonWriter.Write(profile));
            context.ReadDatabase($"dataset {referenceDataset.Name}", input.Display, hash);
            return DriftReference.FromProfile(profile, input.Display, hash);
        }

        var reference = referenceDataset is not null
            ? DriftReference.FromColumns(context.Datasets.Columns(referenceDataset.Name, gate.ReferencePartitions))
            : pipeline.ReadReference(new DatasetSource(gate.Reference));
        if (reference.Input is { } referenceData)
        {
            context.Read(referenceDataset is not null ? $"dataset {referenceDataset.Name}" : $"reference data {gate.Name}", referenceData.Hashes);
        }
        else
        {
            context.Read($"reference profile {gate.Name}", gate.Reference);
        }

        return reference;
    }

    /// <summary>
    /// Compares the current dataset with the reference, with the current's read recorded: a database dataset is
    /// compared inside the database against the reference's profile (counts on its frozen bins and points), a file
    /// dataset through the input pipeline.
    /// </summary>
    private static (DriftReport Report, Diagnostic? Unparsed) Compare(GatesConfig config, DriftGate gate, DriftReference reference, GateRunContext context)
    {
        var pipeline = context.Datasets.Pipeline;
        try
        {
            if (config.FindDataset(gate.Current)?.Database is { } database)
            {
                NoPartitionsOnDatabase(config, gate, "partitions", gate.Partitions, gate.Current);
                var input = pipeline.ReadDatabase(database);
                var report = DriftEngine.Compare(reference, input.Session, input.Relation, Options(gate), pipeline.Progress);
                context.ReadDatabase($"dataset {gate.Current}", input.Display, report.Current.Hash);
                return (report, null);
            }

            var current = context.Datasets.Columns(gate.Current, gate.Partitions);
            var fileReport = DriftEngine.Compare(reference, current, Options(gate), pipeline.Progress);
            context.Read($"dataset {gate.Current}", current.Hashes);
            return (fileReport, current.Unparsed);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException(e.Diagnostics.Select(d => Locate(config, gate, d)).ToList());
        }
    }

    /// <summary>A database dataset has no partition folders: a filter on it belongs in its query (MG0039 at the key).</summary>
    private static void NoPartitionsOnDatabase(GatesConfig config, DriftGate gate, string key, PartitionFilter? filter, string dataset)
    {
        if (filter is not null)
        {
            var position = gate.PositionOf(key);
            throw new ConfigurationException(DiagnosticCatalog.InvalidDatabaseDataset.Create(
                $"Drift gate '{gate.Name}' filters partitions of dataset '{dataset}', which is a database table or query; give the condition in a 'query' instead.") with
            { File = config.File, Line = position.Line, SourceColumn = position.Column });
        }
    }

    /// <summary>Rows of one side that failed to parse: a check of their own, so that they are never dropped without a word.</summary>
    private static IEnumerable<CheckResult> ParseCheck(DriftGate gate, string side, string dataset, Diagnostic? unparsed, List<Diagnostic> unclaimed)
    {
        if (unparsed is null)
        {
            yield break;
        }

        unclaimed.Remove(unparsed);
        var check = new CheckResult($"drift:{gate.Name}/{side}/parse", $"{gate.Name}: {dataset} rows parse")
        {
            Status = unparsed.IsError ? CheckStatus.Failed : CheckStatus.Warned,
            Measured = unparsed.Measured,
            Bound = unparsed.Bound,
            Diagnostic = unparsed,
        };
        yield return unparsed.IsError ? GateSeverity.Apply(check, gate.Severity!.Value) : check;
    }

    private static CheckResult ColumnCheck(GatesConfig config, DriftGate gate, ColumnDriftResult column, Severity severity, List<Diagnostic> unclaimed)
    {
        var diagnostic = Claim(unclaimed, d => d.Column == column.Column && d.Code is "MG3001" or "MG3004" or "MG3005" or "MG3006");
        var measure = column.EffectMeasure ?? column.Test ?? "drift";
        var bound = column.EffectThreshold ?? column.Threshold;
        var description = bound is { } b ? $"{gate.Name}: {column.Column} {measure} < {Format(b)}" : $"{gate.Name}: {column.Column} no drift";
        var status = column.Status switch
        {
            ColumnDriftStatus.Ok => CheckStatus.Passed,
            ColumnDriftStatus.Insufficient => CheckStatus.Insufficient,
            ColumnDriftStatus.Skipped => CheckStatus.Skipped,
            _ => CheckStatus.Failed,
        };

        // A column too small to show the threshold is not a silent pass: its MG3010 makes the check a warning.
        if (diagnostic is null && status == CheckStatus.Passed
            && Claim(unclaimed, d => d.Column == column.Column && d.Code == DiagnosticCatalog.DriftEffectUndetectable.Code) is { } undetectable)
        {
            diagnostic = undetectable;
            status = CheckStatus.Warned;
        }

        var check = new CheckResult($"drift:{gate.Name}/{column.Column}", description)
        {
            Status = status,
            Measured = column.Effect ?? column.Statistic,
            Bound = bound,
            Column = column.Column,
            Diagnostic = diagnostic is null ? null : Locate(config, gate, diagnostic),
        };
        return Scoped(check, severity);
    }

    /// <summary>
    /// A multivariate check: failed with its MG code at the gate's severity when it flags (even when no column drifted),
    /// skipped when it could not run (the MG3022 note says why).
    /// </summary>
    private static CheckResult DatasetCheck(GatesConfig config, DriftGate gate, DatasetDriftCheck datasetCheck, List<Diagnostic> unclaimed)
    {
        var diagnostic = datasetCheck.Status == DatasetDriftStatus.Drift ? Claim(unclaimed, d => d.Code == datasetCheck.Code && d.Check == datasetCheck.Name) : null;
        var bound = datasetCheck.Threshold is { } t ? $" {(datasetCheck.Name == Drift.Multivariate.MultivariateChecks.ClassifierName ? "AUC lower bound ≤" : "error change within ±")} {Format(t)}" : " no drift";
        var check = new CheckResult($"drift:{gate.Name}/{datasetCheck.Name}", $"{gate.Name}: {datasetCheck.Name}{bound}")
        {
            Status = datasetCheck.Status switch
            {
                DatasetDriftStatus.Ok => CheckStatus.Passed,
                DatasetDriftStatus.Drift => CheckStatus.Failed,
                _ => CheckStatus.Skipped,
            },
            Measured = datasetCheck.Name == Drift.Multivariate.MultivariateChecks.ClassifierName ? datasetCheck.Interval?.Lower : datasetCheck.Statistic,
            Bound = datasetCheck.Threshold,
            Diagnostic = diagnostic is null ? null : Locate(config, gate, diagnostic, "multivariate"),
        };
        return Scoped(check, gate.Severity!.Value);
    }

    private static CheckResult MissingShareCheck(GatesConfig config, DriftGate gate, ColumnDriftResult column, Severity severity, List<Diagnostic> unclaimed)
    {
        var diagnostic = Claim(unclaimed, d => d.Column == column.Column && d.Code == DiagnosticCatalog.MissingShareDrifted.Code);
        var check = new CheckResult($"drift:{gate.Name}/{column.Column}/missingShare", $"{gate.Name}: {column.Column} missing share stable")
        {
            Status = column.MissingShareDrifted ? CheckStatus.Failed : CheckStatus.Passed,
            Measured = column.MissingShareCurrent - column.MissingShareReference,
            Bound = column.MissingShareThreshold,
            Column = column.Column,
            Diagnostic = diagnostic is null ? null : Locate(config, gate, diagnostic),
        };
        return Scoped(check, severity);
    }

    /// <summary>The gate's severity, capped by the column override's.</summary>
    private static Severity Cap(DriftGate gate, string column)
    {
        var overrideSeverity = gate.Overrides.FirstOrDefault(o => o.Column == column)?.Severity;
        return overrideSeverity is { } s ? (Severity)Math.Min((int)s, (int)gate.Severity!.Value) : gate.Severity!.Value;
    }

    /// <summary>Applies the severity to failures; insufficient data and skipped columns keep their own notes.</summary>
    private static CheckResult Scoped(CheckResult check, Severity severity) =>
        check.Status is CheckStatus.Insufficient or CheckStatus.Skipped ? check : GateSeverity.Apply(check, severity);

    /// <summary>The gate's options: every drift option it writes, read and checked with the config (<see cref="DriftOptionTable"/>).</summary>
    private static DriftOptions Options(DriftGate gate) => gate.Options;

    /// <summary>The gate with its columns weighed by a model gate's importances, measured once per run, when it says so.</summary>
    private static DriftGate Weighed(GatesConfig config, DriftGate gate, GateRunContext context)
    {
        if (gate.Weights is not { } weights || config.Models.FirstOrDefault(m => m.Name == weights.ModelGate) is not { Importance: not null } model)
        {
            return gate;
        }

        context.Options.Progress?.Invoke($"drift '{gate.Name}': weighing columns by the importances of model gate '{model.Name}'");
        var importances = ModelImportance.Measure(config, model, context);
        return gate with { Options = ImportanceWeights.Apply(gate.Options, ImportanceWeights.FromImportances(importances.ByColumn())) };
    }

    /// <summary>Points a diagnostic at the column's override, or at the gate's key for it, or at the gate.</summary>
    private static Diagnostic Locate(GatesConfig config, DriftGate gate, Diagnostic diagnostic, string? key = null)
    {
        var position = gate.Overrides.FirstOrDefault(o => o.Column == diagnostic.Column)?.Position
            ?? (key is not null && gate.KeyPositions.ContainsKey(key) ? gate.PositionOf(key)
            : gate.KeyPositions.ContainsKey("threshold") && diagnostic.Code == DiagnosticCatalog.ColumnDrifted.Code ? gate.PositionOf("threshold")
            : gate.Position);
        return diagnostic with { File = config.File, Line = position.Line, SourceColumn = position.Column };
    }

    private static Diagnostic? Claim(List<Diagnostic> unclaimed, Func<Diagnostic, bool> match)
    {
        var index = unclaimed.FindIndex(d => match(d));
        if (index < 0)
        {
            return null;
        }

        var diagnostic = unclaimed[index];
        unclaimed.RemoveAt(index);
        return diagnostic;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
