using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>The <c>monitors</c> section: what it reads, and each mistake at its line with its code.</summary>
public sealed class MonitorConfigTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public MonitorConfigTests()
    {
        MonitorData.WriteReference(directory);
        MonitorData.WriteBatch(directory, "w1.csv", new DateTime(2026, 6, 1), 10);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_monitor_reads_with_its_defaults_and_borrows_the_model_gates_label()
    {
        var config = GatesConfigReader.Read(MonitorData.WriteConfig(directory, trigger: "{ \"cooldown\": \"4w\", \"minNewLabelledRows\": 500, \"severity\": \"warning\" }"));

        var monitor = Assert.Single(config.Monitors);
        Assert.Equal(("prod", "production", "ts", "label", "score", "m"), (monitor.Name, monitor.Data, monitor.Timestamp, monitor.Label, monitor.Score, monitor.Model));
        Assert.Equal(new MonitorWindowSpec(WindowUnit.Days, 7, "7d"), monitor.Window);
        Assert.Equal(TimeZoneInfo.Utc, monitor.TimeZone);
        Assert.Equal(directory.File(Path.Combine(".modelgates", "history.duckdb")), monitor.History.File);
        Assert.Equal((2, 3, TimeSpan.FromDays(28), 500L, Severity.Warning), (monitor.Trigger.Breaches, monitor.Trigger.Of, monitor.Trigger.Cooldown, monitor.Trigger.MinNewLabelledRows, monitor.Trigger.Severity));
    }

    [Theory]
    [InlineData("\"window\": \"7 days\"", "MG0170", "window")]
    [InlineData("\"window\": 2.5", "MG0170", "window")]
    [InlineData("\"timeZone\": \"Mars/Olympus\"", "MG0171", "timeZone")]
    [InlineData("\"trigger\": { \"breaches\": 4, \"of\": 3 }", "MG0172", "breaches")]
    [InlineData("\"trigger\": { \"cooldown\": \"1mo\" }", "MG0172", "cooldown")]
    [InlineData("\"model\": \"n\"", "MG0173", "model")]
    [InlineData("\"drift\": \"none\"", "MG0173", "drift")]
    [InlineData("\"windo\": \"7d\"", "MG0012", "windo")]
    [InlineData("\"contract\": \"nowhere.contract.json\"", "MG0225", "contract")]
    [InlineData("\"minPassRate\": 99", "MG0226", "minPassRate")]
    public void A_mistake_is_reported_with_its_code_at_its_line(string replacement, string code, string key)
    {
        var path = MonitorData.WriteConfig(directory);
        var text = File.ReadAllText(path);
        var name = replacement[1..replacement.IndexOf('"', 1)];
        var lines = text.Split('\n').ToList();
        var existing = lines.FindIndex(l => l.TrimStart().StartsWith($"\"{name}\":", StringComparison.Ordinal));
        var indent = "      ";
        if (existing >= 0)
        {
            lines[existing] = indent + replacement + (lines[existing].TrimEnd().EndsWith(',') ? "," : string.Empty);
        }
        else
        {
            lines.Insert(lines.FindIndex(l => l.Contains("\"reference\": \"reference\",", StringComparison.Ordinal)), indent + replacement + ",");
        }

        File.WriteAllText(path, string.Join('\n', lines));
        var line = lines.FindIndex(l => l.Contains(replacement, StringComparison.Ordinal)) + 1;

        var e = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var d = Assert.Single(e.Diagnostics, x => x.Code == code);
        Assert.Equal(line, d.Line);
        Assert.Equal(path, d.File);
        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
        Assert.Contains(key, File.ReadAllLines(path)[line - 1], StringComparison.Ordinal);
    }
}
