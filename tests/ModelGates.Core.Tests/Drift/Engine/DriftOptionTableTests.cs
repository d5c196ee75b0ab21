using System.Globalization;
using System.Reflection;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Options;
using ModelGates.Testing;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>Every drift option has one name everywhere and one check, whichever front end it comes from.</summary>
public sealed class DriftOptionTableTests
{
    [Fact]
    public void Each_option_is_the_same_words_in_json_on_the_command_line_and_in_csharp()
    {
        foreach (var option in DriftOptionTable.All)
        {
            Assert.Matches("^[a-z]+([A-Z][a-z]+)*$", option.Key);
            Assert.Equal(option.Key.ToLowerInvariant(), option.CliName.Replace("-", string.Empty, StringComparison.Ordinal));
            Assert.Equal(char.ToUpperInvariant(option.Key[0]) + option.Key[1..], option.PropertyName);
            if (option.ForComparison)
            {
                Assert.NotNull(typeof(DriftOptions).GetProperty(option.PropertyName));
            }

            if (option.ForColumn)
            {
                Assert.NotNull(typeof(ColumnDriftOverride).GetProperty(option.PropertyName));
            }
        }

        Assert.Equal("effect-threshold", DriftOptionTable.Find("effectThreshold")!.CliName);
        Assert.Equal("column-missing-share-threshold", DriftOptionTable.Find("missingShareThreshold")!.ColumnCliName);
        Assert.Equal("DatasetDriftShare", DriftOptionTable.Find("datasetDriftShare")!.PropertyName);
    }

    [Fact]
    public void Every_setting_of_DriftOptions_and_ColumnDriftOverride_is_in_the_table()
    {
        // ColumnSeverity is the C# caller's choice of MG3001's severity; a gate has its own severity key.
        var comparison = Settable(typeof(DriftOptions)).Except(["Overrides", "ColumnSeverity"]);
        Assert.Equal(comparison.Order(StringComparer.Ordinal), DriftOptionTable.All.Where(o => o.ForComparison).Select(o => o.PropertyName).Order(StringComparer.Ordinal));
        Assert.Equal(Settable(typeof(ColumnDriftOverride)).Order(StringComparer.Ordinal), DriftOptionTable.All.Where(o => o.ForColumn).Select(o => o.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Documented_defaults_are_the_defaults()
    {
        foreach (var option in DriftOptionTable.All.Where(o => o.ForComparison && o.Get!(DriftOptions.Default) is not null))
        {
            var value = option.Get!(DriftOptions.Default)!;
            Assert.Equal(Convert.ToString(value, CultureInfo.InvariantCulture), option.Default);
        }
    }

    [Fact]
    public void Command_line_values_are_read_into_the_same_options_as_csharp()
    {
        var read = DriftOptionTable.FromCommandLine(Values(new()
        {
            ["test"] = ["psi"],
            ["threshold"] = ["0.2"],
            ["alpha"] = ["0.01"],
            ["decision"] = ["lower-bound"],
            ["correction"] = ["bh"],
            ["dataset-drift-share"] = ["0.25"],
            ["minimum-count"] = ["5"],
            ["bootstrap-replicates"] = ["300"],
            ["confidence-level"] = ["0.9"],
            ["seed"] = ["7"],
            ["columns"] = ["a, b"],
            ["column-test"] = ["a=ks"],
            ["column-weight"] = ["a=2", "b=0.5"],
            ["column-skip"] = ["c"],
        }));

        Assert.Equal(
            (read.Test, read.Threshold, read.Alpha, read.Decision, read.Correction, read.DatasetDriftShare, read.MinimumCount, read.BootstrapReplicates, read.ConfidenceLevel, read.Seed),
            ("psi", 0.2, 0.01, DriftDecisionRule.LowerBound, MultipleTestingCorrection.BenjaminiHochberg, 0.25, 5L, 300, 0.9, 7UL));
        Assert.Equal(["a", "b"], read.Columns!);
        Assert.Equal(new ColumnDriftOverride { Test = "ks", Weight = 2 }, read.Overrides["a"]);
        Assert.Equal(new ColumnDriftOverride { Weight = 0.5 }, read.Overrides["b"]);
        Assert.Equal(new ColumnDriftOverride { Skip = true }, read.Overrides["c"]);
    }

    [Theory]
    [InlineData("alpha", "abc", "MG0004", "--alpha must be a number, not 'abc'.")]
    [InlineData("decision", "strict", "MG0004", "--decision must be one of effect, lower-bound, test, not 'strict'.")]
    [InlineData("seed", "-1", "MG0004", "--seed must be a whole number of at least 0, not '-1'.")]
    [InlineData("column-threshold", "Income", "MG0004", "--column-threshold must look like <column>=<x>, not 'Income'.")]
    [InlineData("alpha", "2", "MG0034", "--alpha must be above 0 and below 1, not 2.")]
    [InlineData("column-alpha", "Income=0", "MG0034", "--column-alpha for column 'Income' must be above 0 and below 1, not 0.")]
    [InlineData("test", "kss", "MG0030", "Unknown drift test 'kss'. Did you mean 'ks'?")]
    public void Bad_command_line_values_name_the_option_as_written(string option, string value, string code, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => DriftOptionTable.FromCommandLine(Values(new() { [option] = [value] })));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_reported_not_only_the_first()
    {
        var error = Assert.Throws<ConfigurationException>(new DriftOptions { Alpha = 2, MinimumCount = 0, Test = "nope" }.Validate);

        Assert.Equal(["MG0030", "MG0034", "MG0034"], error.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Docs_drift_lists_every_option_under_its_three_names()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "drift.md"));
        foreach (var option in DriftOptionTable.All)
        {
            var row = option.ForComparison
                ? $"| `{option.Key}` | `--{option.CliName}{(option.ValueHint.Length > 0 ? " " : string.Empty)}{option.ValueHint.Replace("|", "\\|", StringComparison.Ordinal)}` | `DriftOptions.{option.PropertyName}` | {(option.ForColumn ? "yes" : "—")} | "
                : $"| `{option.Key}` | `--{option.ColumnCliName} <col>{(option.ValueHint.Length > 0 ? "=" + option.ValueHint : string.Empty)}` | `ColumnDriftOverride.{option.PropertyName}` | only | ";
            Assert.Contains(row, docs, StringComparison.Ordinal);
        }
    }

    private static Func<string, IReadOnlyList<string>> Values(Dictionary<string, string[]> given) =>
        name => given.TryGetValue(name, out var values) ? values : [];

    private static IEnumerable<string> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => p.Name);
}
