using System.Globalization;
using System.Text;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// Issue 19's repro end to end: two seeded 100,000-row CSV files that differ in three ways (a boolean 50% → 60% true,
/// a rare category 1% → 3% of rows, a lognormal amount with σ = 2 up 30% in every row) and a fourth column that does
/// not change, through <c>modelgates drift</c> as a real process (docs/drift.md#effects-that-see-what-matters).
/// </summary>
public sealed class DriftEffectsReproTests
{
    [Fact]
    public void Modelgates_drift_finds_each_of_the_three_shifts_and_leaves_the_fourth_column_alone()
    {
        using var dir = new TempDirectory();
        var reference = dir.File("reference.csv");
        var current = dir.File("current.csv");
        Write(reference, new Random(19), drifted: false);
        Write(current, new Random(20), drifted: true);

        var result = CliRunner.Run(dir.Path, "drift", "--reference", reference, "--current", current, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var columns = result.Json().GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal(
            [("flag", "drift", "cohens_h"), ("segment", "drift", "cohens_h"), ("amount", "drift", "wasserstein_rank"), ("score", "ok", "wasserstein")],
            columns.Values.Select(c => (c.GetProperty("column").GetString(), c.GetProperty("status").GetString(), c.GetProperty("effectMeasure").GetString())));
        Assert.All(columns.Values, c => Assert.Equal(0.1, c.GetProperty("effectThreshold").GetDouble()));
        Assert.InRange(columns["flag"].GetProperty("effect").GetDouble(), 0.18, 0.22);
        Assert.InRange(columns["segment"].GetProperty("effect").GetDouble(), 0.13, 0.17);
        Assert.InRange(columns["amount"].GetProperty("effect").GetDouble(), 0.11, 0.15);

        var text = CliRunner.Run(dir.Path, "drift", "--reference", reference, "--current", current);
        Assert.Contains("3 of 4 judged column(s) drifted", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("error MG3001 [amount]: Column 'amount' drifted: wasserstein_rank ", text.Stdout, StringComparison.Ordinal);

        // The effects the issue reported, on the same files: every p-value tiny, every effect under 0.1, a silent pass
        // (the per-column policy of the time; the dataset-level multivariate checks came later).
        var old = CliRunner.Run(dir.Path, "drift", "--reference", reference, "--current", current, "--format", "json", "--multivariate", "off",
            "--column-test", "flag=jensenshannon", "--column-test", "segment=jensenshannon", "--column-test", "amount=wasserstein");
        Assert.True(old.ExitCode == 0, old.ToString());
        Assert.All(old.Json().GetProperty("columns").EnumerateArray(), c => Assert.True(c.GetProperty("effect").GetDouble() < 0.1, c.ToString()));
    }

    /// <summary>The repro's generator: 100,000 rows of flag, segment, amount and score.</summary>
    private static void Write(string path, Random random, bool drifted)
    {
        var rare = drifted ? 0.03 : 0.01;
        var text = new StringBuilder("flag,segment,amount,score\n");
        for (var i = 0; i < 100_000; i++)
        {
            var flag = random.NextDouble() < (drifted ? 0.6 : 0.5) ? "true" : "false";
            var u = random.NextDouble();
            var segment = u < rare ? "rare" : u < rare + ((1 - rare) * 0.6) ? "retail" : "business";
            var amount = (drifted ? 1.3 : 1.0) * Math.Exp(2.0 * Gaussian(random));
            text.Append(CultureInfo.InvariantCulture, $"{flag},{segment},{amount:R},{Gaussian(random):R}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: two uniforms in (0, 1] give one standard normal draw.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
