using System.Text.Json;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>The fixtures of eng/oracles/multiclass_estimation_oracles.py (NumPy and scikit-learn), read from oracles/multiclass_estimation.json.</summary>
internal static class MulticlassOracle
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "oracles", "multiclass_estimation.json"))));

    public static JsonElement Case(string section, string name) =>
        Document.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.Value.RootElement.GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt32())];

    /// <summary>Row-major values as an n × <paramref name="k"/> matrix.</summary>
    public static double[,] Matrix(double[] values, int k)
    {
        var matrix = new double[values.Length / k, k];
        for (var i = 0; i < values.Length; i++)
        {
            matrix[i / k, i % k] = values[i];
        }

        return matrix;
    }

    /// <summary>Equal within 1e-9, relative to the larger of 1 and |expected|.</summary>
    public static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
