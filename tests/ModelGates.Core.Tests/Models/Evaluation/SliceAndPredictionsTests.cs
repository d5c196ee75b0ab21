using System.Globalization;
using System.Text;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Predictions files, slices by column and by SQL, per-slice floors, minSliceRows and gaps.</summary>
public sealed class SliceAndPredictionsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    /// <summary>Group a: a perfect ranking (40 rows); group b: a useless one (40 rows); group c: 5 rows.</summary>
    private string Predictions()
    {
        var text = new StringBuilder("group,age,y,p\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a,{20 + i},{(i % 2 == 0 ? "bad" : "good")},{(i % 2 == 0 ? 0.9 : 0.1)}\n");
            text.Append(CultureInfo.InvariantCulture, $"b,{30 + i},{(i % 2 == 0 ? "bad" : "good")},{(i % 4 < 2 ? 0.7 : 0.3)}\n");
        }

        for (var i = 0; i < 5; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"c,{70 + i},{(i % 2 == 0 ? "bad" : "good")},0.5\n");
        }

        return directory.Write("predictions.csv", text.ToString());
    }

    [Fact]
    public void Slices_by_column_and_by_sql_with_floors_gaps_and_min_rows()
    {
        var (engine, request) = EvaluationFixture.Request(Predictions(), ModelTask.Binary, "y");
        using var _ = engine;
        var byGroup = new SliceDefinition
        {
            Group = "group",
            Column = "group",
            Thresholds = [new MetricThreshold("auc", ThresholdKind.Min, 0.7) { SliceGroup = "group" }],
        };
        var byAge = new SliceDefinition { Group = "age", Predicates = [new SlicePredicate("young", "age < 40"), new SlicePredicate("old", "age >= 40")] };
        var result = ModelEvaluation.Run(engine, request with
        {
            PositiveClass = "bad",
            Columns = new PredictionColumns { Score = "p" },
            Slices = [byGroup, byAge],
            Thresholds = [new MetricThreshold("auc", ThresholdKind.MaxGap, 0.49)],
        });

        Assert.Equal(["group=a", "group=b", "group=c", "young", "old"], result.Slices.Select(s => s.Name));
        Assert.Equal([40, 40, 5], result.Slices.Take(3).Select(s => s.Rows));
        Assert.False(result.Slices[2].Gated);
        Assert.Equal(1.0, result.Slices[0].Metrics.First(m => m.Key == "auc").Value.Value);
        Assert.Equal(30, result.Slices[3].Rows);

        var floors = result.Outcomes.Where(o => o.Threshold.Kind == ThresholdKind.Min).ToList();
        Assert.Equal([ThresholdStatus.Passed, ThresholdStatus.Failed, ThresholdStatus.Insufficient], floors.Select(o => o.Status));
        Assert.Equal(["group=a", "group=b", "group=c"], floors.Select(o => o.Scope));

        var gaps = result.Outcomes.Where(o => o.Threshold.Kind == ThresholdKind.MaxGap).ToList();
        Assert.Equal(["group", "age"], gaps.Select(g => g.Scope));
        Assert.Equal(ThresholdStatus.Failed, gaps[0].Status);
        Assert.Equal(0.5, gaps[0].Measured);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Invalid_slice_sql_is_MG4031_with_exit_code_2()
    {
        var (engine, request) = EvaluationFixture.Request(Predictions(), ModelTask.Binary, "y");
        using var _ = engine;
        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with
        {
            PositiveClass = "bad",
            Columns = new PredictionColumns { Score = "p" },
            Slices = [new SliceDefinition { Group = "x", Predicates = [new SlicePredicate("x", "agee < 3")] }],
        }));
        Assert.Equal("MG4031", error.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    [Fact]
    public void Scores_outside_unit_interval_are_free_scores_with_a_note()
    {
        var path = directory.Write("logits.csv", "y,s\n1,2.5\n0,-1\n1,0.3\n0,-3\n");
        var (engine, request) = EvaluationFixture.Request(path, ModelTask.Binary, "y");
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request with { Columns = new PredictionColumns { Score = "s" } });
        Assert.Equal(1.0, result.Value("auc")!.Value.Value);
        Assert.Null(result.Value("logLoss")!.Value.Value);
        Assert.Single(result.Notes);
    }

    [Fact]
    public void Multiclass_predictions_file_with_named_probability_columns()
    {
        var path = directory.Write("iris.csv", "species,p_a,p_b,p_c\na,0.8,0.1,0.1\nb,0.2,0.7,0.1\nc,0.1,0.2,0.7\nc,0.5,0.3,0.2\n");
        var (engine, request) = EvaluationFixture.Request(path, ModelTask.Multiclass, "species");
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request with
        {
            Columns = new PredictionColumns { Probabilities = [new("a", "p_a"), new("b", "p_b"), new("c", "p_c")] },
        });
        Assert.Equal(0.75, result.Value("accuracy")!.Value.Value);
        Assert.Equal(0.5, result.Value("recall.c")!.Value.Value);
    }

    [Fact]
    public void Missing_score_is_MG4021_and_missing_label_is_MG4020()
    {
        var (engine, request) = EvaluationFixture.Request(directory.Write("gaps.csv", "y,p\n1,0.9\n0,\n"), ModelTask.Binary, "y");
        using var _ = engine;
        var score = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { Columns = new PredictionColumns { Score = "p" } }));
        Assert.Equal("MG4021", score.Diagnostics[0].Code);
        Assert.Contains("data row 2", score.Diagnostics[0].Message, StringComparison.Ordinal);

        var (engine2, request2) = EvaluationFixture.Request(directory.Write("nolabel.csv", "y,p\n1,0.9\n,0.2\n0,0.1\n"), ModelTask.Binary, "y");
        using var __ = engine2;
        var label = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine2, request2 with { Columns = new PredictionColumns { Score = "p" } }));
        Assert.Equal("MG4020", label.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, label.ExitCode);
    }

    public void Dispose() => directory.Dispose();
}
