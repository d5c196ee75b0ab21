using Microsoft.ML;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>ML.NET models scored in process agree with ML.NET's own evaluators where both define a metric.</summary>
public sealed class MlNetScoringTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public void Binary_metrics_match_MLNET_BinaryClassification_Evaluate()
    {
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", fixture.BinaryModel);
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request with { PositiveClass = "yes" });

        var ml = new MLContext(seed: 1);
        var expected = ml.BinaryClassification.Evaluate(TrainedModels.Score(fixture.BinaryModel, fixture.Holdout));
        Assert.Equal("Probability", result.ScoreSource);
        Assert.Equal(fixture.Holdout.Count, result.Rows);
        Assert.Equal(expected.AreaUnderRocCurve, result.Value("auc")!.Value.Value!.Value, 1e-6);
        Assert.Equal(expected.Accuracy, result.Value("accuracy")!.Value.Value!.Value, 1e-9);
        Assert.Equal(expected.PositivePrecision, result.Value("precision")!.Value.Value!.Value, 1e-9);
        Assert.Equal(expected.PositiveRecall, result.Value("recall")!.Value.Value!.Value, 1e-9);
        Assert.Equal(expected.F1Score, result.Value("f1")!.Value.Value!.Value, 1e-9);

        // ML.NET's LogLoss is in bits (log base 2); ModelGates follows scikit-learn (natural log).
        Assert.Equal(expected.LogLoss * Math.Log(2), result.Value("logLoss")!.Value.Value!.Value, 1e-4);
    }

    [Fact]
    public void Multiclass_metrics_match_MLNET_and_classes_come_from_the_label_key_values()
    {
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Multiclass, "Species", fixture.MulticlassModel);
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request);

        var expected = new MLContext(seed: 1).MulticlassClassification.Evaluate(TrainedModels.Score(fixture.MulticlassModel, fixture.Holdout), topKPredictionCount: 2);
        Assert.Equal(3, result.ClassNames.Count);
        Assert.Contains("setosa", result.ClassNames);
        Assert.Equal(expected.MicroAccuracy, result.Value("accuracy")!.Value.Value!.Value, 1e-9);

        // ML.NET's macro accuracy is the mean per-class recall; ModelGates reports each class's recall by label.
        var recalls = result.ClassNames.Select(c => result.Value("recall." + c)!.Value.Value!.Value).ToList();
        Assert.Equal(expected.MacroAccuracy, recalls.Average(), 1e-9);
        Assert.Equal(expected.LogLoss, result.Value("logLoss")!.Value.Value!.Value, 1e-4);
        Assert.Equal(expected.TopKAccuracy, result.Value("topKAccuracy")!.Value.Value!.Value, 1e-9);
    }

    [Fact]
    public void Regression_metrics_match_MLNET_Regression_Evaluate()
    {
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Regression, "Target", fixture.RegressionModel);
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request);

        var expected = new MLContext(seed: 1).Regression.Evaluate(TrainedModels.Score(fixture.RegressionModel, fixture.Holdout));
        Assert.Equal(expected.RootMeanSquaredError, result.Value("rmse")!.Value.Value!.Value, 1e-4);
        Assert.Equal(expected.MeanAbsoluteError, result.Value("mae")!.Value.Value!.Value, 1e-4);
        Assert.Equal(expected.RSquared, result.Value("r2")!.Value.Value!.Value, 1e-4);
    }

    [Fact]
    public void Credit_risk_sample_auc_matches_MLNET_on_the_holdout()
    {
        var (engine, request) = EvaluationFixture.Request(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), ModelTask.Binary, "Status", RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"));
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request with { PositiveClass = "bad" });

        var ml = new MLContext(seed: 42);
        var model = ml.Model.Load(RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), out var _schema);
        var columns = new[] { "Status", "Seniority", "Home", "Time", "Age", "Marital", "Records", "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price" }
            .Select((name, i) => new Microsoft.ML.Data.TextLoader.Column(name, name is "Status" or "Home" or "Marital" or "Records" or "Job" ? Microsoft.ML.Data.DataKind.String : Microsoft.ML.Data.DataKind.Single, i))
            .ToArray();
        var holdout = ml.Data.CreateTextLoader(new Microsoft.ML.Data.TextLoader.Options { Columns = columns, HasHeader = true, Separators = [','] })
            .Load(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"));
        var expected = ml.BinaryClassification.Evaluate(model.Transform(holdout));
        Assert.Equal(expected.AreaUnderRocCurve, result.Value("auc")!.Value.Value!.Value, 1e-6);
        Assert.Equal(expected.Accuracy, result.Value("accuracy")!.Value.Value!.Value, 1e-9);
    }

    [Fact]
    public void Uncalibrated_model_is_scored_by_its_Score_with_a_note_and_no_probability_metrics()
    {
        var path = TrainedModels.UncalibratedBinary(fixture.Directory.File("perceptron.zip"), TrainedModels.Rows(300, seed: 3));
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", path);
        using var _ = engine;
        var result = ModelEvaluation.Run(engine, request with { PositiveClass = "yes", Metrics = new() { DecisionThreshold = 0 } });

        Assert.Equal("Score", result.ScoreSource);
        Assert.Contains(result.Notes, n => n.Contains("not calibrated", StringComparison.Ordinal));
        Assert.Null(result.Value("logLoss")!.Value.Value);
        Assert.True(result.Value("auc")!.Value.Value > 0.8);
    }

    [Fact]
    public void Numbers_written_as_text_convert_to_the_Single_inputs_and_give_the_same_scores()
    {
        var text = fixture.Directory.Write("as-text.csv", File.ReadAllText(fixture.HoldoutCsv));
        var (engine, request) = EvaluationFixture.Request(text, ModelTask.Binary, "Outcome", fixture.BinaryModel);
        using var _ = engine;
        var typed = ModelEvaluation.Run(engine, request with { PositiveClass = "yes" });
        using var engine2 = new ModelGates.Data.DataEngine();
        var data = ModelGates.Data.DatasetLoader.Load(engine2, new ModelGates.Data.DatasetSource(text) { Csv = new() { ColumnTypes = new Dictionary<string, string> { ["X1"] = "VARCHAR", ["X2"] = "VARCHAR", ["Flag"] = "VARCHAR" } } });
        var asText = ModelEvaluation.Run(engine2, request with { Data = data, TextData = ModelGates.Data.DatasetLoader.Load(engine2, new ModelGates.Data.DatasetSource(text) { AllText = true }), PositiveClass = "yes" });
        Assert.Equal("VARCHAR", data.Find("X1")!.SqlType);

        Assert.Equal(typed.Value("auc"), asText.Value("auc"));
        Assert.Equal(typed.Value("logLoss"), asText.Value("logLoss"));
    }

    [Fact]
    public void Missing_input_column_is_MG4013_naming_the_column()
    {
        var csv = fixture.Directory.Write("no-x2.csv", string.Join('\n', File.ReadAllLines(fixture.HoldoutCsv).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 1)))) + "\n");
        var (engine, request) = EvaluationFixture.Request(csv, ModelTask.Binary, "Outcome", fixture.BinaryModel);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { PositiveClass = "yes" }));
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
        Assert.Equal("MG4013", error.Diagnostics[0].Code);
        Assert.Contains("'X2'", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_number_is_MG4013_naming_the_column_and_the_value()
    {
        // Two words in a few hundred rows make the column text (one would be a bad record: StrayValueTests).
        var lines = File.ReadAllLines(fixture.HoldoutCsv);
        lines[5] = "n/a" + lines[5][lines[5].IndexOf(',', StringComparison.Ordinal)..];
        lines[6] = "unknown" + lines[6][lines[6].IndexOf(',', StringComparison.Ordinal)..];
        var csv = fixture.Directory.Write("bad-x1.csv", string.Join('\n', lines) + "\n");
        var (engine, request) = EvaluationFixture.Request(csv, ModelTask.Binary, "Outcome", fixture.BinaryModel);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { PositiveClass = "yes" }));
        Assert.Equal("MG4013", error.Diagnostics[0].Code);
        Assert.Contains("'X1'", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'n/a'", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_saved_without_input_schema_is_MG4012()
    {
        var path = TrainedModels.Binary(fixture.Directory.File("no-schema.zip"), TrainedModels.Rows(200, seed: 4), saveSchema: false);
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", path);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { PositiveClass = "yes" }));
        Assert.Equal("MG4012", error.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_MG4010()
    {
        var path = fixture.Directory.Write("not-a-model.zip", "hello");
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", path);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { PositiveClass = "yes" }));
        Assert.Equal("MG4010", error.Diagnostics[0].Code);
    }

    [Fact]
    public void Wrong_task_is_MG4014_with_exit_code_2()
    {
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Species", fixture.MulticlassModel);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request));
        Assert.Equal("MG4014", error.Diagnostics[0].Code);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    [Fact]
    public void Positive_class_that_does_not_occur_is_MG4020()
    {
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", fixture.BinaryModel);
        using var _ = engine;

        var error = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request with { PositiveClass = "Yes" }));
        Assert.Equal("MG4020", error.Diagnostics[0].Code);
        Assert.Contains("'yes'", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FastTree_model_loads_because_the_engine_ships_the_trainer_assembly()
    {
        var path = TrainedModels.FastTreeBinary(fixture.Directory.File("fasttree.zip"), TrainedModels.Rows(300, seed: 5));
        var (engine, request) = EvaluationFixture.Request(fixture.HoldoutCsv, ModelTask.Binary, "Outcome", path);
        using var _ = engine;

        var result = ModelEvaluation.Run(engine, request with { PositiveClass = "yes" });
        Assert.True(result.Value("auc")!.Value.Value > 0.8);
    }
}
