using System.Globalization;
using System.Text;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring;
using ModelGates.Monitoring.Estimation;
using ModelGates.Testing;

namespace ModelGates.Tests.Monitoring;

/// <summary>
/// A monitor of a regression model: DLE fitted on the model gate's evaluation data estimates each window's MAE and
/// RMSE (the same numbers DleEstimator gives on the same arrays), a window whose band lies above the gate's max
/// breaches before its labels arrive, and labelled windows get realized errors.
/// </summary>
public sealed class RegressionMonitorTests : IDisposable
{
    private static readonly DateTime Week1 = new(2026, 6, 1);
    private readonly TempDirectory directory = new();

    public RegressionMonitorTests()
    {
        directory.Write("evaluation.csv", Rows(2000, seed: 11, shift: 0, labels: true, start: null));
        Directory.CreateDirectory(directory.File("batches"));
        directory.Write(Path.Combine("batches", "w1.csv"), Rows(1000, seed: 12, shift: 0, labels: true, start: Week1));
        directory.Write(Path.Combine("batches", "w2.csv"), Rows(1000, seed: 13, shift: 3, labels: false, start: Week1.AddDays(7)));
        directory.Write(Path.Combine("batches", "w3.csv"), Rows(1000, seed: 14, shift: 0, labels: false, start: Week1.AddDays(14)));
        directory.Write("modelgates.json", """
            {
              "schemaVersion": 1,
              "datasets": {
                "evaluation": { "path": "evaluation.csv" },
                "production": { "path": "batches/*.csv" }
              },
              "models": {
                "r": { "predictions": "evaluation.csv", "task": "regression", "label": "y", "score": "p", "metrics": { "mae": { "max": 0.55 }, "rmse": { "max": 1.5 } } }
              },
              "monitors": {
                "prod": { "reference": "evaluation", "data": "production", "timestamp": "ts", "window": "7d", "model": "r", "score": "p", "minRows": 100 }
              }
            }
            """);
    }

    public void Dispose() => directory.Dispose();

    private static GateRunOptions Options => new() { Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), ToolVersion = "1.0.0" };

    [Fact]
    public void Windows_get_the_estimates_DLE_gives_on_their_rows_and_breach_when_the_band_is_above_the_max()
    {
        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        var reference = Read("evaluation.csv");
        var dle = DleEstimator.Fit([reference.X1, reference.X2], reference.P, reference.Y);
        var batches = new[] { "w1.csv", "w2.csv", "w3.csv" };
        for (var i = 0; i < 3; i++)
        {
            var window = Read(Path.Combine("batches", batches[i]));
            var expected = dle.Estimate([window.X1, window.X2], window.P).ToDictionary(e => e.Metric);
            var estimated = result.Windows[i].Estimated;
            Assert.Equal(["mae", "rmse"], estimated.Select(m => m.Metric));
            Assert.All(estimated, m =>
            {
                Assert.Equal(expected[m.Metric].Value, m.Value!.Value, 12);
                Assert.Equal(expected[m.Metric].Lower, m.Lower!.Value, 12);
                Assert.Equal(expected[m.Metric].Upper, m.Upper!.Value, 12);
            });
        }

        // Week 2 moved x1 to where the errors are larger: the estimated MAE's whole band is above max 0.55.
        var shifted = result.Windows[1];
        Assert.True(shifted.Estimated[0].Lower > 0.55, $"lower {shifted.Estimated[0].Lower}");
        Assert.Contains(shifted.Reasons, r => r.StartsWith("estimated mae ", StringComparison.Ordinal) && r.EndsWith("> max 0.55", StringComparison.Ordinal));
        Assert.Equal(WindowStatus.Breach, shifted.Status);
        Assert.Empty(shifted.Realized);
        Assert.DoesNotContain(result.Windows[2].Reasons, r => r.StartsWith("estimated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_labelled_window_gets_its_realized_errors_against_the_max()
    {
        var result = Assert.Single(MonitorRun.Run(GatesConfigReader.Read(directory.File("modelgates.json")), Options).Results);

        var week = Read(Path.Combine("batches", "w1.csv"));
        var mae = week.Y.Zip(week.P, (y, p) => Math.Abs(y - p)).Average();
        var rmse = Math.Sqrt(week.Y.Zip(week.P, (y, p) => (y - p) * (y - p)).Average());
        var realized = result.Windows[0].Realized.ToDictionary(m => m.Metric);
        Assert.Equal(mae, realized["mae"].Value!.Value, 10);
        Assert.Equal(rmse, realized["rmse"].Value!.Value, 10);
        Assert.Equal((0.55, 1.5), (realized["mae"].Ceiling, realized["rmse"].Ceiling));
        Assert.Equal(mae > 0.55, realized["mae"].AboveCeiling);
    }

    private (double[] X1, double[] X2, double[] Y, double[] P) Read(string file)
    {
        var lines = File.ReadAllLines(directory.File(file));
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double[] Column(string name) => [.. rows.Select(r => r[header.IndexOf(name)].Length == 0 ? double.NaN : double.Parse(r[header.IndexOf(name)], CultureInfo.InvariantCulture))];
        return (Column("x1"), Column("x2"), Column("y"), Column("p"));
    }

    /// <summary>x1 ~ N(shift, 1), x2 ~ N(0, 1); the model predicts x1 + 0.4·x2², the truth is x1 + 0.5·x2² plus noise growing with |x1|.</summary>
    private static string Rows(int count, int seed, double shift, bool labels, DateTime? start)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var text = new StringBuilder(start is null ? "x1,x2,y,p\n" : "ts,x1,x2,y,p\n");
        for (var i = 0; i < count; i++)
        {
            var x1 = shift + Normal();
            var x2 = Normal();
            var p = x1 + (0.4 * x2 * x2);
            var y = x1 + (0.5 * x2 * x2) + (Normal() * 0.3 * (1 + Math.Abs(x1)));
            if (start is { } s)
            {
                text.Append(s.AddMinutes(i * (7 * 24 * 60.0 / count)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(string.Create(CultureInfo.InvariantCulture, $"{x1:0.######},{x2:0.######},{(labels ? y.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty)},{p:0.######}\n"));
        }

        return text.ToString();
    }
}
