using System.Globalization;
using ModelGates.Data;
using ModelGates.Inputs;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Sources;

namespace ModelGates.Xunit;

/// <summary>Assertions that a dataset has not drifted from a reference dataset or a reference profile.</summary>
public static class DriftAssert
{
    /// <summary>
    /// Asserts that the data at <paramref name="currentPath"/> has not drifted from <paramref name="referencePath"/>
    /// (a dataset, or a profile written by <c>modelgates profile</c>), judged as <c>modelgates drift</c> judges.
    /// </summary>
    /// <param name="referencePath">A dataset (path or glob) or a profile file.</param>
    /// <param name="currentPath">The dataset compared.</param>
    /// <param name="options">Test, thresholds, correction, overrides; defaults when null.</param>
    /// <returns>The drift report, for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A column or the dataset drifted, or the inputs cannot be read.</exception>
    public static DriftReport NoDrift(string referencePath, string currentPath, DriftOptions? options = null)
    {
        DriftReport report;
        try
        {
            using var pipeline = new InputPipeline { MemoryLimit = ConfiguredMemoryLimit.Find() };
            var reference = pipeline.ReadReference(new DatasetSource(referencePath));
            var current = pipeline.ReadColumns(new DatasetSource(currentPath));
            report = DriftEngine.Compare(reference, current, options);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"Drift of {currentPath} from {referencePath} cannot be judged:", e.Diagnostics));
        }

        return Judged(report, referencePath, currentPath);
    }

    /// <summary>
    /// Asserts that a database dataset has not drifted from a reference, compared inside the database against the
    /// reference's profile: only aggregates leave it (docs/scale.md).
    /// </summary>
    /// <param name="referencePath">A profile file, a dataset file, or a database dataset (profiled inside its database).</param>
    /// <param name="currentDataset">The database dataset compared: <c>table:CONNECTION.TABLE</c> or <c>sql:CONNECTION:QUERY</c>.</param>
    /// <param name="connections">The connections the arguments name, e.g. <c>ConnectionSet.FromCommandLine(["warehouse=postgres:env:MODELGATES_WAREHOUSE"], null, null)</c>.</param>
    /// <param name="options">Test, thresholds, correction, overrides; defaults when null.</param>
    /// <returns>The drift report, for further assertions.</returns>
    /// <exception cref="ModelGatesAssertException">A column or the dataset drifted, or the inputs cannot be read.</exception>
    public static DriftReport NoDriftInDatabase(string referencePath, string currentDataset, ConnectionSet connections, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DriftReport report;
        try
        {
            using var pipeline = new InputPipeline { Connections = connections, MemoryLimit = ConfiguredMemoryLimit.Find() };
            var reference = pipeline.ReadReference(connections.DataArgument(referencePath) ?? new DatasetSource(referencePath));
            report = pipeline.CompareInDatabase(reference, connections.DataArgument(currentDataset) ?? new DatasetSource(currentDataset), options);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(SecretMask.Mask(FailureMessage.ForDiagnostics($"Drift of {currentDataset} from {referencePath} cannot be judged:", e.Diagnostics)));
        }

        return Judged(report, referencePath, currentDataset);
    }

    private static DriftReport Judged(DriftReport report, string referencePath, string currentPath)
    {
        var errors = report.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return report;
        }

        var drifted = report.Columns.Where(c => c.Drifted || c.MissingShareDrifted).ToList();
        var text = new System.Text.StringBuilder();
        if (drifted.Count == 0)
        {
            // A multivariate check, or rows that failed to parse, fail the assertion without any column drifting.
            var flagged = report.DatasetChecks.Where(c => c.Drifted).Select(c => c.Name).ToList();
            text.Append(flagged.Count > 0
                ? $"{currentPath} drifted from {referencePath} as a whole: no column drifted, but the multivariate check(s) {string.Join(", ", flagged)} flagged the rows.\n"
                : $"{currentPath} against {referencePath}: no column drifted, but the comparison failed.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{currentPath} drifted from {referencePath}: {drifted.Count} of {report.Columns.Count} columns (drifted share {Format(report.DriftedShare)}, dataset rule {Format(report.DatasetDriftShare)}).\n")
            .Append(Table.Render(
                ["column", "test", "statistic", "p-value", "effect", "threshold", "missing ref → cur", "status"],
                drifted.Select(c => (IReadOnlyList<string>)
                [
                    c.Column,
                    c.EffectMeasure is null ? c.Test ?? string.Empty : $"{c.Test} + {c.EffectMeasure}",
                    Format(c.Statistic),
                    Format(c.PValueAdjusted ?? c.PValue),
                    Format(c.Effect),
                    Format(c.EffectThreshold ?? c.Threshold),
                    $"{Format(c.MissingShareReference)} → {Format(c.MissingShareCurrent)}",
                    c.MissingShareDrifted && !c.Drifted ? "missing share" : c.Status.ToText(),
                ]).ToList()));
        }

        foreach (var d in errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Code}: {d.Message}\n");
        }

        throw new ModelGatesAssertException(SecretMask.Mask(text.ToString()));
    }

    private static string Format(double? value) => value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
