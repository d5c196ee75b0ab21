using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.History;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>Monitors over real files and a real DuckDB history: windows, incremental reruns, changed windows, time zones.</summary>
public sealed class MonitorRunTests : IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();

    public MonitorRunTests() => MonitorData.WriteReference(directory);

    public void Dispose() => directory.Dispose();

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private MonitorResult Run(string config) => Assert.Single(MonitorRun.Run(GatesConfigReader.Read(config), Options).Results);

    [Fact]
    public void A_rerun_judges_no_window_again_and_reads_back_the_same_records()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, seed: 3);
        var config = MonitorData.WriteConfig(directory);

        var first = Run(config);
        var second = Run(config);

        Assert.Equal((2, 0), (first.Computed, first.Reused));
        Assert.Equal((0, 2), (second.Computed, second.Reused));
        Assert.Equal(first.Windows.Select(WindowRecordJson.ToText), second.Windows.Select(WindowRecordJson.ToText));
        Assert.Equal([WindowStatus.Ok, WindowStatus.Ok], first.Windows.Select(w => w.Status));
        Assert.All(first.Windows, w => Assert.Contains(w.Realized, m => m.Metric == "auc" && m.Value > 0.7));
        Assert.All(first.Windows, w => Assert.Equal("score", w.Prediction!.Column));
        Assert.True(File.Exists(directory.File(Path.Combine(".modelgates", "history.duckdb"))));
    }

    [Fact]
    public void A_late_row_changes_its_window_hash_and_only_that_window_is_judged_again()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, seed: 3);
        var config = MonitorData.WriteConfig(directory);
        var before = Run(config);

        // A row of week 1 arrives with week 3's batch.
        directory.Write(Path.Combine("batches", "w3.csv"), MonitorData.Header + "\n2026-06-03 12:00:00,10.5,a,0,0.3\n2026-06-16 12:00:00,10.1,a,0,0.2\n");
        var after = Run(config);

        Assert.Equal(3, after.Windows.Count);
        Assert.Equal((2, 1), (after.Computed, after.Reused));
        Assert.Equal(before.Windows[0].Rows + 1, after.Windows[0].Rows);
        Assert.NotEqual(before.Windows[0].Hash, after.Windows[0].Hash);
        Assert.Equal(before.Windows[1].Hash, after.Windows[1].Hash);
        Assert.Equal(WindowStatus.Insufficient, after.Windows[2].Status);
    }

    [Fact]
    public void An_edited_value_changes_the_hash_and_a_changed_config_judges_every_window_again()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);

        var batch = directory.File(Path.Combine("batches", "w1.csv"));
        var lines = File.ReadAllLines(batch);
        lines[5] = lines[5].Split(',')[0] + ",99,b,1,0.9";
        File.WriteAllLines(batch, lines);
        var edited = Run(config);
        MonitorData.WriteConfig(directory, trigger: "{ \"breaches\": 1, \"of\": 3 }");
        var reconfigured = Run(config);

        Assert.Equal(1, edited.Computed);
        Assert.NotEqual(first.Windows[0].Hash, edited.Windows[0].Hash);
        Assert.Equal(1, reconfigured.Computed);
        Assert.NotEqual(edited.Windows[0].Hash, reconfigured.Windows[0].Hash);
    }

    [Fact]
    public void An_empty_week_between_batches_is_an_insufficient_window_that_neither_passes_nor_breaches()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 100, seed: 3);

        var result = Run(MonitorData.WriteConfig(directory));

        Assert.Equal(["2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z"], result.Windows.Select(w => w.Key));
        Assert.Equal(0, result.Windows[1].Rows);
        Assert.Equal(WindowStatus.Insufficient, result.Windows[1].Status);
        Assert.Equal(2, result.Retrain.Judged);
        Assert.Contains(result.Diagnostics, d => d.Code == "MG6003" && d.Message.Contains("2026-06-08", StringComparison.Ordinal));
    }

    [Fact]
    public void Drifted_weeks_breach_and_make_retraining_due_with_mg6001_at_the_trigger()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, shift: 3, seed: 3);
        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 100, shift: 3, seed: 4, labels: false);

        var result = Run(MonitorData.WriteConfig(directory));

        Assert.Equal([WindowStatus.Ok, WindowStatus.Breach, WindowStatus.Breach], result.Windows.Select(w => w.Status));
        Assert.Contains(result.Windows[1].Reasons, r => r.StartsWith("drifted share", StringComparison.Ordinal));
        Assert.Contains(result.Windows[1].Columns, c => c.Column == "x" && c.Status == "drift" && c.Lower is not null && c.Upper is not null);
        Assert.Equal(0, result.Windows[2].LabelledRows);
        Assert.Empty(result.Windows[2].Realized);
        // No labels yet: the window is estimated (CBPE), and an estimate whose band reaches the floor is no breach of its own.
        var estimate = Assert.Single(result.Windows[2].Estimated);
        Assert.Equal(("auc", 0.7), (estimate.Metric, estimate.Floor));
        Assert.InRange(estimate.Value!.Value, estimate.Lower!.Value, estimate.Upper!.Value);
        Assert.DoesNotContain(result.Windows[2].Reasons, r => r.StartsWith("estimated", StringComparison.Ordinal));
        Assert.True(result.Retrain.Due);
        Assert.Equal(["2026-06-08T00:00:00Z", "2026-06-15T00:00:00Z"], result.Retrain.Windows);
        var due = Assert.Single(result.Diagnostics, d => d.Code == "MG6001");
        Assert.Equal(Severity.Error, due.Severity);
        Assert.Equal(directory.File("modelgates.json"), due.File);
        Assert.NotNull(due.Line);
    }

    [Fact]
    public void Check_runs_the_monitors_as_gates_and_fails_when_retraining_is_due_at_error_severity()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100, shift: 3);
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, shift: 3, seed: 3);
        var config = GatesConfigReader.Read(MonitorData.WriteConfig(directory));

        var report = GateRunner.Run(config, Options);
        var warned = GateRunner.Run(GatesConfigReader.Read(MonitorData.WriteConfig(directory, trigger: "{ \"breaches\": 2, \"of\": 3, \"severity\": \"warning\" }")), Options);

        var gate = Assert.Single(report.Gates, g => g.Kind == "monitor");
        Assert.Equal("prod", gate.Name);
        Assert.Equal(Checks.CheckStatus.Failed, Assert.Single(gate.Checks, c => c.Id == "monitor:prod/retrain").Status);
        Assert.False(report.Passed);
        Assert.True(warned.Passed);
        Assert.Contains(warned.Diagnostics, d => d.Code == "MG6001" && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Naive_timestamps_are_read_in_the_time_zone_and_timestamps_with_an_offset_are_instants()
    {
        // 23:30 on Sunday 7 June: in Berlin a naive time is that local day; 23:30Z is already Monday 01:30 in Berlin.
        MonitorData.WriteBatch(directory, "w1.csv", new DateTime(2026, 6, 7, 23, 30, 0), 1);
        var naive = Run(MonitorData.WriteConfig(directory, "\"timeZone\": \"Europe/Berlin\"", window: "\"1d\""));
        Directory.Delete(directory.File(".modelgates"), recursive: true);
        MonitorData.WriteBatch(directory, "w1.csv", new DateTime(2026, 6, 7, 23, 30, 0), 1, format: t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture));
        var instant = Run(MonitorData.WriteConfig(directory, "\"timeZone\": \"Europe/Berlin\"", window: "\"1d\""));

        Assert.Equal("2026-06-06T22:00:00Z", Assert.Single(naive.Windows).Key);
        Assert.Equal("2026-06-07T22:00:00Z", Assert.Single(instant.Windows).Key);
    }

    [Fact]
    public void Row_windows_cut_in_timestamp_order_and_the_last_may_be_short()
    {
        // Rows written out of time order: the window of the first 40 holds the earliest 40.
        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 50, seed: 3);
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 50);

        var result = Run(MonitorData.WriteConfig(directory, window: "\"40 rows\""));

        Assert.Equal(["rows:0", "rows:1", "rows:2"], result.Windows.Select(w => w.Key));
        Assert.Equal([40L, 40L, 20L], result.Windows.Select(w => w.Rows));
        Assert.True(result.Windows[0].End < result.Windows[1].Start);
        Assert.Equal(Week1, result.Windows[0].Start);
    }

    [Fact]
    public void Rows_without_a_timestamp_are_reported_not_dropped()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        directory.Write(Path.Combine("batches", "late.csv"), MonitorData.Header + "\n,10.5,a,0,0.3\n2026-06-03 12:00:00,10.1,a,0,0.2\n");

        var result = Run(MonitorData.WriteConfig(directory));

        var warning = Assert.Single(result.Diagnostics, d => d.Code == "MG6005");
        Assert.Contains("1 of 102 rows", warning.Message, StringComparison.Ordinal);
        Assert.Equal(101, Assert.Single(result.Windows).Rows);
    }

    [Fact]
    public void A_timestamp_column_of_text_is_mg6004_at_the_timestamp_key()
    {
        directory.Write(Path.Combine("batches", "w1.csv"), MonitorData.Header + "\nmonday,10.5,a,0,0.3\n");

        var e = Assert.Throws<DataReadException>(() => Run(MonitorData.WriteConfig(directory)));

        Assert.Equal("MG6004", e.Diagnostics[0].Code);
        Assert.Contains("VARCHAR", e.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
    }

    [Fact]
    public void A_history_that_is_not_a_duckdb_file_is_mg6006()
    {
        MonitorData.WriteBatch(directory, "w1.csv", Week1, 100);
        directory.Write(Path.Combine(".modelgates", "history.duckdb"), "not a database");

        var e = Assert.Throws<DataReadException>(() => Run(MonitorData.WriteConfig(directory)));

        Assert.Equal("MG6006", e.Diagnostics[0].Code);
    }
}
