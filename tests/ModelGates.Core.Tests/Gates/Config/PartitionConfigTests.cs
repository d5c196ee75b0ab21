using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;
using ModelGates.Tests.Data.Partitions;

namespace ModelGates.Tests.Gates.Config;

/// <summary>
/// <c>partitions</c> of a dataset, a contract gate and a drift gate in modelgates.json: read with positions, checked
/// against the dataset's folders when the config is read, and applied by the gates, which read only those partitions.
/// </summary>
public sealed class PartitionConfigTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public PartitionConfigTests() => LakeData.WriteParquet(dir.File("lake"), days: 6, rowsPerDay: 400);

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Gates_read_only_the_partitions_their_dataset_and_they_choose()
    {
        var config = Write("""
            {
              "datasets": {
                "scoring": { "path": "lake", "partitions": { "day": [">= 2026-10-29", "< 2026-11-02"] } }
              },
              "contracts": {
                "recent": {
                  "dataset": "scoring",
                  "partitions": { "day": "!= 2026-10-30" },
                  "contract": { "schemaVersion": 1, "columns": { "amount": { "type": "number", "min": 0 } } }
                }
              },
              "drift": {
                "november": {
                  "reference": "scoring", "referencePartitions": { "day": ["2026-10-29", "2026-10-30"] },
                  "current": "scoring", "partitions": { "day": ">= 2026-11-01" },
                  "columns": ["amount", "city"]
                }
              }
            }
            """);

        var report = GateRunner.Run(GatesConfigReader.Read(config), new GateRunOptions());

        var contract = report.Gates.Single(g => g.Kind == "contract");
        Assert.Contains(new KeyValuePair<string, string>("rows", "1200"), contract.Facts);
        Assert.Contains(report.Checks, c => c.Id == "drift:november/amount");

        // Read: the contract's three days and the drift gate's sides, two October days against one November day (the
        // dataset stops before November 2); never the days no gate chose.
        var days = report.Inputs.Select(i => Path.GetFileName(Path.GetDirectoryName(i.Path))).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["day=2026-10-29", "day=2026-10-30", "day=2026-10-31", "day=2026-11-01"], days);
    }

    [Fact]
    public void An_unknown_key_and_a_bad_value_are_reported_at_their_lines_when_the_config_is_read()
    {
        var config = Write("""
            {
              "datasets": {
                "scoring": {
                  "path": "lake",
                  "partitions": { "dya": ">= 2026-11-01" }
                },
                "recent": {
                  "path": "lake",
                  "partitions": {
                    "day": "> 2026-11-31"
                  }
                }
              }
            }
            """);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(config));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        var unknown = error.Diagnostics.Single(d => d.Code == "MG0150");
        Assert.Equal((config, 5), (unknown.File, unknown.Line));
        Assert.Contains("Did you mean 'day'?", unknown.Message, StringComparison.Ordinal);
        var bad = error.Diagnostics.Single(d => d.Code == "MG0151");
        Assert.Equal((config, 10), (bad.File, bad.Line));
        Assert.Contains("'2026-11-31' is not a DATE value", bad.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "day": [">= 2026-11-01", "2026-11-02"] }""", "mixes values and comparisons")]
    [InlineData("""{ "day": { "min": 1 } }""", "must be a string")]
    [InlineData("""{ }""", "is empty")]
    [InlineData("""{ "day": ">=" }""", "has no value")]
    public void A_malformed_filter_is_MG0151(string partitions, string expected)
    {
        var config = Write($$"""{ "datasets": { "scoring": { "path": "lake", "partitions": {{partitions}} } } }""");

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(config));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("MG0151", diagnostic.Code);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_partitions_need_a_reference_dataset()
    {
        dir.Write("reference.csv", "amount\n1\n");
        var config = Write("""
            {
              "datasets": { "scoring": { "path": "lake" } },
              "drift": { "d": { "reference": "reference.csv", "current": "scoring", "referencePartitions": { "day": "2026-10-28" } } }
            }
            """);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(config));

        Assert.Equal(("MG0151", 3), (error.Diagnostics[0].Code, error.Diagnostics[0].Line));
    }

    [Fact]
    public void The_partition_cache_is_resolved_against_the_config_s_folder()
    {
        var defaults = GatesConfigReader.Read(Write("""{ "datasets": { "scoring": { "path": "lake" } } }"""));
        var chosen = GatesConfigReader.Read(Write("""{ "partitionCache": "build/partitions", "datasets": { "scoring": { "path": "lake" } } }"""));

        Assert.Equal(Path.Combine(dir.Path, ".modelgates", "partitions"), defaults.PartitionCache);
        Assert.Equal(Path.Combine(dir.Path, "build", "partitions"), chosen.PartitionCache);
    }

    [Fact]
    public void Accept_profiles_a_partitioned_reference_per_partition_in_the_config_s_cache()
    {
        // An older reference profile, which accept replaces.
        using (var pipeline = new ModelGates.Inputs.InputPipeline())
        {
            var old = pipeline.Profile(new DatasetSource(dir.Write("old.csv", "amount\n1\n2\n"))).Profile;
            File.WriteAllBytes(dir.File("reference.profile.json"), ModelGates.Profiles.ProfileJsonWriter.Write(old));
        }

        var config = GatesConfigReader.Read(Write("""
            {
              "partitionCache": "cache",
              "datasets": { "scoring": { "path": "lake", "partitions": { "day": "<= 2026-10-30" } } },
              "drift": { "d": { "reference": "reference.profile.json", "current": "scoring" } }
            }
            """));

        BaselineAcceptor.Accept(config, null);

        var profile = ModelGates.Profiles.ProfileJsonReader.Read(dir.File("reference.profile.json"));
        Assert.Equal(3 * 400, profile.Rows);
        Assert.Contains(profile.Columns, c => c.Name == "day");
        Assert.Equal(3, Directory.GetFiles(dir.File("cache"), "*.profile.json", SearchOption.AllDirectories).Length);
    }

    private string Write(string json) => dir.Write("modelgates.json", json);
}
