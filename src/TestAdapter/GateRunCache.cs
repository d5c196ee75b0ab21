using System.Collections.Concurrent;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Reports;

namespace ModelGates.Xunit;

/// <summary>
/// Runs the gates of each config once per test process and keeps the report, so that loading data and
/// scoring models happen once, not once per case. The reports are written next to the test assembly, in
/// <c>modelgates/&lt;config folder name&gt;/</c>.
/// </summary>
internal static class GateRunCache
{
    private static readonly ConcurrentDictionary<string, Lazy<GateRun>> Runs = new(StringComparer.Ordinal);

    public static GateRun Get(string configPath) =>
        Runs.GetOrAdd(Path.GetFullPath(configPath), path => new Lazy<GateRun>(() => GateRun.Execute(path))).Value;

    public static void Verify(GateCase gateCase)
    {
        var run = Get(gateCase.ConfigPath);
        var check = run.Report.Checks.FirstOrDefault(c => c.Id == gateCase.CheckId)
            ?? throw new ModelGatesAssertException($"Check '{gateCase.CheckId}' is no longer in {gateCase.ConfigPath}: the config or its data changed after the tests were discovered. Run the tests again.");
        if (check.Status == CheckStatus.Failed)
        {
            throw new ModelGatesAssertException(FailureMessage.ForCheck(check, run.ReportDirectory));
        }
    }
}

/// <summary>One run of a config's gates and where its reports are.</summary>
internal sealed record GateRun(GateReport Report, string ReportDirectory)
{
    public static GateRun Execute(string configPath)
    {
        GatesConfig config;
        try
        {
            config = GatesConfigReader.Read(configPath);
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"{configPath} cannot be used:", e.Diagnostics));
        }

        GateReport report;
        try
        {
            report = GateRunner.Run(config, new GateRunOptions { ToolVersion = typeof(GateRun).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" });
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"The gates of {configPath} could not run:", e.Diagnostics));
        }

        var folder = new DirectoryInfo(Path.GetDirectoryName(config.File)!).Name;
        var directory = Path.Combine(AppContext.BaseDirectory, "modelgates", folder);
        GateReportFiles.Write(report, directory);
        return new GateRun(report, directory);
    }
}
