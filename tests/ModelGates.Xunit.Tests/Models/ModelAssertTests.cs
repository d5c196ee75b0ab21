using System.Globalization;
using System.Text.RegularExpressions;
using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Testing;

namespace ModelGates.Xunit.Tests.Models;

public sealed class ModelAssertTests(LoanModels models) : IClassFixture<LoanModels>
{
    private static readonly string SampleModel = RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip");
    private static readonly string SampleHoldout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");

    [Fact]
    public void The_sample_model_meets_its_declared_floors_and_returns_every_metric_with_an_interval()
    {
        var result = ModelAssert.Meets(SampleModel, EvaluationData.Binary(SampleHoldout, "Status", "bad") with { Bootstrap = new() { Resamples = 200 } }, "auc >= 0.78", "logLoss <= 0.55");

        Assert.True(result.Passed);
        Assert.Equal(827, result.Rows);
        var auc = result.Metrics.Single(m => m.MetricId == "auc");
        Assert.InRange(auc.Estimate.Value!.Value, auc.Lower!.Value, auc.Upper!.Value);
    }

    [Fact]
    public void A_bound_that_fails_shows_a_table_of_metric_value_interval_bound_and_status()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(models.Good, models.Holdout, "auc >= 0.99", "logLoss ≤ 0.9"));

        Assert.Contains("does not meet 1 of 2 bound(s) on holdout.csv (600 rows; 95 % intervals from 300 resamples, seed 0)", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"metric\s+value \[CI\]\s+bound\s+status", error.Message);
        Assert.Matches(@"auc\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+≥ 0\.99\s+FAILED", error.Message);
        Assert.Matches(@"logLoss\s+0\.\d+ \[0\.\d+, 0\.\d+\]\s+≤ 0\.9\s+ok", error.Message);
    }

    [Fact]
    public void Credit_risk_bounds_take_family_members_and_a_misspelt_fraction_says_how_to_write_it()
    {
        var data = EvaluationData.Binary(SampleHoldout, "Status", "bad") with { Bootstrap = new() { Resamples = 100 } };

        var result = ModelAssert.Meets(SampleModel, data, "gini >= 0.55", "ks >= 0.4", "lift@0.05 >= 2.5", "ece@20 <= 0.08");
        var misspelt = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(SampleModel, data, "lift@0.050 >= 2.5"));

        Assert.True(result.Passed);
        Assert.Equal(3.0901, result.Value("lift@0.05")!.Value.Value!.Value, 4);
        Assert.Contains("MG0015", misspelt.Message, StringComparison.Ordinal);
        Assert.Contains("'lift@0.05'", misspelt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_metric_is_reported_with_a_suggestion()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(models.Good, models.Holdout, "acu >= 0.8"));

        Assert.Contains("MG0015", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'auc'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_settings_are_checked_as_a_model_gate_and_the_command_line_check_them()
    {
        var data = models.Holdout with { Bootstrap = new() { Resamples = 5 } };

        var meets = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets(models.Good, data, "auc >= 0.5"));
        var regression = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.NoRegression(models.Good, models.Good, data, RegressionAllowance.Drop("auc", 0.01)));

        Assert.All([meets, regression], e => Assert.Contains("MG0015: Bootstrap.Resamples must be between 10 and 1000000, not 5.", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bound_that_is_not_an_inequality_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelAssert.Meets(models.Good, models.Holdout, "auc > 0.8"));

        Assert.Contains("'auc > 0.8' is not a metric bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_fails_with_its_diagnostic_code()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.Meets("no-such-model.zip", models.Holdout, "auc >= 0.8"));

        Assert.Contains("cannot be loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("MG4010", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_challenger_as_good_as_the_champion_passes()
    {
        var result = ModelAssert.NoRegression(models.Good, models.AgeOnly, models.Holdout, RegressionAllowance.Drop("auc", 0.0), RegressionAllowance.Drop("logLoss", 0.0));

        var auc = result.Changes.Single(c => c.MetricId == "auc");
        Assert.True(auc.Difference > 0);
        Assert.True(auc.PValue > 0.5, $"p of 'not worse' {auc.PValue}");
    }

    [Fact]
    public void A_weaker_challenger_fails_with_champion_to_challenger_and_difference()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() =>
            ModelAssert.NoRegression(models.AgeOnly, models.Good, models.Holdout, RegressionAllowance.Drop("auc", 0.02), RegressionAllowance.RelativeDrop("logLoss", 0.05), RegressionAllowance.Drop("accuracy", 1.0)));

        Assert.Contains($"Challenger '{models.AgeOnly}' regresses on 2 of 3 metric(s) against champion '{models.Good}'", error.Message, StringComparison.Ordinal);
        // Judged on the point estimate: no bound or p-value is printed, since the verdict used none.
        Assert.Matches(@"metric\s+champion → challenger\s+difference\s+allowed\s+status\n", error.Message);

        // AUC falls: a negative difference is worse. Log loss rises: a positive difference is worse too.
        Assert.Matches(@"auc\s+0\.\d+ → 0\.\d+\s+−0\.\d+ worse\s+0\.02\s+REGRESSED", error.Message);
        Assert.Matches(@"logLoss\s+0\.\d+ → 0\.\d+\s+\+0\.\d+ worse\s+5 % \(0\.\d+\)\s+REGRESSED", error.Message);
        Assert.Matches(@"accuracy\s+.*\s+1\s+ok", error.Message);
    }

    [Fact]
    public void With_significance_required_only_a_real_regression_fails()
    {
        using var good = new ModelFixture(models.Good, models.Holdout with { RequireSignificantRegression = true });
        using var twin = new ModelFixture(models.GoodTwin, models.Holdout with { RequireSignificantRegression = true });
        var goodAuc = ModelAssert.Meets(good, "auc >= 0").Value("auc")!.Value.Value!.Value;
        var twinAuc = ModelAssert.Meets(twin, "auc >= 0").Value("auc")!.Value.Value!.Value;
        var (weaker, stronger) = goodAuc < twinAuc ? (good, twin) : (twin, good);
        Assert.NotEqual(goodAuc, twinAuc);

        // Two models of the same recipe on other rows: the small drop is noise, and passes.
        var result = ModelAssert.NoRegression(weaker, stronger.Model, RegressionAllowance.Drop("auc", 0.0));
        Assert.True(result.Passed);
        Assert.True(result.Outcomes.Single().PValue > 0.05);

        // Without the significance test the same drop fails.
        using var strict = new ModelFixture(weaker.Model, models.Holdout);
        var error = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.NoRegression(strict, stronger.Model, RegressionAllowance.Drop("auc", 0.0)));
        Assert.Contains("any drop beyond its allowance fails", error.Message, StringComparison.Ordinal);

        // A real regression fails even when it must be significant, and says so.
        using var ageOnly = new ModelFixture(models.AgeOnly, models.Holdout with { RequireSignificantRegression = true });
        var real = Assert.Throws<ModelGatesAssertException>(() => ModelAssert.NoRegression(ageOnly, MlNetModel.Load(models.Good), RegressionAllowance.Drop("auc", 0.01)));
        Assert.Contains("fails only when significant, p ≤ 0.05", real.Message, StringComparison.Ordinal);
        // The bound printed is the one the verdict used: one-sided at 95 %, above the allowance of a regression.
        Assert.Matches(@"metric\s+champion → challenger\s+difference\s+allowed\s+drop, one-sided 95 % lower bound\s+p\s+status\n", real.Message);
        var row = Regex.Match(real.Message, @"auc\s+0\.\d+ → 0\.\d+\s+−0\.\d+ worse\s+0\.01\s+(0\.\d+)\s+0\.003\s+REGRESSED \(significant\)");
        Assert.True(row.Success, real.Message);
        Assert.True(double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture) > 0.01, real.Message);
    }

    [Fact]
    public void An_assertion_needs_at_least_one_bound_or_allowance()
    {
        Assert.Throws<ArgumentException>(() => ModelAssert.Meets(models.Good, models.Holdout));
        Assert.Throws<ArgumentException>(() => ModelAssert.NoRegression(models.Good, models.AgeOnly, models.Holdout));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegressionAllowance.Drop("auc", -0.1));
    }
}
