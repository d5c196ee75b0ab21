using System.Globalization;
using ModelGates.Quality;
using ModelGates.Quality.Integrity;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>
/// Duplicates, conflicting labels and leakage on the sample's real credit data with injected rows: every injected row
/// is found, and the counts are the clean file's plus exactly the injected ones.
/// </summary>
public sealed class IntegrityTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Injected_duplicates_are_found_with_the_row_they_repeat()
    {
        var clean = InjectedCredit.Holdout();
        var before = InjectedCredit.Run(clean.Write(directory, "clean.csv"), InjectedCredit.Options(), only: ["duplicates"]);
        var holdout = InjectedCredit.Holdout();
        var injected = new[] { 5, 40, 300 }.ToDictionary(line => holdout.Append(holdout.Line(line)), line => line);
        injected[holdout.Append(holdout.Line(40))] = 40;

        var report = InjectedCredit.Run(holdout.Write(directory, "holdout.csv"), InjectedCredit.Options(), only: ["duplicates"]);

        var found = InjectedCredit.Keys(report, "duplicates");
        Assert.Equal(InjectedCredit.Keys(before, "duplicates").Count + injected.Count, found.Count);
        Assert.All(injected.Keys, line => Assert.Contains(line.ToString(CultureInfo.InvariantCulture), found));
        var finding = InjectedCredit.Finding(report, "duplicates")!;
        Assert.Equal("MG2100", finding.Code);
        Assert.Equal((double)found.Count / (holdout.Count - 1), finding.Share, 12);
        var row = finding.Rows.Single(r => report.Keys[r.RowIndex] == injected.Keys.First().ToString(CultureInfo.InvariantCulture));
        Assert.Equal("5", row.Details.Single(d => d.Key == "duplicateOf").Value);
    }

    [Fact]
    public void Key_columns_are_never_compared_so_rows_differing_only_in_their_id_are_duplicates()
    {
        var data = directory.Write("keyed.csv", "id,a,b,y\n1,x,1,0\n2,x,1,0\n3,x,2,0\n4,z,1,1\n");

        var report = InjectedCredit.Run(data, new QualityOptions { Label = "y", Key = ["id"], MaxRows = 100 }, only: ["duplicates"]);

        var finding = InjectedCredit.Finding(report, "duplicates")!;
        Assert.Equal(1, finding.Count);
        Assert.Equal("2", report.Keys[finding.Rows[0].RowIndex]);
        Assert.Equal("1", finding.Rows[0].Details.Single(d => d.Key == "duplicateOf").Value);
    }

    [Fact]
    public void Injected_conflicting_labels_are_reported_as_groups_with_their_rows()
    {
        var clean = InjectedCredit.Holdout();
        var before = InjectedCredit.Run(clean.Write(directory, "clean.csv"), InjectedCredit.Options(), only: ["conflictingLabels"]);
        var holdout = InjectedCredit.Holdout();
        var first = holdout.Append(holdout.Flipped(12));
        var second = holdout.Append(holdout.Flipped(500));

        var report = InjectedCredit.Run(holdout.Write(directory, "holdout.csv"), InjectedCredit.Options(), only: ["conflictingLabels"]);

        var finding = InjectedCredit.Finding(report, "conflictingLabels")!;
        var found = InjectedCredit.Keys(report, "conflictingLabels");
        Assert.Equal(InjectedCredit.Keys(before, "conflictingLabels").Count + 4, found.Count);
        Assert.Equal("Status", finding.Column);
        foreach (var (original, copy) in new[] { (12, first), (500, second) })
        {
            var rows = finding.Rows.Where(r => report.Keys[r.RowIndex] == Text(original) || report.Keys[r.RowIndex] == Text(copy)).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Single(rows.Select(r => r.Details.Single(d => d.Key == "group").Value).Distinct());
            Assert.Equal($"{original} {copy}", rows[0].Details.Single(d => d.Key == "groupRows").Value);
            Assert.NotEqual(rows[0].Details.Single(d => d.Key == "label").Value, rows[1].Details.Single(d => d.Key == "label").Value);
        }
    }

    [Fact]
    public void Holdout_rows_present_in_training_are_leaked_with_their_training_row()
    {
        var clean = InjectedCredit.Holdout();
        var train = InjectedCredit.Train();
        var trainFile = train.Write(directory, "train.csv");
        var before = InjectedCredit.Run(clean.Write(directory, "clean.csv"), InjectedCredit.Options(), reference: trainFile, only: ["leakage"]);
        var holdout = InjectedCredit.Holdout();
        var injected = new[] { 100, 2000, 3500 }.ToDictionary(line => holdout.Append(train.Line(line)), line => line);
        // A leaked row keeps its features whatever label the holdout gives it.
        injected[holdout.Append(train.Flipped(777))] = 777;

        var report = InjectedCredit.Run(holdout.Write(directory, "holdout.csv"), InjectedCredit.Options(), reference: trainFile, only: ["leakage"]);

        var finding = InjectedCredit.Finding(report, "leakage")!;
        Assert.Equal("MG2102", finding.Code);
        Assert.Equal(ModelGates.Diagnostics.Severity.Error, finding.Severity);
        Assert.Equal(InjectedCredit.Keys(before, "leakage").Count + injected.Count, finding.Count);
        foreach (var (line, trainLine) in injected)
        {
            var row = finding.Rows.Single(r => report.Keys[r.RowIndex] == Text(line));
            Assert.Equal(Text(trainLine), row.Details.Single(d => d.Key == "referenceRow").Value);
        }
    }

    [Fact]
    public void A_hash_collision_never_reports_rows_that_differ()
    {
        var data = directory.Write("d.csv", "a,b\nx,1\ny,2\nx,1\nz,3\n");
        using var pipeline = new ModelGates.Inputs.InputPipeline();
        var table = QualityTable.Open(pipeline.Engine, pipeline.ReadTable(new ModelGates.Data.DatasetSource(data) { AllText = true }).Dataset, new QualityOptions());

        // Pretend every row hashed alike: only the two rows that are really equal form a group.
        var groups = HashGroups.Verified(table, table.Features, HashGroups.Candidates([1, 1, 1, 1]));

        Assert.Equal([[0L, 2L]], groups);
    }

    [Fact]
    public void The_threshold_makes_a_small_share_info_and_a_large_one_its_severity()
    {
        var holdout = InjectedCredit.Holdout();
        holdout.Append(holdout.Line(5));
        var file = holdout.Write(directory, "holdout.csv");
        var lenient = InjectedCredit.Options() with { Checks = new Dictionary<string, QualityCheckSettings> { ["duplicates"] = new(ModelGates.Diagnostics.Severity.Error, 0.01, null) } };
        var strict = InjectedCredit.Options() with { Checks = new Dictionary<string, QualityCheckSettings> { ["duplicates"] = new(ModelGates.Diagnostics.Severity.Error, 0, null) } };

        Assert.Equal(ModelGates.Diagnostics.Severity.Info, InjectedCredit.Finding(InjectedCredit.Run(file, lenient, only: ["duplicates"]), "duplicates")!.Severity);
        Assert.Equal(ModelGates.Diagnostics.Severity.Error, InjectedCredit.Finding(InjectedCredit.Run(file, strict, only: ["duplicates"]), "duplicates")!.Severity);
    }

    private static string Text(int line) => line.ToString(CultureInfo.InvariantCulture);
}
