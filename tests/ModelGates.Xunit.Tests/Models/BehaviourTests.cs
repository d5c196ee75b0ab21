namespace ModelGates.Xunit.Tests.Models;

public sealed class BehaviourTests(LoanModels models) : IClassFixture<LoanModels>
{
    [Fact]
    public void A_model_that_ignores_a_column_is_invariant_to_it()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var result = Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 1e-9);

        Assert.Equal(600, result.Rows);
        Assert.Equal(0, result.Violations);
        Assert.Equal(0.0, result.LargestChange);
    }

    [Fact]
    public void A_model_that_uses_the_column_fails_and_lists_the_rows_with_value_and_prediction_before_and_after()
    {
        using var model = new ModelFixture(models.UsesRegion, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 0.05, show: 5));

        Assert.Matches(@"Invariance: setting Region to ""north"" moves the prediction \(probability of 'bad'\) by more than 0\.05 on \d+ of 600 row\(s\), largest change \+0\.\d+\.", error.Message);
        Assert.Matches(@"row\s+line\s+Region: original → changed\s+prediction before\s+after\s+change", error.Message);
        Assert.Matches(@"\n\d+\s+\d+\s+""(south|east|west)"" → ""north""\s+0\.\d+\s+0\.\d+\s+\+0\.\d+\n", error.Message);
        Assert.Matches(@"\(first 5 of \d+ rows that break the rule", error.Message);
        Assert.DoesNotContain("\"north\" → \"north\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_and_line_point_at_the_record_in_the_file()
    {
        using var model = new ModelFixture(models.UsesRegion, models.Holdout);
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 0.05, show: 1));

        // The first listed row: its record number, its line (after the header) and its original value.
        var first = System.Text.RegularExpressions.Regex.Match(error.Message, @"\n(?<row>\d+)\s+(?<line>\d+)\s+""(?<value>\w+)"" → ""north""");
        Assert.True(first.Success, error.Message);
        var row = int.Parse(first.Groups["row"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(row + 1, int.Parse(first.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(model.Rows[row - 1]["Region"], first.Groups["value"].Value);
        Assert.Equal(File.ReadLines(models.HoldoutCsv).ElementAt(row).Split(',')[3], first.Groups["value"].Value);
    }

    [Fact]
    public void Raising_income_does_not_raise_the_risk_of_a_monotone_model()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var result = Behaviour.Directional(model, "Income", Perturbation.Multiply(1.5), Expect.NotIncrease);

        Assert.Equal(600, result.Rows);
        Assert.Equal(0, result.Violations);
        Assert.True(result.LargestChange <= 0);
    }

    [Fact]
    public void An_anti_monotone_model_fails_the_directional_expectation_with_the_rows()
    {
        using var model = new ModelFixture(models.AntiMonotone, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Directional(model, "Income", Perturbation.Add(50), Expect.NotIncrease, tolerance: 0.001));

        Assert.Matches(@"Directional expectation: raising Income by 50 must not raise the prediction \(probability of 'bad'\) by more than 0\.001; it raises it on \d+ of 600 row\(s\)", error.Message);
        Assert.Matches(@"\n\d+\s+\d+\s+\d+(\.\d+)? → \d+(\.\d+)?\s+0\.\d+\s+0\.\d+\s+\+0\.\d+\n", error.Message);
        Assert.Matches(@"\(first 10 of \d+ rows that break the rule", error.Message);
    }

    [Fact]
    public void The_opposite_expectation_holds_for_the_anti_monotone_model_and_fails_for_the_monotone_one()
    {
        using var anti = new ModelFixture(models.AntiMonotone, models.Holdout);
        using var good = new ModelFixture(models.Good, models.Holdout);

        Assert.Equal(0, Behaviour.Directional(anti, "Income", Perturbation.Apply(x => x * 2, "doubling Income"), Expect.NotDecrease).Violations);
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Directional(good, "Income", Perturbation.Apply(x => x * 2, "doubling Income"), Expect.NotDecrease));
        Assert.Contains("Directional expectation: doubling Income must not lower the prediction", error.Message, StringComparison.Ordinal);
        Assert.Contains("it lowers it on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimum_functionality_cases_pass_and_failing_cases_are_listed()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);
        BehaviourCase[] sensible =
        [
            BehaviourCase.Class("young, poor", new { Income = 20, Age = 19, Region = "east" }, "bad"),
            BehaviourCase.Class("old, rich", new { Income = 200, Age = 75, Region = "east" }, "good"),
            BehaviourCase.Range("rich is low risk", new Dictionary<string, object?> { ["Income"] = 190.0, ["Age"] = 60 }, max: 0.2),
        ];
        Assert.Equal(0, Behaviour.MinimumFunctionality(model, sensible).Violations);

        BehaviourCase[] wrong =
        [
            BehaviourCase.Class("young, poor", new { Income = 20, Age = 19 }, "good"),
            BehaviourCase.Range("rich is high risk", new { Income = 190, Age = 60 }, min: 0.9),
            BehaviourCase.Class("old, rich", new { Income = 200, Age = 75 }, "good"),
        ];
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.MinimumFunctionality(model, wrong, template: model.Rows[0]));

        Assert.Contains("2 of 3 case(s) do not get the expected outcome", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"case\s+expected\s+predicted\s+status\s+values", error.Message);
        Assert.Matches(@"young, poor\s+class good\s+bad \(p\(bad\) 0\.\d+\)\s+FAILED\s+Income=20, Age=19", error.Message);
        Assert.Matches(@"rich is high risk\s+≥ 0\.9\s+0\.\d+\s+FAILED", error.Message);
        Assert.Matches(@"old, rich\s+class good\s+good \(p\(bad\) 0\.\d+\)\s+ok", error.Message);
    }

    [Fact]
    public void A_case_the_model_cannot_score_fails_instead_of_getting_the_negative_class()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        // No template: Income and Age are missing, so the probability is NaN.
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Class("nothing known", new { Region = "east" }, "good")]));

        Assert.Matches(@"nothing known\s+class good\s+NaN \(not scored\)\s+FAILED", error.Message);
    }

    [Fact]
    public void A_case_expecting_a_class_the_data_does_not_have_is_an_argument_error()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Class("typo", new { Income = 20, Age = 19 }, "goood")]));

        Assert.Contains("Case 'typo' names class 'goood', which model", error.Message, StringComparison.Ordinal);
        Assert.Contains("(classes: bad, good)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_naming_a_column_the_model_does_not_read_is_an_argument_error()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Class("typo", new { Incme = 20 }, "bad")]));

        Assert.Contains("sets column 'Incme', which model", error.Message, StringComparison.Ordinal);
        Assert.Contains("Income, Age, Region, Outcome", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_the_data_does_not_have_is_an_argument_error()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.Invariance(model, "Regoin", Perturbation.Set("north")));

        Assert.Contains("has no column 'Regoin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_change_of_text_names_the_row()
    {
        using var model = new ModelFixture(models.Good, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.Directional(model, "Region", Perturbation.Add(1), Expect.NotIncrease));

        Assert.StartsWith("Row 1, column 'Region': Cannot add to \"", error.Message, StringComparison.Ordinal);
    }
}
