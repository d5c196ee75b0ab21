using System.Globalization;
using System.Text.Json;
using ModelGates.Drift;

namespace ModelGates.Tests.Drift;

/// <summary>SciPy's answers written by eng/oracles/drift_oracles.py, read from the test output folder.</summary>
internal static class DriftOracle
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "oracles", "drift.json");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static JsonElement Document => Root.Value;

    public static IEnumerable<JsonElement> ValueCases => Document.GetProperty("value_cases").EnumerateArray();

    public static IEnumerable<JsonElement> CountCases => Document.GetProperty("count_cases").EnumerateArray();

    public static JsonElement ValueCase(string name) => ValueCases.Single(c => c.GetProperty("name").GetString() == name);

    public static JsonElement CountCase(string name) => CountCases.Single(c => c.GetProperty("name").GetString() == name);

    public static double[] Sample(string name) => Numbers(Document.GetProperty("samples").GetProperty(name));

    public static double[]? Weights(JsonElement nameOrNull) =>
        nameOrNull.ValueKind == JsonValueKind.Null ? null : Numbers(Document.GetProperty("weights").GetProperty(nameOrNull.GetString()!));

    /// <summary>The reference and current samples of a value case, sorted by <see cref="NumericSample.FromUnsorted(ReadOnlySpan{double})"/>.</summary>
    public static (NumericSample Reference, NumericSample Current) Samples(JsonElement valueCase)
    {
        var reference = Sample(valueCase.GetProperty("reference").GetString()!);
        var current = Sample(valueCase.GetProperty("current").GetString()!);
        var referenceWeights = Weights(valueCase.GetProperty("reference_weights"));
        var currentWeights = Weights(valueCase.GetProperty("current_weights"));
        return (Make(reference, referenceWeights), Make(current, currentWeights));
    }

    public static (CountVector Reference, CountVector Current) Counts(JsonElement countCase) =>
        (new CountVector(Longs(countCase.GetProperty("reference"))), new CountVector(Longs(countCase.GetProperty("current"))));

    /// <summary>A number written by the oracle: a JSON number, or "inf", "-inf", "nan".</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" => double.NaN,
            var text => double.Parse(text!, CultureInfo.InvariantCulture),
        },
        _ => throw new InvalidDataException($"Not a number: {element}"),
    };

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static NumericSample Make(double[] values, double[]? weights) =>
        weights is null ? NumericSample.FromUnsorted(values) : NumericSample.FromUnsorted(values, weights);
}
