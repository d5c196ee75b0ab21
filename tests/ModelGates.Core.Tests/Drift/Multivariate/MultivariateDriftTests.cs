using ModelGates.Data;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>The dataset-level checks: they must flag a flipped correlation no column shows, and stay quiet on clean splits.</summary>
public sealed class MultivariateDriftTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_correlation_flipping_from_plus_to_minus_0_8_fails_both_checks_while_no_column_drifts(ulong seed)
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 3000, 0.8, seed);
        var current = MultivariateData.Write(dir.File("current.csv"), 3000, -0.8, seed + 100);

        var report = MultivariateData.Compare(reference, current, new DriftOptions { Seed = seed });

        Assert.DoesNotContain(report.Columns, c => c.Drifted);
        var classifier = report.Check("domainClassifier");
        Assert.Equal(DatasetDriftStatus.Drift, classifier.Status);
        Assert.True(classifier.Interval!.Value.Lower > 0.55, classifier.Message);
        Assert.Equal(["x", "y"], classifier.TopFeatures.Take(2).Select(f => f.Column).Order(StringComparer.Ordinal));
        var reconstruction = report.Check("reconstruction");
        Assert.Equal(DatasetDriftStatus.Drift, reconstruction.Status);
        Assert.True(reconstruction.Interval!.Value.Lower > 0.1, reconstruction.Message);
        Assert.Equal(["x", "y"], reconstruction.TopFeatures.Take(2).Select(f => f.Column).Order(StringComparer.Ordinal));
        Assert.False(report.Passed);
        Assert.Contains(report.Diagnostics, d => d.Code == "MG3020" && d.IsError);
        Assert.Contains(report.Diagnostics, d => d.Code == "MG3021" && d.IsError);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void A_clean_split_of_generated_data_passes_both_checks(ulong seed)
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 3000, 0.8, seed);
        var current = MultivariateData.Write(dir.File("current.csv"), 3000, 0.8, seed + 100);

        var report = MultivariateData.Compare(reference, current, new DriftOptions { Seed = seed });

        AssertQuiet(report);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void A_clean_split_of_the_credit_sample_passes_both_checks(ulong seed)
    {
        using var dir = new TempDirectory();
        var (reference, current) = MultivariateData.Split(RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv"), dir.File("a.csv"), dir.File("b.csv"), seed);

        var report = MultivariateData.Compare(reference, current, new DriftOptions { Seed = seed });

        AssertQuiet(report);
    }

    [Fact]
    public void The_same_inputs_and_seed_give_the_same_checks_and_another_seed_other_samples()
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 3000, 0.8, 7);
        var current = MultivariateData.Write(dir.File("current.csv"), 3000, 0.8, 8);
        var small = new DriftOptions { MultivariateSampleRows = 1000 };

        var first = MultivariateData.Compare(reference, current, small);
        var second = MultivariateData.Compare(reference, current, small);
        var reseeded = MultivariateData.Compare(reference, current, small with { Seed = 9 });

        Assert.Equal(first.DatasetChecks, second.DatasetChecks, (a, b) => a with { TopFeatures = [] } == b with { TopFeatures = [] } && a.TopFeatures.SequenceEqual(b.TopFeatures));
        Assert.Equal(1000, first.Check("domainClassifier").ReferenceRows);
        Assert.Equal(1000, first.Check("domainClassifier").CurrentRows);
        Assert.NotEqual(first.Check("domainClassifier").Statistic, reseeded.Check("domainClassifier").Statistic);
    }

    [Fact]
    public void Against_a_reference_profile_both_checks_are_reported_as_not_run_with_the_reason()
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 500, 0.8, 1);
        var current = MultivariateData.Write(dir.File("current.csv"), 500, -0.8, 2);
        using var pipeline = new InputPipeline();
        var profile = ProfileJsonWriter.Write(pipeline.Profile(new DatasetSource(reference)).Profile);
        var profilePath = dir.File("reference.profile.json");
        File.WriteAllBytes(profilePath, profile);

        var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(profilePath)), pipeline.ReadColumns(new DatasetSource(current)));

        Assert.Equal(["domainClassifier", "reconstruction"], report.DatasetChecks.Select(c => c.Name));
        Assert.All(report.DatasetChecks, c => Assert.Equal(DatasetDriftStatus.NotRun, c.Status));
        Assert.All(report.DatasetChecks, c => Assert.Contains("profile", c.Message, StringComparison.Ordinal));
        var note = Assert.Single(report.Diagnostics, d => d.Code == "MG3022");
        Assert.False(note.IsError);
    }

    [Theory]
    [InlineData(MultivariateDrift.Off, new string[0])]
    [InlineData(MultivariateDrift.DomainClassifier, new[] { "domainClassifier" })]
    [InlineData(MultivariateDrift.Reconstruction, new[] { "reconstruction" })]
    public void The_multivariate_option_chooses_the_checks(MultivariateDrift choice, string[] expected)
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 600, 0.8, 1);
        var current = MultivariateData.Write(dir.File("current.csv"), 600, -0.8, 2);

        var report = MultivariateData.Compare(reference, current, new DriftOptions { Multivariate = choice });

        Assert.Equal(expected, report.DatasetChecks.Select(c => c.Name));
        Assert.All(report.DatasetChecks, c => Assert.NotEqual(DatasetDriftStatus.NotRun, c.Status));
        if (expected.Length == 0)
        {
            // Off: the flipped correlation goes unseen, as no column drifted.
            Assert.True(report.Passed);
        }
    }

    [Fact]
    public void Too_few_rows_is_not_run_with_the_counts()
    {
        using var dir = new TempDirectory();
        var reference = MultivariateData.Write(dir.File("reference.csv"), 40, 0.8, 1);
        var current = MultivariateData.Write(dir.File("current.csv"), 400, -0.8, 2);

        var report = MultivariateData.Compare(reference, current);

        Assert.All(report.DatasetChecks, c => Assert.Equal(DatasetDriftStatus.NotRun, c.Status));
        Assert.Contains("the reference has 40", report.DatasetChecks[0].Message, StringComparison.Ordinal);
    }

    private static void AssertQuiet(DriftReport report)
    {
        var classifier = report.Check("domainClassifier");
        var reconstruction = report.Check("reconstruction");
        Assert.True(classifier.Status == DatasetDriftStatus.Ok, classifier.Message);
        Assert.True(reconstruction.Status == DatasetDriftStatus.Ok, reconstruction.Message);
        Assert.InRange(classifier.Statistic!.Value, 0.4, 0.6);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code is "MG3020" or "MG3021");
    }
}
