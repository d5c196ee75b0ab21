using ModelGates.Testing;

namespace ModelGates.Xunit.Tests;

public sealed class ModelGatesDataTests : IDisposable
{
    private readonly TempDirectory dir = new();

    [Fact]
    public void Every_check_becomes_a_case_named_by_its_description()
    {
        var config = WriteConfig("credit_data.csv");

        var cases = Cases(config);

        Assert.True(cases.Count > 40);
        Assert.Contains(cases, c => c.Description == "applications: Amount min ≥ 0" && c.CheckId == "contract:applications/Amount/min");
        Assert.All(cases, c => Assert.Equal(c.Description, c.ToString()));
        Assert.Equal(cases.Count, cases.Select(c => c.CheckId).Distinct().Count());
    }

    [Fact]
    public void A_passing_case_verifies_and_a_failing_one_says_measured_bound_and_report()
    {
        var config = WriteConfig("credit_corrupted.csv");
        var cases = Cases(config);

        cases.Single(c => c.CheckId == "contract:applications/Age/min").Verify();
        var error = Assert.Throws<ModelGatesAssertException>(() => cases.Single(c => c.CheckId == "contract:applications/Amount/min").Verify());

        Assert.Contains("MG2006", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"contract:applications/Amount/min\s+-500\s+0\s+.*credit\.contract\.json\(\d+,\d+\)", error.Message);
        Assert.Contains("modelgates.result.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialized_case_keeps_its_identity()
    {
        var original = new GateCase("/x/modelgates.json", "drift:a/Income", "a: Income psi < 0.2");
        var info = new SerializationInfo();
        original.Serialize(info);
#pragma warning disable CS0618 // xunit's deserializer path
        var copy = new GateCase();
#pragma warning restore CS0618
        copy.Deserialize(info);

        Assert.Equal((original.ConfigPath, original.CheckId, original.Description), (copy.ConfigPath, copy.CheckId, copy.Description));
    }

    [Fact]
    public void A_broken_config_fails_loudly_with_its_diagnostics()
    {
        var config = dir.Write("broken/modelgates.json", "{ \"datasetz\": {} }");

        var error = Assert.Throws<ModelGatesAssertException>(() => Cases(config));

        Assert.Contains("MG0012", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'datasets'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gates_run_once_per_config_and_process_however_many_theories_and_cases_ask()
    {
        var config = WriteConfig("credit_data.csv");
        var first = Cases(config);

        // Were the gates run again, this broken data would fail the Amount rule.
        File.Copy(RepoPaths.Combine("samples", "data", "broken", "credit_corrupted.csv"), Path.Combine(Path.GetDirectoryName(config)!, "applications.csv"), overwrite: true);
        var second = Cases(config);

        Assert.Equal(first.Select(c => c.CheckId), second.Select(c => c.CheckId));
        second.Single(c => c.CheckId == "contract:applications/Amount/min").Verify();
        Assert.Same(GateRunCache.Get(config), GateRunCache.Get(config));
    }

    public void Dispose() => dir.Dispose();

    private static List<GateCase> Cases(string config) =>
        new ModelGatesDataAttribute(config).GetData(typeof(ModelGatesDataTests).GetMethod(nameof(Cases), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!)
            .Select(row => (GateCase)row[0])
            .ToList();

    private string WriteConfig(string dataFile)
    {
        var folder = "run-" + Path.GetFileNameWithoutExtension(dataFile);
        File.Copy(RepoPaths.Combine("samples", "contracts", "credit.contract.json"), dir.File(Path.Combine(folder, "credit.contract.json")).EnsureFolder());
        var source = dataFile == "credit_data.csv" ? RepoPaths.Combine("samples", "data", dataFile) : RepoPaths.Combine("samples", "data", "broken", dataFile);
        File.Copy(source, dir.File(Path.Combine(folder, "applications.csv")));
        return dir.Write(Path.Combine(folder, "modelgates.json"), """
            {
              "datasets": { "applications": { "path": "applications.csv", "maxUnparsedRows": 5 } },
              "contracts": { "applications": { "dataset": "applications", "contract": "credit.contract.json" } }
            }
            """);
    }

    private sealed class SerializationInfo : global::Xunit.Abstractions.IXunitSerializationInfo
    {
        private readonly Dictionary<string, object?> values = [];

        public void AddValue(string key, object? value, Type? type = null) => values[key] = value;

        public object? GetValue(string key, Type type) => values[key];

        public T GetValue<T>(string key) => (T)values[key]!;
    }
}

internal static class PathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
