using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>Per-column overrides merge over the defaults without resetting anything; bad values are configuration errors.</summary>
public sealed class DriftOptionsTests
{
    private static readonly DriftOptions Defaults = new()
    {
        Test = "psi",
        Threshold = 0.2,
        Alpha = 0.01,
        EffectThreshold = 0.15,
        MissingShareThreshold = 0.1,
    };

    [Fact]
    public void A_column_without_override_gets_every_default()
    {
        var settings = Defaults.For("a");
        Assert.Equal(new ColumnDriftSettings("psi", 0.2, 0.01, 0.15, 0.1, 1.0, false, false), settings);
    }

    [Fact]
    public void Overriding_the_threshold_keeps_the_test_and_everything_else()
    {
        var options = Defaults with { Overrides = new Dictionary<string, ColumnDriftOverride> { ["a"] = new() { Threshold = 0.3 } } };
        Assert.Equal(new ColumnDriftSettings("psi", 0.3, 0.01, 0.15, 0.1, 1.0, false, false), options.For("a"));
        Assert.Equal(Defaults.For("b"), options.For("b"));
    }

    [Fact]
    public void Overriding_the_weight_or_alpha_keeps_test_and_threshold()
    {
        var options = Defaults with
        {
            Overrides = new Dictionary<string, ColumnDriftOverride>
            {
                ["a"] = new() { Weight = 3 },
                ["b"] = new() { Alpha = 0.001 },
                ["c"] = new() { MissingShareThreshold = 0.5, EffectThreshold = 0.4 },
            },
        };
        Assert.Equal(new ColumnDriftSettings("psi", 0.2, 0.01, 0.15, 0.1, 3.0, false, false), options.For("a"));
        Assert.Equal(new ColumnDriftSettings("psi", 0.2, 0.001, 0.15, 0.1, 1.0, false, false), options.For("b"));
        Assert.Equal(new ColumnDriftSettings("psi", 0.2, 0.01, 0.4, 0.5, 1.0, false, false), options.For("c"));
    }

    [Fact]
    public void Overriding_the_test_keeps_other_settings_but_not_the_default_test_s_threshold()
    {
        // 0.2 is a PSI distance; as a p-value threshold of ks it would mean something else entirely.
        var options = Defaults with { Overrides = new Dictionary<string, ColumnDriftOverride> { ["a"] = new() { Test = "ks" } } };
        Assert.Equal(new ColumnDriftSettings("ks", null, 0.01, 0.15, 0.1, 1.0, false, true), options.For("a"));
    }

    [Fact]
    public void Overriding_test_and_threshold_together_sets_both()
    {
        var options = Defaults with { Overrides = new Dictionary<string, ColumnDriftOverride> { ["a"] = new() { Test = "ks", Threshold = 0.001, Skip = true } } };
        Assert.Equal(new ColumnDriftSettings("ks", 0.001, 0.01, 0.15, 0.1, 1.0, true, true), options.For("a"));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var d = DriftOptions.Default;
        Assert.Equal(("auto", null, 0.05, null), (d.Test, d.Threshold, d.Alpha, d.EffectThreshold));
        Assert.Equal((MultipleTestingCorrection.Holm, DriftDecisionRule.Effect), (d.Correction, d.Decision));
        Assert.Equal((0.05, 10L, 0.5, 200, 0.95), (d.MissingShareThreshold, d.MinimumCount, d.DatasetDriftShare, d.BootstrapReplicates, d.ConfidenceLevel));
        d.Validate();
    }

    [Fact]
    public void An_unknown_test_is_MG0030_with_a_suggestion()
    {
        var e = Assert.Throws<ConfigurationException>(() => new DriftOptions { Test = "kss" }.Validate());
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("MG0030", d.Code);
        Assert.Contains("Did you mean 'ks'?", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void An_unknown_test_in_an_override_names_the_column()
    {
        var options = new DriftOptions { Overrides = new Dictionary<string, ColumnDriftOverride> { ["Income"] = new() { Test = "wassersteen" } } };
        var d = Assert.Single(Assert.Throws<ConfigurationException>(options.Validate).Diagnostics);
        Assert.Equal(("MG0030", "Income"), (d.Code, d.Column));
        Assert.Contains("'wasserstein'", d.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, DriftOptions> BadOptions() => new()
    {
        { "DriftOptions.Alpha must be above 0 and below 1, not 0.", new DriftOptions { Alpha = 0 } },
        { "DriftOptions.Alpha must be above 0 and below 1, not 1.2.", new DriftOptions { Alpha = 1.2 } },
        { "DriftOptions.Threshold is the threshold of the p-value test ks", new DriftOptions { Test = "ks", Threshold = 1.5 } },
        { "DriftOptions.Threshold must be a finite distance", new DriftOptions { Test = "psi", Threshold = -1 } },
        { "DriftOptions.EffectThreshold must be a finite distance", new DriftOptions { EffectThreshold = double.NaN } },
        { "DriftOptions.MissingShareThreshold must be between 0 and 1", new DriftOptions { MissingShareThreshold = 2 } },
        { "DriftOptions.DatasetDriftShare must be above 0 and at most 1", new DriftOptions { DatasetDriftShare = 0 } },
        { "DriftOptions.MinimumCount must be at least 1", new DriftOptions { MinimumCount = 0 } },
        { "DriftOptions.BootstrapReplicates must be between 20 and 100000", new DriftOptions { BootstrapReplicates = 5 } },
        { "DriftOptions.ConfidenceLevel must be at least 0.5 and below 1", new DriftOptions { ConfidenceLevel = 1 } },
        { "DriftOptions.Overrides[\"a\"].Weight must be a finite number", new DriftOptions { Overrides = new Dictionary<string, ColumnDriftOverride> { ["a"] = new() { Weight = -1 } } } },
        { "DriftOptions.Overrides[\"a\"].Threshold is the threshold of the p-value test ks", new DriftOptions { Overrides = new Dictionary<string, ColumnDriftOverride> { ["a"] = new() { Test = "ks", Threshold = 3 } } } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_value_out_of_range_is_MG0034_naming_the_setting(string what, DriftOptions options)
    {
        var d = Assert.Single(Assert.Throws<ConfigurationException>(options.Validate).Diagnostics);
        Assert.Equal("MG0034", d.Code);
        Assert.Contains(what, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", MultipleTestingCorrection.None)]
    [InlineData("bonferroni", MultipleTestingCorrection.Bonferroni)]
    [InlineData("holm", MultipleTestingCorrection.Holm)]
    [InlineData("bh", MultipleTestingCorrection.BenjaminiHochberg)]
    public void Corrections_round_trip_their_text(string text, MultipleTestingCorrection correction)
    {
        Assert.True(MultipleTestingCorrectionText.TryParse(text, out var parsed));
        Assert.Equal(correction, parsed);
        Assert.Equal(text, correction.ToText());
    }

    [Theory]
    [InlineData("effect", DriftDecisionRule.Effect)]
    [InlineData("lower-bound", DriftDecisionRule.LowerBound)]
    [InlineData("test", DriftDecisionRule.TestOnly)]
    public void Decision_rules_round_trip_their_text(string text, DriftDecisionRule rule)
    {
        Assert.True(DriftDecisionRuleText.TryParse(text, out var parsed));
        Assert.Equal(rule, parsed);
        Assert.Equal(text, rule.ToText());
    }
}
