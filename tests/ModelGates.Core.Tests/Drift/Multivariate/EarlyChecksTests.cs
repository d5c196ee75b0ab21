using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Drift.Multivariate;
using ModelGates.Inputs;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>The checks started beside the column checks: the same result as after them, or none when the columns were guessed wrong.</summary>
public sealed class EarlyChecksTests
{
    private static readonly DriftOptions Options = new()
    {
        Seed = 5,
        Overrides = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal) { ["z3"] = new() { Skip = true } },
    };

    [Fact]
    public void Started_before_the_columns_they_give_what_they_give_after_them_with_a_skipped_and_a_free_text_column()
    {
        using var dir = new TempDirectory();
        var (reference, current) = Files(dir);
        using var pipeline = new InputPipeline();
        var referenceInput = pipeline.ReadReference(new DatasetSource(reference));
        var currentInput = pipeline.ReadColumns(new DatasetSource(current));

        var report = DriftEngine.Compare(referenceInput, currentInput, Options);
        var early = EarlyChecks.Start(referenceInput.Input, currentInput, Options);
        var after = MultivariateChecks.Run(RowSource.Of(referenceInput.Input!), RowSource.Of(currentInput), report.Columns, Options);

        Assert.NotNull(early);
        Assert.Contains(report.Columns, c => c.Column == "id" && c.Status == ColumnDriftStatus.Skipped);
        Assert.Contains(report.Columns, c => c.Column == "z3" && c.Status == ColumnDriftStatus.Skipped);
        var found = early.Result(RowSource.Of(referenceInput.Input!), RowSource.Of(currentInput), report.Columns);
        Assert.NotNull(found);
        Assert.Equal(DatasetDriftStatus.Drift, report.Check("domainClassifier").Status);
        Assert.All([report.DatasetChecks, found.Value.Checks], checks => Assert.Equal(after.Checks, checks, Same));
        Assert.Equal(after.Diagnostics.Select(d => d.Message), found.Value.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void A_wrong_guess_of_the_compared_columns_hands_over_nothing_and_the_report_is_the_late_run_s()
    {
        using var dir = new TempDirectory();
        var (reference, current) = Files(dir);
        using var pipeline = new InputPipeline();
        var referenceInput = pipeline.ReadReference(new DatasetSource(reference));
        var currentInput = pipeline.ReadColumns(new DatasetSource(current));
        var report = DriftEngine.Compare(referenceInput, currentInput, Options);

        // As if the column checks had found 'c' to be free text: the early checks ran with it, so they must not count.
        var columns = report.Columns.Select(c => c.Column == "c" ? c with { Status = ColumnDriftStatus.Skipped } : c).ToList();
        var early = EarlyChecks.Start(referenceInput.Input, currentInput, Options)!;
        var late = MultivariateChecks.Run(RowSource.Of(referenceInput.Input!), RowSource.Of(currentInput), columns, Options);

        Assert.Null(early.Result(RowSource.Of(referenceInput.Input!), RowSource.Of(currentInput), columns));
        Assert.NotEqual(report.Check("domainClassifier").Statistic, late.Checks[0].Statistic);
    }

    [Fact]
    public void Off_or_a_side_not_read_directly_starts_nothing()
    {
        using var dir = new TempDirectory();
        var (reference, current) = Files(dir);
        using var pipeline = new InputPipeline();
        var currentInput = pipeline.ReadColumns(new DatasetSource(current));

        Assert.Null(EarlyChecks.Start(pipeline.ReadReference(new DatasetSource(reference)).Input, currentInput, Options with { Multivariate = MultivariateDrift.Off }));
        Assert.Null(EarlyChecks.Start(null, currentInput, Options));
    }

    private static (string Reference, string Current) Files(TempDirectory dir)
    {
        var reference = WithId(MultivariateData.Write(dir.File("reference.csv"), 3000, 0.8, 1));
        var current = WithId(MultivariateData.Write(dir.File("current.csv"), 3000, -0.8, 2));
        return (reference, current);
    }

    // A unique text per row: free text, which the column checks skip.
    private static string WithId(string path)
    {
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Select((line, i) => i == 0 ? line + ",id" : $"{line},row{i}"));
        return path;
    }

    private static bool Same(DatasetDriftCheck a, DatasetDriftCheck b) =>
        a with { TopFeatures = [] } == b with { TopFeatures = [] } && a.TopFeatures.SequenceEqual(b.TopFeatures);
}
