using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Baselines;
using ModelGates.Monitoring.Promotion;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>
/// What a promotion writes: the challenger's bytes over the gate's model, the baseline of its metrics, the lock with
/// its hash and a champion record in the history, all or nothing.
/// </summary>
public sealed class PromotionCommitTests(TrainedCreditModels trained) : IClassFixture<TrainedCreditModels>
{
    private static readonly DateTimeOffset Time = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);
    private readonly CreditModels models = trained.Models;

    [Fact]
    public void A_promotion_writes_the_model_the_baseline_the_lock_and_the_champion_record()
    {
        using var workspace = new PromotionWorkspace(models);
        var challengerBytes = File.ReadAllBytes(models.Good);
        var hash = Convert.ToHexStringLower(SHA256.HashData(challengerBytes));
        var championHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(workspace.Model)));

        var result = Promote(workspace, models.Good);

        Assert.True(result.Promoted);
        Assert.Equal(["model/credit-risk.zip", "baselines/credit-risk.baseline.json", "modelgates.lock.json", ".modelgates/history.duckdb"], result.Written);
        Assert.Equal(challengerBytes, File.ReadAllBytes(workspace.Model));

        var locked = ModelLockFile.Read(workspace.Lock)["model/credit-risk.zip"];
        Assert.Equal(hash, locked.Sha256);
        Assert.Equal(challengerBytes.LongLength, locked.Bytes);

        // The baseline is the challenger's, measured as accept measures it: the gate's lineage and lock checks agree with it.
        var baseline = BaselineMetricsJson.Read(workspace.Baseline);
        Assert.Equal(hash, baseline.Scored.Sha256);
        Assert.Equal("../model/credit-risk.zip", baseline.Scored.Path);
        Assert.Equal(result.Comparisons[0].Challenger, baseline.Find("auc")!.Value);
        var check = GateRunner.Run(GatesConfigReader.Read(workspace.Config), new GateRunOptions());
        Assert.DoesNotContain(check.Diagnostics, d => d.Code is "MG5004" or "MG4008");

        // The champion row, in the columns of the shared history contract.
        using var connection = new DuckDBConnection($"Data Source={workspace.History};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select promoted_at, model, model_hash, data_hashes, metrics, git_commit, record from champions";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(Time.UtcDateTime, reader.GetDateTime(0));
        Assert.Equal("credit-risk", reader.GetString(1));
        Assert.Equal(hash, reader.GetString(2));
        using var dataHashes = JsonDocument.Parse(reader.GetString(3));
        Assert.Equal(baseline.Data.Sha256, dataHashes.RootElement.GetProperty("holdout").GetString());
        using var metrics = JsonDocument.Parse(reader.GetString(4));
        Assert.Equal(result.Comparisons[0].Challenger, metrics.RootElement.GetProperty("auc").GetDouble());
        Assert.Equal(baseline.Find("recall")!.Value, metrics.RootElement.GetProperty("recall").GetDouble());
        using var record = JsonDocument.Parse(reader.GetString(6));
        Assert.Equal("modelgates.champion", record.RootElement.GetProperty("kind").GetString());
        Assert.Equal(championHash, record.RootElement.GetProperty("previousModelHash").GetString());
        Assert.Equal(reader.IsDBNull(5) ? JsonValueKind.Null : JsonValueKind.String, record.RootElement.GetProperty("gitCommit").ValueKind);
        Assert.Equal("auc", record.RootElement.GetProperty("decision").GetProperty("metric").GetString());
        Assert.False(reader.Read());

        // Monitors count their cooldown from this time.
        Assert.Equal(Time.UtcDateTime, ChampionLog.LastPromotion(workspace.History, "credit-risk"));
        Assert.Null(ChampionLog.LastPromotion(workspace.History, "other-model"));
    }

    [Fact]
    public void A_second_promotion_adds_a_record_and_the_cooldown_counts_from_it()
    {
        using var workspace = new PromotionWorkspace(models);

        Assert.True(Promote(workspace, models.Good).Promoted);
        Assert.True(Promote(workspace, models.Champion, Time.AddDays(3)).Promoted);

        Assert.Equal(2, ChampionLog.Records(workspace.History, "credit-risk").Count);
        Assert.Equal(Time.AddDays(3).UtcDateTime, ChampionLog.LastPromotion(workspace.History, "credit-risk"));
        Assert.Equal(File.ReadAllBytes(models.Champion), File.ReadAllBytes(workspace.Model));
    }

    [Fact]
    public void A_write_that_fails_half_way_puts_every_file_back_and_rolls_the_record_back()
    {
        using var workspace = new PromotionWorkspace(models);

        // The baseline's path is taken by a folder: the model is replaced first, then the baseline write fails.
        File.Delete(workspace.Baseline);
        Directory.CreateDirectory(workspace.Baseline);
        var before = workspace.Snapshot();

        var e = Assert.ThrowsAny<ModelGatesException>(() => Promote(workspace, models.Good));

        Assert.Equal("MG0020", Assert.Single(e.Diagnostics).Code);
        Assert.Equal(before, workspace.Snapshot().Where(f => !f.Key.StartsWith(".modelgates", StringComparison.Ordinal)).ToDictionary());
        Assert.Empty(ChampionLog.Records(workspace.History, "credit-risk"));
        Assert.Null(ChampionLog.LastPromotion(workspace.History, "credit-risk"));
    }

    [Fact]
    public void A_history_that_is_not_a_DuckDB_file_is_MG6042_with_exit_code_3_and_nothing_changes()
    {
        using var workspace = new PromotionWorkspace(models);
        Directory.CreateDirectory(Path.GetDirectoryName(workspace.History)!);

        // DuckDB itself would open a JSON file as something else and promote into nowhere.
        File.Copy(workspace.Config, workspace.History);
        var before = workspace.Snapshot();

        var e = Assert.ThrowsAny<ModelGatesException>(() => Promote(workspace, models.Good));

        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Equal("MG6042", e.Diagnostics[0].Code);
        Assert.Equal(before, workspace.Snapshot());
    }

    private static PromotionResult Promote(PromotionWorkspace workspace, string challenger, DateTimeOffset? time = null) =>
        ChampionPromotion.Promote(GatesConfigReader.Read(workspace.Config), new PromotionRequest { Challenger = challenger, Time = time ?? Time });
}
