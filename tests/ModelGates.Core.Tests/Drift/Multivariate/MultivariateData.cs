using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Results;
using ModelGates.Inputs;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>Seeded data for the multivariate checks: two columns with a chosen correlation, independent noise and a category.</summary>
internal static class MultivariateData
{
    /// <summary>Writes <paramref name="rows"/> rows: x and y standard normal with correlation <paramref name="correlation"/>, z1..z3 independent normal, c one of four categories.</summary>
    public static string Write(string path, int rows, double correlation, ulong seed)
    {
        var random = new SeededRandom(seed);
        var text = new StringBuilder("x,y,z1,z2,z3,c\n");
        var other = Math.Sqrt(1 - (correlation * correlation));
        for (var i = 0; i < rows; i++)
        {
            var x = random.NextGaussian();
            var y = (correlation * x) + (other * random.NextGaussian());
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R},{random.NextGaussian():R},{random.NextGaussian():R},{random.NextGaussian():R},k{random.NextInt64(4)}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Splits a CSV file's data lines at random (seeded) into two files of about equal size.</summary>
    public static (string First, string Second) Split(string source, string first, string second, ulong seed)
    {
        var lines = File.ReadAllLines(source);
        var random = new SeededRandom(seed);
        var a = new StringBuilder(lines[0] + "\n");
        var b = new StringBuilder(lines[0] + "\n");
        foreach (var line in lines.Skip(1))
        {
            (random.NextDouble() < 0.5 ? a : b).Append(line).Append('\n');
        }

        File.WriteAllText(first, a.ToString());
        File.WriteAllText(second, b.ToString());
        return (first, second);
    }

    /// <summary>Compares two files as <c>modelgates drift</c> does: both read through one pipeline, the reference as data.</summary>
    public static DriftReport Compare(string reference, string current, DriftOptions? options = null)
    {
        using var pipeline = new InputPipeline();
        return DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(reference)), pipeline.ReadColumns(new DatasetSource(current)), options);
    }

    /// <summary>The check of that name.</summary>
    public static DatasetDriftCheck Check(this DriftReport report, string name) => report.DatasetChecks.Single(c => c.Name == name);
}
