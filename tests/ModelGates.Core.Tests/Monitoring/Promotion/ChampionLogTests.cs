using DuckDB.NET.Data;
using ModelGates.Monitoring.Promotion;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>The champions table of the history: exactly the shared contract's columns, one transaction per record.</summary>
public sealed class ChampionLogTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);
    private readonly TempDirectory directory = new();

    private string History => directory.File(Path.Combine(".modelgates", "history.duckdb"));

    [Fact]
    public void The_table_has_the_columns_types_and_nullability_of_the_history_contract()
    {
        using (ChampionLog.Open(History))
        {
        }

        using var connection = new DuckDBConnection($"Data Source={History};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select column_name, data_type, is_nullable from information_schema.columns where table_name = 'champions' order by ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        }

        Assert.Equal(
            ["promoted_at TIMESTAMP NO", "model VARCHAR NO", "model_hash VARCHAR NO", "data_hashes VARCHAR NO", "metrics VARCHAR NO", "git_commit VARCHAR YES", "record VARCHAR NO"],
            columns);
    }

    [Fact]
    public void A_missing_file_or_table_means_never_promoted()
    {
        Assert.Null(ChampionLog.LastPromotion(History, "credit-risk"));
        Assert.Empty(ChampionLog.Records(History, "credit-risk"));

        // A history that monitors created, without a champions table yet.
        Directory.CreateDirectory(Path.GetDirectoryName(History)!);
        using (var connection = new DuckDBConnection($"Data Source={History}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "create table windows (id INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.Null(ChampionLog.LastPromotion(History, "credit-risk"));
    }

    [Fact]
    public void A_record_is_there_only_after_its_commit()
    {
        using (var log = ChampionLog.Open(History))
        {
            log.Insert(Record("a"));
            log.Rollback();
        }

        Assert.Null(ChampionLog.LastPromotion(History, "credit-risk"));

        using (var log = ChampionLog.Open(History))
        {
            log.Insert(Record("b"));

            // Disposed without a commit, as a killed promotion would be.
        }

        Assert.Null(ChampionLog.LastPromotion(History, "credit-risk"));

        using (var log = ChampionLog.Open(History))
        {
            log.Insert(Record("c"));
            log.Commit();
        }

        Assert.Equal(Time.UtcDateTime, ChampionLog.LastPromotion(History, "credit-risk"));
        var record = Assert.Single(ChampionLog.Records(History, "credit-risk"));
        Assert.Contains("\"modelHash\":\"" + new string('c', 64) + "\"", record, StringComparison.Ordinal);
        Assert.Contains("\"metrics\":{\"auc\":0.8125,\"ece\":null}", record, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private static ChampionRecord Record(string hashDigit) => new(Time, "credit-risk", string.Concat(Enumerable.Repeat(hashDigit, 64)))
    {
        ModelPath = "model/credit-risk.zip",
        ChallengerPath = "model/new.zip",
        DataHashes = [new("holdout", new string('d', 64))],
        Metrics = [new("auc", 0.8125), new("ece", null)],
        Decision = new PromotionDecisionSummary("auc", 0.01, 0.01, []),
    };
}
