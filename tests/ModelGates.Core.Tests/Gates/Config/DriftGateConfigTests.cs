using System.Globalization;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Testing;

namespace ModelGates.Tests.Gates.Config;

/// <summary>
/// A drift gate of modelgates.json accepts every drift option under the name the command line and C# use,
/// checks it at its line as they check it, and still reads the old names with a warning.
/// </summary>
public sealed class DriftGateConfigTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public DriftGateConfigTests()
    {
        directory.Write("ref.csv", "a,b,c\n1,x,true\n2,y,false\n3,x,true\n");
        directory.Write("cur.csv", "a,b,c\n1,x,true\n2,y,false\n3,y,true\n");
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_gate_with_every_option_reads_as_the_command_line_and_csharp_settings_do()
    {
        var gate = ReadGate("""
            "test": "psi", "threshold": 0.2, "alpha": 0.01, "effectThreshold": 0.15, "decision": "lower-bound", "correction": "bh",
            "missingShareThreshold": 0.1, "minimumCount": 5, "datasetDriftShare": 0.25, "bootstrapReplicates": 300,
            "confidenceLevel": 0.9, "seed": 7, "columns": ["a", "b"],
            "overrides": {
              "a": { "test": "ks", "threshold": 0.001, "alpha": 0.02, "effectThreshold": 0.3, "missingShareThreshold": 0.2, "weight": 2 },
              "c": { "skip": true }
            }
            """);
        var fromCommandLine = DriftOptionTable.FromCommandLine(name => name switch
        {
            "test" => ["psi"],
            "threshold" => ["0.2"],
            "alpha" => ["0.01"],
            "effect-threshold" => ["0.15"],
            "decision" => ["lower-bound"],
            "correction" => ["bh"],
            "missing-share-threshold" => ["0.1"],
            "minimum-count" => ["5"],
            "dataset-drift-share" => ["0.25"],
            "bootstrap-replicates" => ["300"],
            "confidence-level" => ["0.9"],
            "seed" => ["7"],
            "columns" => ["a,b"],
            "column-test" => ["a=ks"],
            "column-threshold" => ["a=0.001"],
            "column-alpha" => ["a=0.02"],
            "column-effect-threshold" => ["a=0.3"],
            "column-missing-share-threshold" => ["a=0.2"],
            "column-weight" => ["a=2"],
            "column-skip" => ["c"],
            _ => [],
        });
        var inCode = new DriftOptions
        {
            Test = "psi",
            Threshold = 0.2,
            Alpha = 0.01,
            EffectThreshold = 0.15,
            Decision = DriftDecisionRule.LowerBound,
            Correction = MultipleTestingCorrection.BenjaminiHochberg,
            MissingShareThreshold = 0.1,
            MinimumCount = 5,
            DatasetDriftShare = 0.25,
            BootstrapReplicates = 300,
            ConfidenceLevel = 0.9,
            Seed = 7,
            Columns = ["a", "b"],
            Overrides = new Dictionary<string, ColumnDriftOverride>
            {
                ["a"] = new() { Test = "ks", Threshold = 0.001, Alpha = 0.02, EffectThreshold = 0.3, MissingShareThreshold = 0.2, Weight = 2 },
                ["c"] = new() { Skip = true },
            },
        };

        Assert.Equal(Describe(inCode), Describe(gate.Options));
        Assert.Equal(Describe(inCode), Describe(fromCommandLine));
    }

    [Theory]
    [InlineData("\"alpha\": 2", "MG0034", "'alpha' must be above 0 and below 1, not 2.")]
    [InlineData("\"test\": \"kss\"", "MG0030", "Unknown drift test 'kss'. Did you mean 'ks'?")]
    [InlineData("\"decision\": \"strict\"", "MG0015", "'decision' must be one of effect, lower-bound, test, not 'strict'.")]
    [InlineData("\"minimumCount\": 2.5", "MG0013", "'minimumCount' must be a whole number, not number.")]
    [InlineData("\"bootstrapReplicates\": 5", "MG0034", "'bootstrapReplicates' must be between 20 and 100000, not 5.")]
    [InlineData("\"seed\": -1", "MG0015", "'seed' must be a whole number of at least 0.")]
    [InlineData("\"columns\": \"a\"", "MG0013", "'columns' must be a list of names, not string.")]
    [InlineData("\"overrides\": { \"a\": { \"test\": \"ks\", \"threshold\": 3 } }", "MG0034", "'threshold' of column 'a' is the threshold of the p-value test ks")]
    [InlineData("\"overrides\": { \"a\": { \"weight\": \"heavy\" } }", "MG0013", "'weight' of column 'a' must be a number, not string.")]
    [InlineData("\"overrides\": { \"a\": { \"decision\": \"test\" } }", "MG0012", "Unknown key 'decision' in the override of column 'a'.")]
    [InlineData("\"datasetDriftShar\": 0.3", "MG0012", "Did you mean 'datasetDriftShare'?")]
    [InlineData("\"driftedShare\": 0.3, \"datasetDriftShare\": 0.3", "MG0015", "'driftedShare' and 'datasetDriftShare' name the same setting")]
    public void A_bad_option_is_an_error_at_its_line(string options, string code, string message)
    {
        var path = Config(options);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var d = error.Diagnostics.First(d => d.IsError);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Equal(path, d.File);
        var key = options.Split(':')[0].Trim().Trim('"');
        var line = File.ReadAllLines(path)[d.Line!.Value - 1];
        Assert.Contains(code == "MG0015" && key == "driftedShare" ? "driftedShare" : key, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"driftedShare\": 0.25", "'driftedShare' is an old name of 'datasetDriftShare'; rename it.")]
    [InlineData("\"overrides\": { \"b\": { \"ignore\": true } }", "'ignore' is an old name of 'skip'; rename it.")]
    public void An_old_key_still_works_with_a_warning_at_its_line_that_the_run_reports(string options, string message)
    {
        var path = Config(options);

        var config = GatesConfigReader.Read(path);

        var warning = Assert.Single(config.Warnings);
        Assert.Equal(("MG0022", Severity.Warning, message), (warning.Code, warning.Severity, warning.Message));
        Assert.Contains(options.Contains("ignore", StringComparison.Ordinal) ? "\"ignore\"" : "\"driftedShare\"", File.ReadAllLines(path)[warning.Line!.Value - 1], StringComparison.Ordinal);
        var gate = Assert.Single(config.Drift);
        Assert.True(options.Contains("ignore", StringComparison.Ordinal) ? gate.Options.Overrides["b"].Skip == true : gate.Options.DatasetDriftShare == 0.25);

        var report = GateRunner.Run(config, new GateRunOptions());
        Assert.Contains(warning, report.Diagnostics);
    }

    [Fact]
    public void A_column_at_severity_off_is_skipped_unless_its_override_says_otherwise()
    {
        var options = ReadGate("""
            "overrides": { "a": { "severity": "off" }, "b": { "severity": "off", "skip": false } }
            """).Options;

        Assert.True(options.For("a").Skip);
        Assert.False(options.For("b").Skip);
    }

    [Fact]
    public void The_dataset_rule_fails_at_the_line_of_its_key_under_either_name()
    {
        foreach (var key in new[] { "datasetDriftShare", "driftedShare" })
        {
            var path = Config($"\"alpha\": 0.5, \"minimumCount\": 1, \"correction\": \"none\", \"decision\": \"test\", \"test\": \"tvd\", \"threshold\": 0.01,\n      \"{key}\": 0.1");
            var report = GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());

            var dataset = report.Gates.Single().Checks.Single(c => c.Id == "drift:g/dataset");
            Assert.Equal("MG3002", dataset.Diagnostic!.Code);
            Assert.Contains($"\"{key}\"", File.ReadAllLines(path)[dataset.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        }
    }

    private DriftGate ReadGate(string options) => Assert.Single(GatesConfigReader.Read(Config(options)).Drift);

    private string Config(string options) => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": { "ref": { "path": "ref.csv" }, "cur": { "path": "cur.csv" } },
          "drift": {
            "g": {
              "reference": "ref",
              "current": "cur",
              {{options}}
            }
          }
        }
        """);

    /// <summary>Every option's value, the whole comparison's then each column's, as text: what the three front ends must agree on.</summary>
    private static List<string> Describe(DriftOptions options)
    {
        var lines = DriftOptionTable.All.Where(o => o.ForComparison).Select(o => $"{o.Key}={Text(o.Get!(options))}").ToList();
        foreach (var (column, o) in options.Overrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.AddRange(DriftOptionTable.All.Where(x => x.ForColumn).Select(x => $"{column}.{x.Key}={Text(x.GetColumn!(o))}"));
        }

        return lines;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        IEnumerable<string> list => string.Join(",", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
