using System.Text.RegularExpressions;
using ModelGates.Data;
using ModelGates.Drift;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift;

public sealed class DriftTestRegistryTests
{
    private static readonly string[] ExpectedIds =
    [
        "ks", "chisquare", "z", "fisher_exact", "g_test", "anderson", "cramer_von_mises", "mannw", "t_test",
        "wasserstein", "psi", "jensenshannon", "kl_div", "hellinger", "tvd", "linf", "ed", "wasserstein_rank", "cohens_h",
    ];

    [Fact]
    public void Registry_holds_every_test_once()
    {
        Assert.Equal(ExpectedIds, DriftTestRegistry.All.Select(t => t.Id));
    }

    [Fact]
    public void Lookup_by_id_returns_the_test()
    {
        foreach (var id in ExpectedIds)
        {
            Assert.Equal(id, DriftTestRegistry.Get(id).Id);
            Assert.True(DriftTestRegistry.TryGet(id, out var test));
            Assert.Same(DriftTestRegistry.Get(id), test);
        }
    }

    [Fact]
    public void Unknown_id_fails_clearly_with_a_suggestion()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftTestRegistry.Get("kolmogorov"));
        Assert.Contains("Unknown drift test 'kolmogorov'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Known tests: ks, chisquare", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'psi'?", Assert.Throws<ArgumentException>(() => DriftTestRegistry.Get("pis")).Message, StringComparison.Ordinal);
        Assert.False(DriftTestRegistry.TryGet("KS", out _));
        Assert.False(DriftTestRegistry.TryGet(null, out _));
    }

    [Fact]
    public void Thresholds_follow_the_documented_defaults()
    {
        string[] pValueTests = ["ks", "chisquare", "z", "fisher_exact", "g_test", "anderson", "cramer_von_mises", "mannw", "t_test"];
        foreach (var test in DriftTestRegistry.All)
        {
            var isPValue = pValueTests.Contains(test.Id);
            Assert.Equal(isPValue ? DriftThresholdKind.PValue : DriftThresholdKind.Distance, test.ThresholdKind);
            Assert.Equal(isPValue ? 0.05 : 0.1, test.DefaultThreshold);
        }
    }

    [Fact]
    public void Drift_decision_follows_the_threshold_kind()
    {
        var ks = DriftTestRegistry.Get("ks");
        Assert.True(ks.IsDrift(DriftTestResult.OfTest(0.3, 0.049, PValueMethod.Exact), 0.05));
        Assert.False(ks.IsDrift(DriftTestResult.OfTest(0.3, 0.05, PValueMethod.Exact), 0.05));
        var psi = DriftTestRegistry.Get("psi");
        Assert.True(psi.IsDrift(DriftTestResult.OfDistance(0.1), 0.1));
        Assert.False(psi.IsDrift(DriftTestResult.OfDistance(0.0999), 0.1));
    }

    [Fact]
    public void Every_test_applies_to_some_column_kind_and_text_to_none()
    {
        Assert.All(DriftTestRegistry.All, t => Assert.NotEmpty(t.ColumnKinds));
        Assert.DoesNotContain(DriftTestRegistry.All, t => t.ColumnKinds.Contains(ColumnKind.Text));
        Assert.All(DriftTestRegistry.All.Where(t => t.Input == DriftInputKind.Values), t => Assert.Contains(ColumnKind.Numeric, t.ColumnKinds));
    }

    [Fact]
    public void Documentation_has_a_section_per_test_with_its_threshold()
    {
        var text = File.ReadAllText(RepoPaths.Combine("docs", "drift-tests.md"));
        foreach (var test in DriftTestRegistry.All)
        {
            var heading = Regex.Match(text, $"^## `{Regex.Escape(test.Id)}`[^\\n]*$", RegexOptions.Multiline);
            Assert.True(heading.Success, $"docs/drift-tests.md has no section '## `{test.Id}`'");
            var section = text[heading.Index..];
            var next = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
            section = next < 0 ? section : section[..next];
            var kind = test.ThresholdKind == DriftThresholdKind.PValue ? "p-value" : "distance";
            Assert.Contains($"| Threshold | {kind}, default {test.DefaultThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}", section, StringComparison.Ordinal);
            Assert.Contains(test.AcceptsWeights ? "| Weights | accepted" : "| Weights | not accepted", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_test_declares_how_a_profile_serves_it_consistently()
    {
        foreach (var test in DriftTestRegistry.All)
        {
            if (test.Input == DriftInputKind.Counts)
            {
                Assert.Equal(DriftProfileUse.Counts, test.ProfileUse);
                continue;
            }

            Assert.NotEqual(DriftProfileUse.Counts, test.ProfileUse);
            if (test.ProfileUse == DriftProfileUse.Sketch)
            {
                Assert.True(test.AcceptsWeights, $"{test.Id} runs on a weighted sketch, so it must accept weights");
                Assert.True(double.IsFinite(test.SketchErrorBound(0.01, 10, 2)), $"{test.Id} runs on a sketch, so its error must be bounded");
            }

            if (test.ThresholdKind == DriftThresholdKind.Distance)
            {
                // A distance on values can be an effect measure, which the bootstrap redraws on its value grid.
                Assert.Contains(test.CdfDistance, new[] { CdfDistance.Absolute, CdfDistance.Squared, CdfDistance.Rank });
            }
        }
    }

    [Theory]
    [InlineData("ks", 0.01)]
    [InlineData("wasserstein", 0.01 * 10 / 2.0)]
    [InlineData("ed", 1.4142135623730951 * 0.01 * 3.1622776601683795 / 2.0)]
    [InlineData("wasserstein_rank", 3 * 3.4641016151377544 * 0.01)]
    [InlineData("cohens_h", 0)]
    [InlineData("t_test", 0)]
    [InlineData("psi", 0)]
    [InlineData("mannw", double.PositiveInfinity)]
    [InlineData("anderson", double.PositiveInfinity)]
    public void Sketch_error_bounds_follow_the_declared_cdf_distance(string id, double bound)
    {
        var test = DriftTestRegistry.Get(id);

        Assert.Equal(bound, test.SketchErrorBound(0.01, 10, 2), 15);
        Assert.Equal(0, test.SketchErrorBound(0, 10, 2));
    }

    [Fact]
    public void Only_ks_recomputes_its_p_value_from_the_statistic()
    {
        Assert.Equal(["ks"], DriftTestRegistry.All.Where(t => t.PValueOf(0.2, 100, 100) is not null).Select(t => t.Id));
        var ks = DriftTestRegistry.Get("ks");
        var direct = ks.Compute(NumericSample.FromSorted([1.0, 2, 3, 4, 5]), NumericSample.FromSorted([3.0, 4, 5, 6, 7]));
        var again = ks.PValueOf(direct.Statistic, 5, 5)!.Value;
        Assert.Equal((direct.Statistic, direct.PValue, direct.Method), (again.Statistic, again.PValue, again.Method));
    }

    [Fact]
    public void Documentation_states_how_a_profile_serves_each_test()
    {
        var text = File.ReadAllText(RepoPaths.Combine("docs", "drift-tests.md"));
        foreach (var test in DriftTestRegistry.All)
        {
            var (word, row) = test.ProfileUse switch
            {
                DriftProfileUse.Counts => ("counts", "the profile's frozen bin counts or category counts: exact"),
                DriftProfileUse.Moments => ("moments", "the profile's count, mean and variance: exact"),
                DriftProfileUse.Sketch => ("sketch", "the quantile sketch as a weighted sample"),
                _ => ("exact sketch", "only an exact sketch"),
            };
            Assert.Matches(new Regex($"^\\| `{Regex.Escape(test.Id)}` \\|.*\\| {word} \\|$", RegexOptions.Multiline), text);
            var section = text[text.IndexOf($"## `{test.Id}`", StringComparison.Ordinal)..];
            var next = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
            section = next < 0 ? section : section[..next];
            Assert.Contains($"| Reference profile | {row}", section, StringComparison.Ordinal);
        }
    }
}
