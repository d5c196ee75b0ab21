using System.Text.Json;

namespace ModelGates.Tests.Monitoring.Estimation;

/// <summary>The fixtures of eng/oracles/estimation_oracles.py (scikit-learn and numpy), read from oracles/estimation.json.</summary>
internal static class EstimationOracle
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "oracles", "estimation.json"))));

    public static IEnumerable<JsonElement> Cases(string section) => Document.Value.RootElement.GetProperty(section).EnumerateArray();

    public static JsonElement Case(string section, string name) =>
        Cases(section).Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(section))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static bool[] Booleans(JsonElement array) => array.EnumerateArray().Select(v => v.GetBoolean()).ToArray();

    public static void Close(double expected, double actual, double tolerance = 1e-12)
    {
        Assert.True(
            Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");
    }
}
