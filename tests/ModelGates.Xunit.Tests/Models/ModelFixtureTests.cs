using ModelGates.Testing;
using Xunit.Abstractions;

namespace ModelGates.Xunit.Tests.Models;

/// <summary>The sample credit-risk model and its holdout, loaded once for the class.</summary>
public sealed class CreditRiskModel() : ModelFixture(
    RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"),
    EvaluationData.Binary(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), "Status", "bad") with { Bootstrap = new() { Resamples = 200 } });

public sealed class ModelFixtureTests(CreditRiskModel model) : IClassFixture<CreditRiskModel>
{
    [Fact]
    public void The_fixture_loads_the_rows_and_scores_them_once()
    {
        Assert.Equal(827, model.Rows.Count);
        Assert.Same(model.Scores, model.Scores);
        Assert.Same(model.Predictions, model.Predictions);
        Assert.Equal(827, model.Predictions.Count);
        Assert.Equal("Probability", model.Scores.Source);
    }

    [Fact]
    public void Predict_scores_changed_rows_like_the_originals()
    {
        var first = model.Rows.Take(3).ToList();
        var same = model.Predict(first);
        Assert.Equal(model.Scores.BinaryScores!.Take(3), same);

        var poorer = first.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(r) { ["Income"] = 0.0, ["Assets"] = 0.0 }).ToList();
        Assert.NotEqual(same, model.Predict(poorer));
    }

    [Fact]
    public void Tables_are_written_to_the_test_output_when_given_one()
    {
        var output = new RecordingOutput();
        model.WriteTo(output);
        try
        {
            ModelAssert.Meets(model, "auc >= 0.78", "recall >= 0.5");
            Behaviour.MinimumFunctionality(model, [BehaviourCase.Range("any applicant", new { Income = 120 }, min: 0, max: 1)], template: model.Rows[0]);
        }
        finally
        {
            model.WriteTo(null);
        }

        var text = string.Join("\n", output.Lines);
        Assert.Contains("meets all 2 bound(s) on holdout.csv (827 rows;", text, StringComparison.Ordinal);
        Assert.Matches(@"auc\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+≥ 0\.78\s+ok", text);
        Assert.Contains("Minimum functionality of model", text, StringComparison.Ordinal);
        Assert.Matches(@"any applicant\s+in \[0, 1\]\s+0\.\d+\s+ok\s+Income=120", text);
    }

    [Fact]
    public void A_model_of_the_wrong_task_fails_with_its_diagnostic()
    {
        using var regression = new ModelFixture(model.Model, EvaluationData.Regression(model.Data.Path, "Income"));

        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(regression, "rmse <= 10"));

        Assert.Contains("MG4014", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a regression model", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
