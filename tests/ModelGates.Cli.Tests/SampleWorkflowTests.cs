using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>The README's validate example on the shipped credit sample, run through the real CLI process.</summary>
public sealed class SampleWorkflowTests
{
    private static readonly string Root = RepoPaths.Root;

    [Fact]
    public void Shipped_sample_passes_its_contract()
    {
        var result = CliRunner.Run(Root, "validate", Path.Combine("samples", "data", "credit_data.csv"), "--contract", Path.Combine("samples", "contracts", "credit.contract.json"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(4454, json.GetProperty("data").GetProperty("rows").GetInt64());
        Assert.Equal(0, json.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Corrupted_sample_fails_with_one_diagnostic_per_violation()
    {
        var result = CliRunner.Run(Root, "validate", Path.Combine("samples", "data", "broken", "credit_corrupted.csv"), "--contract", Path.Combine("samples", "contracts", "credit.contract.json"), "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var diagnostics = result.Json().GetProperty("diagnostics").EnumerateArray().ToList();
        var byCode = diagnostics.ToDictionary(d => (d.GetProperty("code").GetString(), d.GetProperty("column").GetString()));
        Assert.Contains(("MG2001", (string?)null), byCode.Keys);
        Assert.Contains(("MG2004", "Income"), byCode.Keys);
        Assert.Contains(("MG2005", "Job"), byCode.Keys);
        Assert.Contains(("MG2006", "Amount"), byCode.Keys);
        Assert.Contains(("MG2007", "Home"), byCode.Keys);
        Assert.Contains(("MG2007", "Status"), byCode.Keys);

        var income = byCode[("MG2004", "Income")];
        Assert.Equal(1, income.GetProperty("measured").GetInt32());
        var example = income.GetProperty("examples")[0];
        Assert.Equal(10, example.GetProperty("row").GetInt64());
        Assert.Equal(11, example.GetProperty("line").GetInt64());
        Assert.Equal("abc", example.GetProperty("value").GetString());

        var parse = byCode[("MG2001", null)];
        Assert.Equal(51, parse.GetProperty("line").GetInt32());

        var amount = byCode[("MG2006", "Amount")];
        Assert.Equal(-500, amount.GetProperty("measured").GetDouble());
        Assert.Equal(0, amount.GetProperty("bound").GetDouble());
        Assert.EndsWith("credit.contract.json", amount.GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Msbuild_format_prints_canonical_lines_at_the_rule_line()
    {
        var contract = Path.Combine("samples", "contracts", "credit.contract.json");
        var result = CliRunner.Run(Root, "validate", Path.Combine("samples", "data", "broken", "credit_corrupted.csv"), "--contract", contract, "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var canonical = new Regex(@"^(?<file>[^(]+)(\((?<line>\d+),(?<col>\d+)\))?: error (?<code>MG\d{4}): .+$");
        Assert.All(lines, line => Assert.Matches(canonical, line));

        var amountLine = lines.Single(l => l.Contains("MG2006", StringComparison.Ordinal));
        var match = canonical.Match(amountLine);
        var declared = File.ReadAllLines(Path.Combine(Root, contract))[int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
        Assert.Contains("\"min\"", declared, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_format_names_the_rows_and_the_verdict()
    {
        var result = CliRunner.Run(Root, "validate", Path.Combine("samples", "data", "broken", "credit_corrupted.csv"), "--contract", Path.Combine("samples", "contracts", "credit.contract.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error MG2004 [Income]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("row 10 (line 11): \"abc\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("FAILED (6 error(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_is_byte_for_byte_deterministic()
    {
        var dir = Directory.CreateTempSubdirectory("mg-profile-").FullName;
        try
        {
            var data = Path.Combine(Root, "samples", "data", "credit_data.csv");
            var a = CliRunner.Run(dir, "profile", data, "-o", "a.json");
            var b = CliRunner.Run(dir, "profile", data, "-o", "b.json");

            Assert.True(a.ExitCode == 0, a.ToString());
            Assert.True(b.ExitCode == 0, b.ToString());
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.json")), File.ReadAllBytes(Path.Combine(dir, "b.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Inferred_contract_accepts_its_own_data()
    {
        var dir = Directory.CreateTempSubdirectory("mg-infer-").FullName;
        try
        {
            var data = Path.Combine(Root, "samples", "data", "credit_data.csv");
            var infer = CliRunner.Run(dir, "infer", data, "-o", "contract.json");
            var validate = CliRunner.Run(dir, "validate", data, "--contract", "contract.json", "--format", "json");

            Assert.True(infer.ExitCode == 0, infer.ToString());
            Assert.True(validate.ExitCode == 0, validate.ToString());
            Assert.True(validate.Json().GetProperty("checks").GetInt32() > 40);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Profiles_of_halves_merge_into_the_counts_of_the_whole()
    {
        var dir = Directory.CreateTempSubdirectory("mg-merge-").FullName;
        try
        {
            var lines = File.ReadAllLines(Path.Combine(Root, "samples", "data", "credit_data.csv"));
            File.WriteAllLines(Path.Combine(dir, "a.csv"), lines.Take(2000));
            File.WriteAllLines(Path.Combine(dir, "b.csv"), lines.Take(1).Concat(lines.Skip(2000)));
            Assert.Equal(0, CliRunner.Run(dir, "profile", "a.csv", "-o", "a.json").ExitCode);
            Assert.Equal(0, CliRunner.Run(dir, "profile", "b.csv", "-o", "b.json").ExitCode);

            var merge = CliRunner.Run(dir, "profile", "merge", "a.json", "b.json", "-o", "all.json");

            Assert.True(merge.ExitCode == 0, merge.ToString());
            var merged = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "all.json"))).RootElement;
            Assert.Equal(4454, merged.GetProperty("rows").GetInt64());
            var income = merged.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Income");
            Assert.Equal(381, income.GetProperty("missing").GetInt64());
            Assert.Equal(4073, income.GetProperty("count").GetInt64());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Declared_encoding_reads_a_latin1_file()
    {
        var result = CliRunner.Run(RepoPaths.Combine("tests", "corpus", "bad-inputs"), "infer", "latin1.csv", "--encoding", "latin-1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Málaga", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_command_and_exits_zero()
    {
        var result = CliRunner.Run(Root, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "profile", "infer", "validate", "drift", "evaluate", "check", "accept", "lineage", "report" })
        {
            Assert.Contains($"\n  {command} ", result.Stdout, StringComparison.Ordinal);
        }

        // 'profile merge' is a subcommand: the help of 'profile' lists it.
        Assert.Contains("\n  merge ", CliRunner.Run(Root, "profile", "--help").Stdout, StringComparison.Ordinal);
    }
}

public sealed class AcceptSnapshotsTests
{
    [Fact]
    public void Accept_snapshots_renames_received_files_to_approved()
    {
        using var dir = new TempDirectory();
        dir.Write(Path.Combine("Tests", "MetricsTests.Auc.received.json"), "{ \"auc\": 0.9 }\n");
        dir.Write(Path.Combine("Tests", "MetricsTests.Auc.approved.json"), "{ \"auc\": 0.8 }\n");

        var result = CliRunner.Run(dir.Path, "accept", "--snapshots", "Tests");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Accepted 1 snapshot(s).", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("{ \"auc\": 0.9 }\n", File.ReadAllText(dir.File(Path.Combine("Tests", "MetricsTests.Auc.approved.json"))));
        Assert.False(File.Exists(dir.File(Path.Combine("Tests", "MetricsTests.Auc.received.json"))));
    }
}

public sealed class CreditRiskGateTests
{
    private static readonly string Sample = RepoPaths.Combine("samples", "CreditRisk");

    [Fact]
    public void Sample_gates_pass_on_the_shipped_data()
    {
        var result = CliRunner.Run(Sample, "check", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var gates = result.Json().GetProperty("gates").EnumerateArray().ToList();
        Assert.Contains(gates, g => g.GetProperty("kind").GetString() == "drift");
        Assert.All(gates, g => Assert.True(g.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public void Drifted_data_fails_the_drift_gate_at_its_line_with_distributions_for_the_report()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(Sample, "check", "--config", "modelgates.drifted.json", "--format", "json", "--report-dir", dir.Path);

        Assert.Equal(1, result.ExitCode);
        var json = result.Json();
        var drift = json.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "drift");
        var income = drift.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "drift:scoring vs training/Income");
        Assert.Equal("failed", income.GetProperty("status").GetString());
        Assert.Equal("MG3001", income.GetProperty("code").GetString());
        var configLines = File.ReadAllLines(Path.Combine(Sample, "modelgates.drifted.json"));
        var line = income.GetProperty("diagnostic").GetProperty("line").GetInt32();
        Assert.Contains("\"scoring vs training\"", configLines[line - 1], StringComparison.Ordinal);

        var columns = drift.GetProperty("details").GetProperty("columns").EnumerateArray().ToList();
        var incomeDetails = columns.Single(c => c.GetProperty("column").GetString() == "Income");
        Assert.Equal("drift", incomeDetails.GetProperty("status").GetString());
        var distribution = incomeDetails.GetProperty("distribution");
        Assert.Equal(distribution.GetProperty("labels").GetArrayLength(), distribution.GetProperty("current").GetArrayLength());
        Assert.Equal(1.0, distribution.GetProperty("reference").EnumerateArray().Sum(v => v.GetDouble()), 9);

        var html = File.ReadAllText(Path.Combine(dir.Path, "report.html"));
        Assert.Contains("Income: reference vs current", html, StringComparison.Ordinal);
        Assert.Contains("✘ drift", html, StringComparison.Ordinal);
        Assert.Contains("no dataset drift", html, StringComparison.Ordinal);
    }
}
