namespace ModelGates.Xunit.Tests.Models;

/// <summary>Behavioural tests and metric bounds of a multiclass model: a risk tier (low, medium, high) from income.</summary>
public sealed class MulticlassBehaviourTests(RiskTierModels models) : IClassFixture<RiskTierModels>
{
    [Fact]
    public void A_multiclass_model_that_ignores_a_column_is_invariant_to_it_in_every_class()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var result = Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 1e-9);

        Assert.Equal(300, result.Rows);
        Assert.Equal(0, result.Violations);
        Assert.Equal(0.0, result.LargestChange);
    }

    [Fact]
    public void A_multiclass_model_that_uses_the_column_fails_and_lists_the_rows_with_the_likeliest_class_before_and_after()
    {
        using var model = new ModelFixture(models.UsesRegion, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 0.05, show: 5));

        Assert.Matches(@"Invariance: setting Region to ""north"" moves the prediction \(every class's probability\) by more than 0\.05 on \d+ of 300 row\(s\), largest change [+−]0\.\d+\.", error.Message);
        Assert.Matches(@"row\s+line\s+Region: original → changed\s+prediction before\s+after\s+change", error.Message);
        Assert.Matches(@"\n\d+\s+\d+\s+""(south|east|west)"" → ""north""\s+(low|medium|high) 0\.\d+\s+(low|medium|high) 0\.\d+\s+[+−]0\.\d+ \((low|medium|high)\)\n", error.Message);

        // The change column names the class whose probability moved most: here the likeliest class changes.
        Assert.Matches(@"\n\d+\s+\d+\s+""\w+"" → ""north""\s+low 0\.\d+\s+high 0\.\d+\s+[+−]0\.\d+ \((low|high)\)\n", error.Message);
        Assert.Matches(@"\(first 5 of \d+ rows that break the rule", error.Message);
        Assert.DoesNotContain("\"north\" → \"north\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invariance_of_one_class_compares_only_its_probability()
    {
        using var model = new ModelFixture(models.UsesRegion, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Invariance(model, "Region", Perturbation.Set("north"), tolerance: 0.05, ofClass: "high"));

        Assert.Contains("moves the prediction (probability of 'high') by more than 0.05", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+\s+\d+\s+""(south|east|west)"" → ""north""\s+0\.\d+\s+0\.\d+\s+\+0\.\d+\n", error.Message);
        using var ignores = new ModelFixture(models.IgnoresRegion, models.Holdout);
        Assert.Equal(0, Behaviour.Invariance(ignores, "Region", Perturbation.Set("north"), tolerance: 1e-9, ofClass: "high").Violations);
    }

    [Fact]
    public void A_row_the_multiclass_model_cannot_score_is_listed_as_NaN_not_reported_as_a_model_without_probabilities()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Invariance(model, "Income", Perturbation.Set(null), show: 2));

        Assert.Contains("setting Income to missing moves the prediction (every class's probability) by more than 0.01 on 300 of 300 row(s), largest change NaN.", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+2\s+\d+(\.\d+)? → missing\s+(low|medium|high) 0\.\d+\s+NaN\s+NaN\n", error.Message);
        Assert.DoesNotContain("MG4014", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_class_is_an_argument_error()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.Invariance(model, "Region", Perturbation.Set("north"), ofClass: "hihg"));

        Assert.Contains("no class 'hihg'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raising_income_does_not_raise_the_probability_of_the_high_tier()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var result = Behaviour.Directional(model, "Income", Perturbation.Add(20), Expect.NotIncrease, ofClass: "high");

        Assert.Equal(300, result.Rows);
        Assert.Equal(0, result.Violations);
        Assert.True(result.LargestChange <= 0);
        Assert.Equal(0, Behaviour.Directional(model, "Income", Perturbation.Add(20), Expect.NotDecrease, ofClass: "low").Violations);
    }

    [Fact]
    public void The_opposite_directional_expectation_of_one_class_fails_with_the_rows()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.Directional(model, "Income", Perturbation.Add(20), Expect.NotDecrease, tolerance: 0.01, ofClass: "high"));

        Assert.Matches(@"Directional expectation: raising Income by 20 must not lower the prediction \(probability of 'high'\) by more than 0\.01; it lowers it on \d+ of 300 row\(s\), largest change −0\.\d+\.", error.Message);
        Assert.Matches(@"\n\d+\s+\d+\s+\d+(\.\d+)? → \d+(\.\d+)?\s+0\.\d+\s+0\.\d+\s+−0\.\d+\n", error.Message);
    }

    [Fact]
    public void A_directional_expectation_of_a_multiclass_model_needs_the_class()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var error = Assert.Throws<ArgumentException>(() => Behaviour.Directional(model, "Income", Perturbation.Add(20), Expect.NotIncrease));

        Assert.Equal("ofClass", error.ParamName);
        Assert.Contains("name it with ofClass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimum_functionality_of_a_multiclass_model_passes_clear_cases_and_lists_a_failing_one()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);
        BehaviourCase[] clear =
        [
            BehaviourCase.Class("poor", new { Income = 25 }, "high"),
            BehaviourCase.Class("middling", new { Income = 110 }, "medium"),
            BehaviourCase.Class("rich", new { Income = 195, Region = "north" }, "low"),
            BehaviourCase.Range("rich is rarely high", new { Income = 190 }, max: 0.1, ofClass: "high"),
        ];
        Assert.Equal(0, Behaviour.MinimumFunctionality(model, clear, template: model.Rows[0]).Violations);

        BehaviourCase[] wrong =
        [
            BehaviourCase.Class("poor", new { Income = 25 }, "high"),
            BehaviourCase.Class("rich but expected high", new { Income = 195 }, "high"),
            BehaviourCase.Range("poor but expected low", new { Income = 25 }, min: 0.5, ofClass: "low"),
        ];
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.MinimumFunctionality(model, wrong, template: model.Rows[0]));

        Assert.Contains("2 of 3 case(s) do not get the expected outcome", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"poor\s+class high\s+high \(p 0\.\d+\)\s+ok\s+Income=25", error.Message);
        Assert.Matches(@"rich but expected high\s+class high\s+low \(p 0\.\d+\)\s+FAILED\s+Income=195", error.Message);
        Assert.Matches(@"poor but expected low\s+p\(low\) ≥ 0\.5\s+0(\.\d+)?\s+FAILED", error.Message);
    }

    [Fact]
    public void A_multiclass_case_the_model_cannot_score_fails_instead_of_taking_the_first_class()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);
        var first = model.RowScores.ClassNames[0];

        // No template: Income is missing, so the model cannot score the case.
        var error = Assert.Throws<ModelGatesAssertException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Class("no income", new { Region = "north" }, first)]));

        Assert.Contains("1 of 1 case(s) do not get the expected outcome", error.Message, StringComparison.Ordinal);
        Assert.Matches($@"no income\s+class {first}\s+NaN \(not scored\)\s+FAILED", error.Message);
    }

    [Fact]
    public void A_multiclass_case_naming_an_unknown_class_or_no_class_is_an_argument_error()
    {
        using var model = new ModelFixture(models.IgnoresRegion, models.Holdout);

        var typo = Assert.Throws<ArgumentException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Class("poor", new { Income = 25 }, "hihg")]));
        Assert.Contains("Case 'poor' names class 'hihg', which model", typo.Message, StringComparison.Ordinal);
        Assert.Contains("(classes: ", typo.Message, StringComparison.Ordinal);

        var range = Assert.Throws<ArgumentException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Range("poor", new { Income = 25 }, min: 0.5, ofClass: "hihg")]));
        Assert.Contains("names class 'hihg'", range.Message, StringComparison.Ordinal);

        var noClass = Assert.Throws<ArgumentException>(() => Behaviour.MinimumFunctionality(model, [BehaviourCase.Range("poor", new { Income = 25 }, min: 0.5)]));
        Assert.Contains("Case 'poor' bounds the prediction of a multiclass model", noClass.Message, StringComparison.Ordinal);
        Assert.Contains("name the class with ofClass", noClass.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_multiclass_model_meets_a_macro_f1_bound_and_fails_an_impossible_one()
    {
        var result = ModelAssert.Meets(models.IgnoresRegion, models.Holdout, "macroF1 >= 0.6", "accuracy >= 0.6");
        Assert.True(result.Passed);
        Assert.Equal(300, result.Rows);
        var macroF1 = result.Metrics.Single(m => m.MetricId == "macroF1");
        Assert.InRange(macroF1.Estimate.Value!.Value, macroF1.Lower!.Value, macroF1.Upper!.Value);

        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(models.IgnoresRegion, models.Holdout, "macroF1 >= 0.99", "logLoss <= 2"));

        Assert.Contains("does not meet 1 of 2 bound(s) on tiers.csv (300 rows; 95 % intervals from 200 resamples, seed 0)", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"macroF1\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+≥ 0\.99\s+FAILED", error.Message);
        Assert.Matches(@"logLoss\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+≤ 2\s+ok", error.Message);
    }
}
