using Newtonsoft.Json.Linq;

namespace ModelGates.Lineage.Tests;

public sealed class LineageJsonTests
{
    [Fact]
    public void SameRecord_GivesTheSameBytes_WithKeysInOrdinalOrder()
    {
        var record = Sample();

        var first = LineageJson.Write(record);
        var second = LineageJson.Write(LineageJson.Read(first));

        Assert.Equal(first, second);
        var root = JObject.Parse(first);
        var keys = root.Properties().Select(property => property.Name).ToList();
        Assert.Equal(keys.OrderBy(key => key, StringComparer.Ordinal), keys);
        var metrics = ((JObject)root["metrics"]!).Properties().Select(property => property.Name).ToList();
        Assert.Equal(new[] { "accuracy", "auc", "logLoss" }, metrics);
        Assert.Equal(new[] { "b.csv", "a.csv" }, root["dataFiles"]!.Select(file => (string)file["path"]!)); // caller's order kept
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_IsTheStoredText()
    {
        var record = Sample();

        Assert.Equal(LineageJson.Write(record), record.ToJson());
    }

    [Fact]
    public void Numbers_AndTimes_RoundTripInvariantly()
    {
        var record = LineageJson.Read(LineageJson.Write(Sample()));

        Assert.Equal(0.1 + 0.2, record.Metrics["auc"]);
        Assert.True(double.IsNaN(record.Metrics["logLoss"]));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), record.CreatedUtc);
        Assert.Contains("\"createdUtc\": \"2026-01-02T03:04:05.6780000Z\"", LineageJson.Write(record), StringComparison.Ordinal);
        Assert.Equal("abc123", record.Git!.Commit);
        Assert.True(record.Git.Dirty);
    }

    [Fact]
    public void UnknownMembers_AreIgnored_AndMissingOnesDefault()
    {
        var record = LineageJson.Read("""{ "schemaVersion": 2, "seed": 3, "futureField": [1, 2] }""");

        Assert.Equal(2, record.SchemaVersion);
        Assert.Equal(3, record.Seed);
        Assert.Empty(record.DataFiles);
        Assert.Null(record.Git);
        Assert.Empty(record.Metrics);
    }

    private static LineageRecord Sample() => new(
        LineageRecord.CurrentSchemaVersion,
        seed: 42,
        seedSource: "caller",
        dataFiles: new[] { new DataFileHash("b.csv", "00ff", 10), new DataFileHash("a.csv", "ff00", 20) },
        git: new GitState("abc123", dirty: true),
        mlNetVersion: "5.0.1",
        runtime: ".NET 10.0.0",
        operatingSystem: "Linux (x64)",
        trainer: "LinearBinaryModelParameters",
        pipeline: new[] { "ColumnConcatenatingTransformer" },
        modelParameters: new Dictionary<string, string> { ["Bias"] = "0.5" },
        hyperparameters: new Dictionary<string, string>(),
        metrics: new Dictionary<string, double> { ["logLoss"] = double.NaN, ["auc"] = 0.1 + 0.2, ["accuracy"] = 1 },
        properties: new Dictionary<string, string>(),
        createdUtc: new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
}
