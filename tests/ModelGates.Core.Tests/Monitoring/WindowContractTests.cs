using System.Globalization;
using DuckDB.NET.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>A monitor's contract per window: each rule's pass rate counted from the batch files, the floor, missing shares, old histories.</summary>
public sealed class WindowContractTests : IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();

    public WindowContractTests()
    {
        MonitorData.WriteReference(directory);
        directory.Write("prod.contract.json", """
            {
              "columns": {
                "x": { "type": "number", "min": 8, "max": 12 },
                "c": { "allowedValues": ["a", "b"] },
                "label": { "maxMissingShare": 0.1 }
              }
            }
            """);
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 200);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 200, shift: 1, seed: 3);
        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 200, seed: 4, labels: false);
    }

    public void Dispose() => directory.Dispose();

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private MonitorResult Run(string config) => Assert.Single(MonitorRun.Run(GatesConfigReader.Read(config), Options).Results);

    /// <summary>The batch's rows, split on commas (no quoting in these files).</summary>
    private string[][] Batch(string name) =>
        [.. File.ReadAllLines(directory.File(Path.Combine("batches", name))).Skip(1).Select(l => l.Split(','))];

    [Fact]
    public void Each_window_records_every_rules_pass_rate_as_counted_in_its_rows_and_breaches_below_the_floor()
    {
        var result = Run(MonitorData.WriteConfig(directory, "\"contract\": \"prod.contract.json\""));

        Assert.Equal(3, result.Windows.Count);
        var batches = new[] { "w1.csv", "w2.csv", "w3.csv" };
        for (var i = 0; i < 3; i++)
        {
            var rows = Batch(batches[i]);
            var x = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToList();
            var window = result.Windows[i];
            var rules = window.Contract.ToDictionary(r => $"{r.Column}/{r.Check}");
            Assert.Equal(["x/type", "x/min", "x/max", "c/allowedValues", "label/maxMissingShare"], window.Contract.Select(r => $"{r.Column}/{r.Check}"));
            Assert.Equal(x.Count(v => v > 12), rules["x/max"].Violations);
            Assert.Equal(x.Count(v => v < 8), rules["x/min"].Violations);
            Assert.Equal(1 - ((double)x.Count(v => v > 12) / rows.Length), rules["x/max"].PassRate, 12);
            Assert.Equal(rows.Count(r => r[3].Length == 0), rules["label/maxMissingShare"].Violations);
            Assert.Equal((double)rows.Count(r => r[3].Length == 0) / rows.Length, Assert.Single(window.Missing, m => m.Column == "label").Share, 12);
            Assert.Equal(rows.Length, rules["x/max"].Rows);
        }

        // Week 1 is clean; week 2's x moved up by 1, so a quarter of it is over the max; week 3 has no labels yet.
        Assert.All(result.Windows[0].Contract, r => Assert.True(r.Passed));
        Assert.Equal(WindowStatus.Ok, result.Windows[0].Status);
        Assert.False(result.Windows.Single(w => w == result.Windows[1]).Contract.Single(r => r.Check == "max").Passed);
        Assert.Contains(result.Windows[1].Reasons, r => r.StartsWith("contract x/max: pass rate 0.", StringComparison.Ordinal) && r.Contains("< 0.99", StringComparison.Ordinal));
        Assert.Equal(WindowStatus.Breach, result.Windows[1].Status);
        Assert.Contains(result.Windows[2].Reasons, r => r == "contract label/maxMissingShare: missing share 1 > 0.1");
        Assert.Equal(WindowStatus.Breach, result.Windows[2].Status);
    }

    [Fact]
    public void A_lower_floor_lets_the_shifted_window_pass_its_range_rule()
    {
        var strict = Run(MonitorData.WriteConfig(directory, "\"contract\": \"prod.contract.json\""));
        var maxRate = strict.Windows[1].Contract.Single(r => r.Check == "max").PassRate;
        var floor = Math.Floor(maxRate * 100) / 100;

        var loose = Run(MonitorData.WriteConfig(directory, $"\"contract\": \"prod.contract.json\", \"minPassRate\": {floor.ToString(CultureInfo.InvariantCulture)}"));

        Assert.True(loose.Windows[1].Contract.Single(r => r.Check == "max").Passed);
        Assert.DoesNotContain(loose.Windows[1].Reasons, r => r.StartsWith("contract", StringComparison.Ordinal));
        Assert.False(strict.Windows[1].Contract.Single(r => r.Check == "max").Passed);
    }

    [Fact]
    public void A_contract_gate_of_the_config_is_reused_by_name()
    {
        var path = MonitorData.WriteConfig(directory, "\"contract\": \"production-contract\"");
        File.WriteAllText(path, File.ReadAllText(path).Replace(
            "\"monitors\": {",
            "\"contracts\": { \"production-contract\": { \"dataset\": \"production\", \"contract\": \"prod.contract.json\", \"severity\": \"off\" } },\n  \"monitors\": {",
            StringComparison.Ordinal));

        var result = Run(path);

        Assert.Equal(5, result.Windows[1].Contract.Count);
        Assert.Equal(WindowStatus.Breach, result.Windows[1].Status);
    }

    [Fact]
    public void A_changed_contract_file_judges_every_window_again()
    {
        var config = MonitorData.WriteConfig(directory, "\"contract\": \"prod.contract.json\"");
        var first = Run(config);
        File.WriteAllText(directory.File("prod.contract.json"), File.ReadAllText(directory.File("prod.contract.json")).Replace("\"max\": 12", "\"max\": 20", StringComparison.Ordinal));

        var second = Run(config);

        Assert.Equal((3, 0), (second.Computed, second.Reused));
        Assert.False(first.Windows[1].Contract.Single(r => r.Check == "max").Passed);
        Assert.True(second.Windows[1].Contract.Single(r => r.Check == "max").Passed);
    }

    [Fact]
    public void An_old_history_without_contract_rates_is_read_and_its_windows_judged_again()
    {
        var config = MonitorData.WriteConfig(directory, "\"contract\": \"prod.contract.json\"");
        var first = Run(config);
        var history = directory.File(Path.Combine(".modelgates", "history.duckdb"));

        // What a history written before the per-window contract holds: records without 'format', 'missing', 'contract'.
        using (var connection = new DuckDBConnection($"Data Source={history}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                update monitor_windows set record = json_object(
                  'key', record->>'key', 'start', record->>'start', 'end', record->>'end', 'rows', (record->>'rows')::BIGINT,
                  'labelledRows', (record->>'labelledRows')::BIGINT, 'status', record->>'status', 'reasons', record->'reasons',
                  'hash', record->>'hash', 'driftedShare', record->'driftedShare', 'datasetDrift', (record->>'datasetDrift')::BOOLEAN,
                  'drift', record->'drift', 'predictionDrift', record->'predictionDrift', 'realized', record->'realized', 'estimated', record->'estimated')
                """;
            command.ExecuteNonQuery();
        }

        using (var store = ModelGates.Monitoring.History.HistoryStore.Open(history))
        {
            var old = store.Windows("prod");
            Assert.Equal(3, old.Count);
            Assert.All(old, w => Assert.Equal((1, 0, 0), (w.Format, w.Contract.Count, w.Missing.Count)));
            Assert.Equal(first.Windows.Select(w => w.Hash), old.Select(w => w.Hash));
        }

        var second = Run(config);

        Assert.Equal((3, 0), (second.Computed, second.Reused));
        Assert.Equal(first.Windows.Select(WindowRecordJson.ToText), second.Windows.Select(WindowRecordJson.ToText));
    }
}
