using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Rows held in memory score exactly as the same rows read from the dataset do.</summary>
public sealed class RowScoringTests(EvaluationFixture fixture) : IClassFixture<EvaluationFixture>
{
    [Fact]
    public void Binary_rows_in_memory_score_as_the_dataset_does()
    {
        var (fromData, fromRows) = BothWays(fixture.HoldoutCsv, fixture.BinaryModel, ModelTask.Binary);
        Assert.Equal(fixture.Holdout.Count, fromRows.Count);
        Assert.Equal(fromData.BinaryScores!, fromRows.BinaryScores!);
        Assert.Equal("Probability", fromRows.Source);
    }

    [Fact]
    public void Multiclass_rows_in_memory_score_as_the_dataset_does()
    {
        var (fromData, fromRows) = BothWays(fixture.HoldoutCsv, fixture.MulticlassModel, ModelTask.Multiclass);
        Assert.Equal(fromData.ClassNames, fromRows.ClassNames);
        Assert.Equal(fromData.Probabilities!.Cast<double>(), fromRows.Probabilities!.Cast<double>());
    }

    [Fact]
    public void Regression_rows_in_memory_score_as_the_dataset_does()
    {
        var (fromData, fromRows) = BothWays(fixture.HoldoutCsv, fixture.RegressionModel, ModelTask.Regression);
        Assert.Equal(fromData.Values!, fromRows.Values!);
    }

    [Fact]
    public void The_sample_model_scores_its_holdout_rows_in_memory_as_from_the_file()
    {
        var (fromData, fromRows) = BothWays(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), ModelTask.Binary);
        Assert.Equal(827, fromRows.Count);
        Assert.Equal(fromData.BinaryScores!, fromRows.BinaryScores!);
    }

    [Fact]
    public void Dataset_rows_hold_numbers_and_the_text_as_written()
    {
        using var engine = new DataEngine();
        var csv = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
        var rows = DatasetRows.Read(engine, DatasetLoader.Load(engine, new DatasetSource(csv)), DatasetLoader.Load(engine, new DatasetSource(csv) { AllText = true }));

        // Status,Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,... of the first data line.
        Assert.Equal("good", rows[0]["Status"]);
        Assert.Equal("owner", rows[0]["Home"]);
        Assert.Equal("no", rows[0]["Records"]);
        Assert.Equal(214.0, Convert.ToDouble(rows[0]["Income"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_value_that_does_not_convert_names_the_row_the_column_and_the_value()
    {
        var model = MlNetModel.Load(fixture.BinaryModel);
        var good = new Dictionary<string, object?> { ["X1"] = 0.5, ["X2"] = -1.0, ["Color"] = "red", ["Flag"] = "yes", ["Outcome"] = "yes" };
        var bad = new Dictionary<string, object?>(good) { ["X1"] = "lots" };

        var e = Assert.Throws<ModelGatesException>(() => model.Score([good, bad], ModelTask.Binary));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("MG4013", d.Code);
        Assert.Contains("Row 2 has 'lots' (String) for the model's input column 'X1'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_numeric_values_are_missing_and_the_model_reads_its_columns()
    {
        var model = MlNetModel.Load(fixture.BinaryModel);
        Assert.Equal(["X1", "X2", "Color", "Flag", "Outcome", "Species", "Target"], model.InputColumns);
        var scores = model.Score([new Dictionary<string, object?> { ["X1"] = 2.0, ["Color"] = "red", ["Flag"] = true }], ModelTask.Binary);
        Assert.Single(scores.BinaryScores!);
    }

    [Fact]
    public void A_model_trained_in_memory_scores_as_the_same_model_saved_and_loaded()
    {
        var (transformer, schema) = TrainedModels.MulticlassTransformer(TrainedModels.Rows(600, seed: 7));
        var inMemory = MlNetModel.FromTransformer(transformer, schema, "species (in memory)");
        var path = fixture.Directory.File("from-transformer.zip");
        new Microsoft.ML.MLContext(seed: 1).Model.Save(transformer, schema, path);
        var loaded = MlNetModel.Load(path);
        Assert.Equal("species (in memory)", inMemory.Name);
        Assert.Equal(loaded.InputColumns, inMemory.InputColumns);

        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(fixture.HoldoutCsv));
        var text = DatasetLoader.Load(engine, new DatasetSource(fixture.HoldoutCsv) { AllText = true });
        var fromData = (InMemory: inMemory.Score(engine, data, ModelTask.Multiclass, text), Loaded: loaded.Score(engine, data, ModelTask.Multiclass, text));
        Assert.Equal(fixture.Holdout.Count, fromData.InMemory.Count);
        Assert.Equal(["setosa", "versicolor", "virginica"], fromData.InMemory.ClassNames.Order(StringComparer.Ordinal));
        Assert.Equal(fromData.Loaded.ClassNames, fromData.InMemory.ClassNames);
        Assert.Equal(fromData.Loaded.Probabilities!.Cast<double>(), fromData.InMemory.Probabilities!.Cast<double>());

        var rows = DatasetRows.Read(engine, data, text);
        Assert.Equal(loaded.Score(rows, ModelTask.Multiclass).Probabilities!.Cast<double>(), inMemory.Score(rows, ModelTask.Multiclass).Probabilities!.Cast<double>());
        Assert.Equal(fromData.InMemory.Probabilities!.Cast<double>(), inMemory.Score(rows, ModelTask.Multiclass).Probabilities!.Cast<double>());
    }

    [Fact]
    public void A_multiclass_row_with_a_missing_number_scores_NaN_and_the_others_are_probabilities()
    {
        var model = MlNetModel.Load(fixture.MulticlassModel);
        var known = new Dictionary<string, object?> { ["X1"] = 0.5, ["X2"] = -1.0, ["Color"] = "red", ["Flag"] = "yes" };
        var missing = new Dictionary<string, object?>(known) { ["X1"] = null };

        var scores = model.Score([known, missing], ModelTask.Multiclass);

        var p = scores.Probabilities!;
        Assert.Equal(1.0, p[0, 0] + p[0, 1] + p[0, 2], 4);
        Assert.All(Enumerable.Range(0, 3), c => Assert.True(double.IsNaN(p[1, c])));
    }

    [Fact]
    public void Evaluating_multiclass_data_with_a_missing_number_rejects_the_unscored_row_not_the_model()
    {
        var csv = fixture.Directory.File("species-missing-x1.csv");
        var lines = File.ReadAllLines(fixture.HoldoutCsv);
        lines[3] = "," + lines[3][(lines[3].IndexOf(',', StringComparison.Ordinal) + 1)..];
        File.WriteAllLines(csv, lines);
        var (engine, request) = EvaluationFixture.Request(csv, ModelTask.Multiclass, "Species", fixture.MulticlassModel);
        using (engine)
        {
            var e = Assert.Throws<ModelGatesException>(() => ModelEvaluation.Run(engine, request));

            var d = Assert.Single(e.Diagnostics);
            Assert.Equal("MG4021", d.Code);
            Assert.Contains("at row index 2 is NaN", d.Message, StringComparison.Ordinal);
        }
    }

    private static (ModelScores FromData, ModelScores FromRows) BothWays(string csv, string modelPath, ModelTask task)
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(csv));
        var text = DatasetLoader.Load(engine, new DatasetSource(csv) { AllText = true });
        var model = MlNetModel.Load(modelPath);
        var fromData = model.Score(engine, data, task, text);
        var fromRows = model.Score(DatasetRows.Read(engine, data, text), task);
        return (fromData, fromRows);
    }
}
