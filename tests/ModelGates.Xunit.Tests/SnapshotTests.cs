using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly TempDirectory dir = new();

    private string TestFile => dir.File("MetricsTests.cs");

    [Fact]
    public void Missing_approved_snapshot_fails_and_writes_the_received_file()
    {
        var error = Assert.Throws<ModelGatesAssertException>(() => Snapshot.Match(Metrics(0.84), SnapshotTolerance.Exact, TestFile, "Auc"));

        var (approved, received) = Snapshot.PathsFor(TestFile, "Auc");
        Assert.False(File.Exists(approved));
        Assert.True(File.Exists(received));
        Assert.Contains("No approved snapshot", error.Message, StringComparison.Ordinal);
        Assert.Contains("modelgates accept --snapshots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_within_tolerance_pass_and_remove_a_stale_received_file()
    {
        Approve(0.84);
        var (_, received) = Snapshot.PathsFor(TestFile, "Auc");
        File.WriteAllText(received, "{}");

        Snapshot.Match(Metrics(0.8409), SnapshotTolerance.AbsoluteOf(0.001), TestFile, "Auc");

        Assert.False(File.Exists(received));
    }

    [Fact]
    public void Values_beyond_tolerance_fail_with_a_diff_table()
    {
        Approve(0.84);

        var error = Assert.Throws<ModelGatesAssertException>(() =>
            Snapshot.Match(Metrics(0.80), SnapshotTolerance.RelativeOf(0.01).For("logLoss", absolute: 1), TestFile, "Auc"));

        Assert.Contains("1 value(s) differ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"auc\s+0\.84\s+0\.8\s+-0\.04\s+±0\.0084", error.Message);
        Assert.DoesNotContain("logLoss ", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Snapshot.PathsFor(TestFile, "Auc").Received));
    }

    [Fact]
    public void A_key_that_appears_or_disappears_is_a_difference()
    {
        Approve(0.84);
        var values = new Dictionary<string, double> { ["auc"] = 0.84 };

        var error = Assert.Throws<ModelGatesAssertException>(() => Snapshot.Match(values, SnapshotTolerance.AbsoluteOf(1), TestFile, "Auc"));

        Assert.Contains("(absent)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_override_by_prefix_wins_over_the_default()
    {
        var tolerance = SnapshotTolerance.AbsoluteOf(0.1).For("columns.Income.", relative: 0.5).For("columns.Income.mean", absolute: 0);

        Assert.Equal(0.1, tolerance.AllowanceFor("auc", 0.8), 12);
        Assert.Equal(50, tolerance.AllowanceFor("columns.Income.max", 100), 12);
        Assert.Equal(0, tolerance.AllowanceFor("columns.Income.mean", 100), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotTolerance.AbsoluteOf(-1));
    }

    public void Dispose() => dir.Dispose();

    private static Dictionary<string, double> Metrics(double auc) => new() { ["auc"] = auc, ["logLoss"] = 0.5 };

    private void Approve(double auc)
    {
        var (approved, _) = Snapshot.PathsFor(TestFile, "Auc");
        File.WriteAllText(approved, $"{{ \"auc\": {auc.ToString(System.Globalization.CultureInfo.InvariantCulture)}, \"logLoss\": 0.5 }}");
    }
}
