using System.Globalization;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Quality;

namespace ModelGates.Gates;

/// <summary>
/// Runs the <c>quality</c> gates: each dataset through the quality checks (docs/quality.md). Every check that ran is a
/// check of the gate (<c>quality:name/duplicates</c>, or <c>quality:name/mixedTypes/Income</c> per column), passing
/// when it found nothing or only within its <c>maxShare</c>; findings point at the gate's declaration.
/// </summary>
internal sealed class QualityGateRunner : IGateRunner
{
    /// <inheritdoc />
    public IEnumerable<GateResult> Run(GatesConfig config, GateRunContext context)
    {
        foreach (var gate in config.Quality.Where(g => g.Severity is not null))
        {
            context.Options.Progress?.Invoke($"quality '{gate.Name}': checking dataset '{gate.Data}'");
            var data = Source(config, gate, context, gate.Data, "data");
            var reference = gate.Reference is null ? null : Source(config, gate, context, gate.Reference, "reference");
            var pipeline = context.Datasets.Pipeline;
            var report = QualityRun.Run(pipeline, new QualityRequest
            {
                Data = data,
                Reference = reference,
                Options = gate.Options with { Now = context.Options.Time },
                Only = gate.Only,
                Review = gate.Review,
                Today = context.Options.Today,
            });

            // Messages name the data as the config does, relative to its folder: the same text on every machine.
            report = report with { Data = ConfigRelative(config, report.DataFile) };
            context.Read($"dataset {gate.Data}", pipeline.SourceHashes(data with { AllText = true }));
            if (reference is not null)
            {
                context.Read($"dataset {gate.Reference}", pipeline.SourceHashes(reference with { AllText = true }));
            }

            if (gate.Review is not null)
            {
                context.Read($"review {gate.Name}", gate.Review);
            }

            yield return new GateResult("quality", gate.Name, gate.Position, Checks(config, gate, report))
            {
                Facts =
                [
                    new("dataset", gate.Data),
                    new("rows", report.Rows.ToString(CultureInfo.InvariantCulture)),
                    new("reference", gate.Reference ?? "none"),
                    new("reviewed", report.Reviewed.ToString(CultureInfo.InvariantCulture)),
                ],
                Notes = report.Notes,
            };
        }
    }

    private static List<CheckResult> Checks(GatesConfig config, QualityGate gate, QualityReport report)
    {
        var checks = new List<CheckResult>();
        var diagnostics = report.Findings.Zip(report.Diagnostics).ToList();
        foreach (var outcome in report.Checks.Where(c => c.Status == "ran"))
        {
            var found = diagnostics.Where(d => d.First.Finding.Check == outcome.Id).ToList();
            if (found.Count == 0)
            {
                checks.Add(new CheckResult($"quality:{gate.Name}/{outcome.Id}", $"{gate.Name}: no {outcome.Id}"));
                continue;
            }

            foreach (var (finding, diagnostic) in found)
            {
                var f = finding.Finding;
                var id = $"quality:{gate.Name}/{f.Check}{(f.Column is null ? string.Empty : "/" + f.Column)}";
                var check = new CheckResult(id, $"{gate.Name}: {f.Check}{(f.Column is null ? string.Empty : $" {f.Column}")} share ≤ {QualityMessages.Format(outcome.Settings.MaxShare)}")
                {
                    Status = f.Severity switch
                    {
                        Severity.Error => CheckStatus.Failed,
                        Severity.Warning => CheckStatus.Warned,
                        _ => CheckStatus.Passed,
                    },
                    Column = f.Column,
                    Measured = finding.Measured ?? f.Share,
                    Bound = finding.Bound ?? outcome.Settings.MaxShare,
                    Diagnostic = diagnostic with { File = config.File, Line = gate.Position.Line, SourceColumn = gate.Position.Column, Check = id },
                };
                checks.Add(GateSeverity.Apply(check, gate.Severity!.Value));
            }
        }

        return checks;
    }

    private static Data.DatasetSource Source(GatesConfig config, QualityGate gate, GateRunContext context, string name, string key)
    {
        var declaration = context.Datasets.Declaration(name);
        if (declaration.Database is not null)
        {
            var position = gate.PositionOf(key);
            throw new ConfigurationException(DiagnosticCatalog.InvalidQualityOption.Create(
                $"Quality gate '{gate.Name}': dataset '{name}' is a database table or query; the quality checks compare rows and read files only (export the rows, or check them in a test).") with
            { File = config.File, Line = position.Line, SourceColumn = position.Column });
        }

        return DatasetCache.Source(declaration);
    }

    private static string ConfigRelative(GatesConfig config, string path)
    {
        var relative = Path.GetRelativePath(config.BaseDirectory, Path.GetFullPath(path, config.BaseDirectory));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Data.PathDisplay.For(path) : relative.Replace('\\', '/');
    }
}
