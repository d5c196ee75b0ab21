using DuckDB.NET.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.History;
using ModelGates.Monitoring.Incremental;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>
/// Incremental reruns over real files and a real DuckDB history: a rerun reads through DuckDB only new and changed
/// files and the files sharing a window with them (<see cref="MonitorResult.FilesRead"/> counts them), and every window
/// it reports is the window a full read of every file gives (same hash, same record).
/// </summary>
public sealed class IncrementalRerunTests : IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();

    public IncrementalRerunTests() => MonitorData.WriteReference(directory);

    public void Dispose() => directory.Dispose();

    private string HistoryFile => directory.File(Path.Combine(".modelgates", "history.duckdb"));

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    private static MonitorResult Run(string config) => Assert.Single(MonitorRun.Run(GatesConfigReader.Read(config), Options).Results);

    /// <summary>The same config run on every file with an empty history: what the incremental rerun must equal.</summary>
    private MonitorResult FullRun(string config)
    {
        var saved = HistoryFile + ".saved";
        File.Move(HistoryFile, saved);
        try
        {
            var full = Run(config);
            Assert.Equal(full.Windows.Count, full.Computed);
            return full;
        }
        finally
        {
            File.Delete(HistoryFile);
            File.Move(saved, HistoryFile);
        }
    }

    private void WriteWeeks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            MonitorData.WriteBatch(directory, $"w{i + 1}.csv", Week1.AddDays(7 * i), 100, seed: 2 + i);
        }
    }

    private static void AssertSameWindows(MonitorResult expected, MonitorResult actual)
    {
        Assert.Equal(expected.Windows.Select(w => (w.Key, w.Hash, w.Rows)), actual.Windows.Select(w => (w.Key, w.Hash, w.Rows)));
        Assert.Equal(expected.Windows.Select(WindowRecordJson.ToText), actual.Windows.Select(WindowRecordJson.ToText));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    public void A_new_file_of_a_new_week_is_the_only_file_read_and_the_only_window_judged(string zone)
    {
        WriteWeeks(3);
        var config = MonitorData.WriteConfig(directory, $"\"timeZone\": \"{zone}\"");
        var first = Run(config);

        MonitorData.WriteBatch(directory, "w4.csv", Week1.AddDays(21), 100, seed: 9);
        var rerun = Run(config);

        Assert.Equal((3, 3, 0), (first.FilesRead, first.Computed, first.Reused));
        Assert.Equal((1, 1, 3), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        AssertSameWindows(FullRun(config), rerun);
    }

    [Fact]
    public void A_rerun_with_no_file_changed_reads_no_file_and_still_reports_rows_without_a_timestamp()
    {
        WriteWeeks(2);
        directory.Write(Path.Combine("batches", "w3.csv"), MonitorData.Header + "\n2026-06-16 12:00:00,10.5,a,0,0.3\n,10.1,a,1,0.8\n");
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);
        var rerun = Run(config);

        Assert.Equal((0, 0, 3), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        AssertSameWindows(first, rerun);
        var expected = Assert.Single(first.Diagnostics, d => d.Code == "MG6005");
        Assert.Equal(expected, Assert.Single(rerun.Diagnostics, d => d.Code == "MG6005"));
        Assert.Contains("1 of 202 rows", expected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_file_with_a_late_row_judges_the_old_window_again_from_every_file_in_it()
    {
        WriteWeeks(3);
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);

        // Week 4's batch brings a row of week 1: week 1 is judged again, with w1.csv read again; weeks 2 and 3 are not read.
        directory.Write(Path.Combine("batches", "w4.csv"), MonitorData.Header + "\n2026-06-03 12:00:00,10.5,a,0,0.3\n2026-06-23 12:00:00,10.1,a,0,0.2\n");
        var rerun = Run(config);

        Assert.Equal((2, 2), (rerun.Computed, rerun.Reused));
        Assert.Equal(3, rerun.FilesRead); // w4.csv alone to place its rows, then w4.csv with w1.csv
        Assert.Equal(first.Windows[0].Rows + 1, rerun.Windows[0].Rows);
        Assert.NotEqual(first.Windows[0].Hash, rerun.Windows[0].Hash);
        AssertSameWindows(FullRun(config), rerun);
    }

    [Fact]
    public void A_changed_old_file_judges_its_windows_again_reading_only_that_file()
    {
        WriteWeeks(3);
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);

        MonitorData.WriteBatch(directory, "w2.csv", Week1.AddDays(7), 100, shift: 4, seed: 3);
        var rerun = Run(config);

        Assert.Equal((1, 1, 2), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        Assert.NotEqual(first.Windows[1].Hash, rerun.Windows[1].Hash);
        Assert.Equal(WindowStatus.Breach, rerun.Windows[1].Status);
        AssertSameWindows(FullRun(config), rerun);
    }

    [Fact]
    public void A_file_of_the_same_size_with_one_value_edited_is_told_by_its_hash()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);
        var path = directory.File(Path.Combine("batches", "w1.csv"));
        var text = File.ReadAllText(path);
        var at = text.IndexOf(",a,", StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + ",b," + text[(at + 3)..]);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(directory.File(Path.Combine("batches", "w2.csv"))));

        var rerun = Run(config);

        Assert.Equal((1, 1, 1), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        Assert.NotEqual(first.Windows[0].Hash, rerun.Windows[0].Hash);
    }

    [Fact]
    public void A_deleted_last_week_drops_its_window_unread_and_a_deleted_middle_week_empties_its_window()
    {
        WriteWeeks(4);
        var config = MonitorData.WriteConfig(directory);
        Run(config);

        File.Delete(directory.File(Path.Combine("batches", "w4.csv")));
        var lastGone = Run(config);
        File.Delete(directory.File(Path.Combine("batches", "w2.csv")));
        var middleGone = Run(config);

        Assert.Equal((0, 0, 3), (lastGone.FilesRead, lastGone.Computed, lastGone.Reused));
        Assert.Equal(3, lastGone.Windows.Count);

        // Week 2 is now a gap between weeks 1 and 3: judged empty, which takes a full read of the files left.
        Assert.Equal(2, middleGone.FilesRead);
        Assert.Equal((1, 2), (middleGone.Computed, middleGone.Reused));
        Assert.Equal((0L, WindowStatus.Insufficient), (middleGone.Windows[1].Rows, middleGone.Windows[1].Status));
        AssertSameWindows(FullRun(config), middleGone);
    }

    [Fact]
    public void A_history_of_schema_version_1_is_migrated_and_read_in_full_once()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory);
        var first = Run(config);
        using (var connection = new DuckDBConnection($"Data Source={HistoryFile}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "drop table monitor_inputs; update monitor_meta set value = '1' where key = 'schemaVersion'";
            command.ExecuteNonQuery();
        }

        var migrated = Run(config);
        MonitorData.WriteBatch(directory, "w3.csv", Week1.AddDays(14), 100, seed: 7);
        var rerun = Run(config);

        Assert.Equal((2, 0, 2), (migrated.FilesRead, migrated.Computed, migrated.Reused));
        AssertSameWindows(first, migrated);
        Assert.Equal((1, 1, 2), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        using var connection2 = new DuckDBConnection($"Data Source={HistoryFile}");
        connection2.Open();
        using var read = connection2.CreateCommand();
        read.CommandText = "select value from monitor_meta where key = 'schemaVersion'";
        Assert.Equal("2", read.ExecuteScalar());
        read.CommandText = "select state from monitor_inputs where monitor = 'prod'";
        Assert.Equal(3, InputState.Read((string)read.ExecuteScalar()!)!.Files.Count);
    }

    [Fact]
    public void An_invalidated_record_of_the_files_makes_the_next_run_read_every_file()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory);
        Run(config);

        // What a run killed after its first window leaves: the record emptied before any window changed.
        using (var store = HistoryStore.Open(HistoryFile))
        {
            Assert.NotNull(InputState.Read(store.InputState("prod")));
            store.SaveInputState("prod", string.Empty, DateTime.UtcNow);
        }

        var rerun = Run(config);
        var after = Run(config);

        Assert.Equal((2, 0, 2), (rerun.FilesRead, rerun.Computed, rerun.Reused));
        Assert.Equal(0, after.FilesRead);
    }

    [Fact]
    public void A_changed_config_reads_every_file_and_judges_every_window_again()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory);
        Run(config);
        var reconfigured = Run(MonitorData.WriteConfig(directory, "\"severity\": \"warning\""));

        Assert.Equal((2, 2, 0), (reconfigured.FilesRead, reconfigured.Computed, reconfigured.Reused));
    }

    [Fact]
    public void A_new_file_whose_values_do_not_fit_the_recorded_types_sends_the_run_to_a_full_read()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory);
        Run(config);

        // x was read as DOUBLE; this file's x is text, which the whole dataset's read widens to VARCHAR.
        directory.Write(Path.Combine("batches", "w3.csv"), MonitorData.Header + "\n2026-06-16 12:00:00,high,a,0,0.3\n");
        var rerun = Run(config);

        Assert.Equal(1 + 3, rerun.FilesRead); // the new file alone, refused, then all three
    }

    [Fact]
    public void Row_windows_read_every_file_on_every_run()
    {
        WriteWeeks(2);
        var config = MonitorData.WriteConfig(directory, window: "\"40 rows\"");
        Run(config);
        var rerun = Run(config);

        Assert.Equal((2, 0), (rerun.FilesRead, rerun.Computed));
        Assert.Equal(rerun.Windows.Count, rerun.Reused);
    }
}
