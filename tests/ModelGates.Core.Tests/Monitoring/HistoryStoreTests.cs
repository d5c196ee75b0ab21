using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Monitoring;
using ModelGates.Monitoring.History;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>The history file: a window is written whole or not at all, and a rerun after a crash finds it consistent.</summary>
public sealed class HistoryStoreTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string HistoryPath => directory.File(Path.Combine(".modelgates", "history.duckdb"));

    private static WindowRecord Window(string hash, string status = WindowStatus.Ok) => new()
    {
        Key = "2026-06-01T00:00:00Z",
        Start = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc),
        End = new DateTime(2026, 6, 8, 0, 0, 0, DateTimeKind.Utc),
        Rows = 120,
        LabelledRows = 100,
        Status = status,
        Hash = hash,
        Columns = [new WindowColumn("x", "ok", "wasserstein", 0.05, 0.01, 0.09, 0.1, 0, 0)],
        Realized = [new WindowMetric("auc", 0.81, null, null, 0.75)],
    };

    [Fact]
    public void A_record_reads_back_as_written()
    {
        var window = Window("h1");
        using (var store = HistoryStore.Open(HistoryPath))
        {
            store.Save("prod", window, Now);
        }

        using var reopened = HistoryStore.Open(HistoryPath);
        var read = Assert.Single(reopened.Windows("prod"));
        Assert.Equal(WindowRecordJson.ToText(window), WindowRecordJson.ToText(read));
        Assert.Empty(reopened.Windows("other"));
    }

    [Fact]
    public void A_write_that_fails_midway_rolls_back_and_keeps_the_previous_record()
    {
        using (var store = HistoryStore.Open(HistoryPath))
        {
            store.Save("prod", Window("h1"), Now);
            store.BetweenStatements = _ => throw new InvalidOperationException("simulated crash between delete and insert");

            Assert.Throws<InvalidOperationException>(() => store.Save("prod", Window("h2", WindowStatus.Breach), Now));
            Assert.Equal("h1", Assert.Single(store.Windows("prod")).Hash);
        }

        // A rerun opens the same file and writes the new record whole.
        using var rerun = HistoryStore.Open(HistoryPath);
        Assert.Equal("h1", Assert.Single(rerun.Windows("prod")).Hash);
        rerun.Save("prod", Window("h2", WindowStatus.Breach), Now);
        var after = Assert.Single(rerun.Windows("prod"));
        Assert.Equal(("h2", WindowStatus.Breach), (after.Hash, after.Status));
    }

    [Fact]
    public void A_connection_that_dies_inside_a_transaction_leaves_nothing_half_written()
    {
        using (var store = HistoryStore.Open(HistoryPath))
        {
            store.Save("prod", Window("h1"), Now);
        }

        // What a killed process leaves: a transaction that deleted the record but never committed.
        using (var connection = new DuckDBConnection($"Data Source={HistoryPath}"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = "delete from monitor_windows where monitor = 'prod'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var reopened = HistoryStore.Open(HistoryPath);
        Assert.Equal("h1", Assert.Single(reopened.Windows("prod")).Hash);
    }

    [Fact]
    public void The_last_promotion_comes_from_the_champions_table_and_none_means_never()
    {
        using (var store = HistoryStore.Open(HistoryPath))
        {
            Assert.Null(store.LastPromotion("credit-risk"));
        }

        using (var connection = new DuckDBConnection($"Data Source={HistoryPath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                create table if not exists champions (
                  promoted_at TIMESTAMP NOT NULL, model VARCHAR NOT NULL, model_hash VARCHAR NOT NULL, data_hashes VARCHAR NOT NULL,
                  metrics VARCHAR NOT NULL, git_commit VARCHAR, record VARCHAR NOT NULL);
                insert into champions values
                  ('2026-10-01 08:00:00', 'credit-risk', 'aa', '{}', '{}', NULL, '{}'),
                  ('2026-11-02 09:30:00', 'credit-risk', 'bb', '{}', '{}', NULL, '{}'),
                  ('2026-11-20 00:00:00', 'other', 'cc', '{}', '{}', NULL, '{}');
                """;
            command.ExecuteNonQuery();
        }

        using var reopened = HistoryStore.Open(HistoryPath);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc), reopened.LastPromotion("credit-risk"));
        Assert.Null(reopened.LastPromotion("never-promoted"));
    }
}
