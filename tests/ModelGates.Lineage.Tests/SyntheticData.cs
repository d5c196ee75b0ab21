using System.Globalization;
using System.Text;
using Microsoft.ML.Data;

namespace ModelGates.Lineage.Tests;

/// <summary>A small, fixed binary-classification data set written as CSV: the same bytes on every run.</summary>
internal static class SyntheticData
{
    public static string WriteCsv(string directory, int rows = 300)
    {
        var random = new Random(7);
        var text = new StringBuilder("Income,Debt,Label\n");
        for (var i = 0; i < rows; i++)
        {
            var income = random.NextDouble() * 100;
            var debt = random.NextDouble() * 50;
            var label = income - debt + (random.NextDouble() * 20) > 40;
            text.Append(income.ToString("F3", CultureInfo.InvariantCulture)).Append(',')
                .Append(debt.ToString("F3", CultureInfo.InvariantCulture)).Append(',')
                .Append(label ? "true" : "false").Append('\n');
        }

        var path = Path.Combine(directory, "train.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public sealed class Row
    {
        [LoadColumn(0)]
        public float Income { get; set; }

        [LoadColumn(1)]
        public float Debt { get; set; }

        [LoadColumn(2)]
        public bool Label { get; set; }
    }
}

/// <summary>A temporary directory removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "modelgates-lineage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a locked file in the temp folder must not fail the test.
        }
    }
}
