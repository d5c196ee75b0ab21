using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

/// <summary>Profiles and drift results of the credit sample with personal-data columns (real CSV, real DuckDB).</summary>
public sealed class ProfileAndDriftPrivacyTests
{
    [Fact]
    public void A_profile_keeps_counts_only_for_personal_columns_and_everything_for_the_others()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.csv", PrivacyDataFixture.Data.Csv);
        using var pipeline = new InputPipeline();
        var profile = pipeline.Profile(new DatasetSource(path)).Profile;

        foreach (var name in PrivacyData.PiiColumns.Append("HealthCondition"))
        {
            var column = profile.Find(name)!;
            Assert.Equal((ColumnKind.Text, (object?)null, (object?)null), (column.Kind, (object?)column.Numeric, (object?)column.Categories));
            Assert.Equal(827, column.Count);
        }

        Assert.NotNull(profile.Find("Home")!.Categories);
        Assert.NotNull(profile.Find("Income")!.Numeric);
        Assert.NotNull(profile.Find("CaseNumber")!.Numeric); // a decoy: 9-digit numbers failing the 11-test
        var json = System.Text.Encoding.UTF8.GetString(ModelGates.Profiles.ProfileJsonWriter.Write(profile));
        Assert.Empty(PrivacyDataFixture.Data.LeaksIn(json));
    }

    [Fact]
    public void Drift_chart_labels_of_a_special_category_column_are_masked_keys()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.csv", PrivacyDataFixture.Data.Csv);
        using var pipeline = new InputPipeline();
        var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(path)), pipeline.ReadColumns(new DatasetSource(path)));

        var health = report.Distributions["HealthCondition"];
        Assert.Equal(Enumerable.Range(1, health.Labels.Count).Select(i => $"*** ({i})"), health.Labels);
        Assert.Contains("owner", report.Distributions["Home"].Labels);
    }
}
