using System.Globalization;
using System.Text.Json.Nodes;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Promotion;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring.Promotion;

/// <summary>
/// Without --window, a promotion finds the newest labelled window of the monitor that watches the gate: real seeded
/// ML.NET models are judged on exactly that window's labelled rows, and the champion record names the window.
/// </summary>
public sealed class MonitorWindowPromotionTests(TrainedCreditModels trained) : IClassFixture<TrainedCreditModels>
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly CreditModels models = trained.Models;

    [Fact]
    public void The_newest_labelled_window_of_the_gates_monitor_is_judged_and_recorded()
    {
        using var monitored = new PromotionWorkspace(models);
        using var explicitWindow = new PromotionWorkspace(models);
        WriteProduction(monitored.Folder, labelledWeeks: 2);
        WriteProduction(explicitWindow.Folder, labelledWeeks: 2);
        AddMonitor(monitored.Config);
        AddMonitor(explicitWindow.Config);

        // The same rows as a window file: week 2's, the newest week with labels (week 3 has none yet).
        var week2 = Path.Combine(explicitWindow.Folder, "week2.csv");
        var scoring = File.ReadAllLines(RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv"));
        File.WriteAllLines(week2, [scoring[0], .. scoring.Skip(1 + 300).Take(300)]);

        var found = Promote(monitored, window: null);
        var given = Promote(explicitWindow, window: week2);

        Assert.True(found.Promoted, string.Join("\n", found.Diagnostics.Select(d => d.Message)));
        Assert.Equal(["holdout", "window"], found.Comparisons.Select(c => c.Data));
        Assert.Equal("monitor 'prod', window 2026-06-08T00:00:00Z (300 labelled rows)", found.MonitorWindow);
        var f = found.Comparisons[1];
        var g = given.Comparisons[1];
        Assert.Equal((300, g.Champion, g.Challenger), (f.Rows, f.Champion, f.Challenger));
        Assert.Null(given.MonitorWindow);

        var record = Assert.Single(ChampionLog.Records(monitored.History, "credit-risk"));
        Assert.Contains("\"monitorWindow\":{\"monitor\":\"prod\",\"key\":\"2026-06-08T00:00:00Z\",\"start\":\"2026-06-08T00:00:00Z\",\"end\":\"2026-06-15T00:00:00Z\",\"labelledRows\":300}", record, StringComparison.Ordinal);
        Assert.DoesNotContain("monitorWindow", Assert.Single(ChampionLog.Records(explicitWindow.History, "credit-risk")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_labelled_window_the_promotion_is_judged_on_the_holdout_and_says_so()
    {
        using var workspace = new PromotionWorkspace(models);
        WriteProduction(workspace.Folder, labelledWeeks: 0);
        AddMonitor(workspace.Config);

        var result = Promote(workspace, window: null);

        Assert.Equal(["holdout"], result.Comparisons.Select(c => c.Data));
        var note = Assert.Single(result.Diagnostics, d => d.Code == "MG6060");
        Assert.Contains("monitor 'prod' has no window with enough labelled rows yet", note.Message, StringComparison.Ordinal);
        Assert.Equal(workspace.Config, note.File);
    }

    /// <summary>The sample's scoring rows as three weekly batches with a timestamp, labels only in the first weeks.</summary>
    internal static void WriteProduction(string folder, int labelledWeeks)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples", "CreditRisk", "data", "scoring.csv"));
        Directory.CreateDirectory(Path.Combine(folder, "production"));
        for (var week = 0; week < 3; week++)
        {
            var rows = lines.Skip(1 + (week * 300)).Take(300).ToList();
            var text = new List<string> { "decided_at," + lines[0] };
            for (var i = 0; i < rows.Count; i++)
            {
                var ts = Week1.AddDays(7 * week).AddMinutes(i * 30).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var row = week < labelledWeeks ? rows[i] : rows[i][rows[i].IndexOf(',', StringComparison.Ordinal)..];
                text.Add(ts + "," + row);
            }

            File.WriteAllLines(Path.Combine(folder, "production", $"week{week + 1}.csv"), text);
        }
    }

    internal static void AddMonitor(string config)
    {
        var json = JsonNode.Parse(File.ReadAllText(config))!.AsObject();

        // Week 2 of the sample misses Debt in 4 of 300 rows, over the contract's 1 %: a refusal this test is not about.
        json.Remove("contracts");
        json["datasets"]!.AsObject()["production"] = new JsonObject { ["path"] = "production/*.csv" };
        json["monitors"] = new JsonObject
        {
            ["prod"] = new JsonObject
            {
                ["reference"] = "holdout",
                ["data"] = "production",
                ["timestamp"] = "decided_at",
                ["window"] = "7d",
                ["model"] = "credit-risk",
                ["minRows"] = 50,
            },
        };
        File.WriteAllText(config, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private PromotionResult Promote(PromotionWorkspace workspace, string? window) =>
        ChampionPromotion.Promote(GatesConfigReader.Read(workspace.Config), new PromotionRequest
        {
            Challenger = models.Good,
            Window = window,
            Time = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero),
        });
}
