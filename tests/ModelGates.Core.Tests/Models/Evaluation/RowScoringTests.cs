using ModelGates.Data;
using ModelGates.Diagnostics;
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
