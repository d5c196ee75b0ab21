using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary><c>modelgates drift</c> as a real process on the credit sample and its drifted variant.</summary>
public sealed class DriftCommandTests
{
    private static readonly string Root = RepoPaths.Root;
    private static readonly string Reference = Path.Combine("samples", "data", "credit_data.csv");
    private static readonly string Drifted = Path.Combine("samples", "data", "drifted", "credit_drifted.csv");

    private static readonly string[] ColumnFields =
    [
        "column", "kind", "status", "drifted", "test", "autoSelected", "input", "statistic", "statisticErrorBound", "threshold",
        "pValueTest", "pValue", "pValueMethod", "pValueAdjusted", "alpha", "effectMeasure", "effect", "effectInterval", "effectIntervalLevel",
        "effectErrorBound", "effectThreshold", "minimumDetectableEffect", "valueDrifted", "referenceCount", "currentCount",
        "missingShareReference", "missingShareCurrent", "missingSharePValue", "missingSharePValueAdjusted", "missingShareThreshold",
        "missingShareDrifted", "outOfRangeShare", "weight", "note",
    ];

    [Fact]
    public void The_sample_against_itself_passes()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Reference, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.False(json.GetProperty("datasetDrift").GetBoolean());
        Assert.All(json.GetProperty("columns").EnumerateArray(), c => Assert.Equal("ok", c.GetProperty("status").GetString()));
        Assert.Equal(json.GetProperty("reference").GetProperty("hash").GetString(), json.GetProperty("current").GetProperty("hash").GetString());
    }

    [Fact]
    public void A_flipped_correlation_fails_through_the_multivariate_checks_and_the_option_turns_them_off()
    {
        var reference = Path.Combine("samples", "data", "multivariate", "correlated.csv");
        var flipped = Path.Combine("samples", "data", "multivariate", "flipped.csv");

        var result = CliRunner.Run(Root, "drift", "--reference", reference, "--current", flipped, "--format", "json");
        var off = CliRunner.Run(Root, "drift", "--reference", reference, "--current", flipped, "--multivariate", "off", "--format", "json");
        var bad = CliRunner.Run(Root, "drift", "--reference", reference, "--current", flipped, "--domain-classifier-auc", "0.3");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.All(json.GetProperty("columns").EnumerateArray(), c => Assert.Equal("ok", c.GetProperty("status").GetString()));
        var checks = json.GetProperty("datasetChecks").EnumerateArray().ToList();
        Assert.Equal(["domainClassifier", "reconstruction"], checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c => Assert.Equal("drift", c.GetProperty("status").GetString()));
        Assert.Equal(
            ["name", "code", "status", "measure", "statistic", "interval", "intervalLevel", "threshold", "referenceRows", "currentRows", "topFeatures", "message"],
            checks[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Debt", "Income"], checks[0].GetProperty("topFeatures").EnumerateArray().Take(2).Select(f => f.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "MG3020");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.False(off.Json().TryGetProperty("datasetChecks", out _));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("MG0034", bad.ToString(), StringComparison.Ordinal);
        Assert.Contains("--domain-classifier-auc", bad.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_drifted_sample_fails_with_a_result_per_column_in_the_documented_shape()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("drift", json.GetProperty("command").GetString());
        Assert.Equal(
            ["schemaVersion", "command", "reference", "current", "correction", "decision", "datasetDrift", "driftedShare", "datasetDriftShare", "columns", "datasetChecks", "passed", "diagnostics"],
            json.EnumerateObject().Select(p => p.Name));
        var reference = json.GetProperty("reference");
        Assert.Equal("samples/data/credit_data.csv", reference.GetProperty("path").GetString());
        Assert.Equal(Sha256(Path.Combine(Root, Reference)), reference.GetProperty("hash").GetString());
        Assert.Equal(4454, reference.GetProperty("rows").GetInt64());
        Assert.Equal(Sha256(Path.Combine(Root, Drifted)), json.GetProperty("current").GetProperty("hash").GetString());
        Assert.False(json.GetProperty("datasetDrift").GetBoolean());
        Assert.Equal(4.0 / 14, json.GetProperty("driftedShare").GetDouble(), 12);
        Assert.False(json.GetProperty("passed").GetBoolean());

        var columns = json.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(14, columns.Count);
        Assert.Equal("Status", columns[0].GetProperty("column").GetString());
        Assert.All(columns, c => Assert.Equal(ColumnFields, c.EnumerateObject().Select(p => p.Name)));
        var byName = columns.ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal(["Age", "Home", "Income", "Job"], byName.Where(p => p.Value.GetProperty("drifted").GetBoolean()).Select(p => p.Key).Order(StringComparer.Ordinal));

        var income = byName["Income"];
        Assert.Equal(("numeric", "ks", "drift", "wasserstein"), (income.GetProperty("kind").GetString(), income.GetProperty("test").GetString(), income.GetProperty("status").GetString(), income.GetProperty("effectMeasure").GetString()));
        Assert.True(income.GetProperty("pValue").GetDouble() < 1e-50);
        var interval = income.GetProperty("effectInterval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var effect = income.GetProperty("effect").GetDouble();
        Assert.True(interval.Length == 2 && interval[0] <= effect && effect <= interval[1] && interval[0] > 0.1);
        Assert.Equal(JsonValueKind.Object, income.GetProperty("outOfRangeShare").ValueKind);

        var job = byName["Job"];
        Assert.True(job.GetProperty("missingShareDrifted").GetBoolean());
        Assert.False(job.GetProperty("valueDrifted").GetBoolean());
        Assert.InRange(job.GetProperty("missingShareCurrent").GetDouble(), 0.19, 0.21);

        var expenses = byName["Expenses"];
        Assert.Equal("ok", expenses.GetProperty("status").GetString());
        Assert.True(expenses.GetProperty("pValueAdjusted").GetDouble() < 1e-10);

        var diagnostics = json.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["MG3001", "MG3001", "MG3003", "MG3001", "MG3020", "MG3021"], diagnostics.Select(d => d.GetProperty("code").GetString()));
        Assert.All(diagnostics, d => Assert.Equal("samples/data/drifted/credit_drifted.csv", d.GetProperty("file").GetString()));
        var incomeDiagnostic = diagnostics.Single(d => d.GetProperty("column").GetString() == "Income");
        Assert.Equal(effect, incomeDiagnostic.GetProperty("measured").GetDouble());
        Assert.Equal(0.1, incomeDiagnostic.GetProperty("bound").GetDouble());
    }

    [Fact]
    public void Json_output_is_byte_for_byte_deterministic()
    {
        var a = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "json");
        var b = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "json");

        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void A_reference_profile_gives_the_same_verdicts_and_records_its_hash()
    {
        using var dir = new TempDirectory();
        var profile = dir.File("credit.profile.json");
        var made = CliRunner.Run(Root, "profile", Reference, "-o", profile);
        Assert.True(made.ExitCode == 0, made.ToString());

        var raw = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "json").Json();
        var result = CliRunner.Run(Root, "drift", "--reference", profile, "--current", Drifted, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.True(json.GetProperty("reference").GetProperty("profile").GetBoolean());
        Assert.Equal(Sha256(profile), json.GetProperty("reference").GetProperty("hash").GetString());
        Assert.Equal(Verdicts(raw), Verdicts(json));
        // The multivariate checks need rows: flags against the raw reference, not run (MG3022) against its profile.
        Assert.Equal(Findings(raw).Where(f => f.Item1 is not ("MG3020" or "MG3021")), Findings(json).Where(f => f.Item1 != "MG3022"));

        // Exact sketches (every credit column but Price has at most 512 distinct values) give the raw effects up to rounding.
        var rawEffects = Effects(raw);
        var profileEffects = Effects(json);
        foreach (var (column, effect) in rawEffects.Where(p => p.Key != "Price"))
        {
            Assert.Equal(effect, profileEffects[column], 1e-12);
        }
    }

    [Fact]
    public void Msbuild_format_prints_canonical_lines_at_the_current_data()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Four drifted columns, then the two dataset-level multivariate flags.
        Assert.Equal(6, lines.Length);
        var canonical = new Regex(@"^samples/data/drifted/credit_drifted\.csv: error (?<code>MG300[13]|MG302[01]): .+$");
        Assert.All(lines, line => Assert.Matches(canonical, line));
        Assert.Contains(lines, l => l.Contains("MG3001: Column 'Income' drifted", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_format_lists_drifted_columns_first()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted);

        Assert.Equal(1, result.ExitCode);
        var rows = result.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("column ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(14, rows.Count);
        Assert.All(rows.Take(4), r => Assert.Contains(" drift ", r, StringComparison.Ordinal));
        Assert.All(rows.Skip(4), r => Assert.Contains(" ok ", r, StringComparison.Ordinal));
        // Four columns, and both multivariate checks (the raw reference has rows).
        Assert.Contains("FAILED (6 error(s), 0 warning(s))", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_format_is_a_table_for_a_pull_request()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--format", "markdown");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("### Drift: failed", lines[0]);
        Assert.Contains("| column | kind | status | test | p (adjusted) | effect | interval | threshold | MDE | missing ref → cur |", lines);
        Assert.Contains(lines, l => l.StartsWith("| Income | numeric | **drift** | ks |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- **error MG3003**", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_test_applies_where_it_can_and_says_where_it_cannot()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--test", "ks", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var json = result.Json();
        var home = json.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "Home");
        Assert.Equal("chisquare", home.GetProperty("test").GetString());
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "MG3009" && d.GetProperty("column").GetString() == "Home");
    }

    public static TheoryData<string[], string, int> BadInputs() => new()
    {
        { ["--test", "kss"], "MG0030", 2 },
        { ["--column-test", "Home=ks"], "MG0031", 2 },
        { ["--columns", "Incme"], "MG0033", 2 },
        { ["--alpha", "2"], "MG0034", 2 },
        { ["--correction", "sidak"], "MG0004", 2 },
        { ["--column-test", "Home"], "MG0004", 2 },
        { ["--threshold", "abc"], "MG0004", 2 },
        { ["--tset", "ks"], "MG0002", 2 },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_options_are_usage_errors_with_their_code(string[] extra, string code, int exit)
    {
        var result = CliRunner.Run(Root, ["drift", "--reference", Reference, "--current", Drifted, "--format", "json", .. extra]);

        Assert.True(result.ExitCode == exit, result.ToString());
        Assert.Equal([code], result.Codes());
        Assert.False(result.Json().GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_test_suggests_the_closest_id()
    {
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", Drifted, "--test", "wasserstien");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error MG0030: Unknown drift test 'wasserstien'. Did you mean 'wasserstein'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_broken_references_and_data_have_their_own_codes()
    {
        using var dir = new TempDirectory();
        var brokenProfile = dir.Write("broken.json", "{ \"kind\": \"modelgates.profile\", \"rows\": \"many\" }");

        Assert.Equal((3, "MG0101"), Outcome(CliRunner.Run(Root, "drift", "--reference", dir.File("missing.profile.json"), "--current", Drifted, "--format", "json")));
        Assert.Equal((3, "MG0111"), Outcome(CliRunner.Run(Root, "drift", "--reference", brokenProfile, "--current", Drifted, "--format", "json")));
        Assert.Equal((3, "MG0101"), Outcome(CliRunner.Run(Root, "drift", "--reference", Reference, "--current", dir.File("nope.csv"), "--format", "json")));
        Assert.Equal((3, "MG0101"), Outcome(CliRunner.Run(Root, "drift", "--reference", dir.File("nope.csv"), "--current", Drifted, "--format", "json")));
        Assert.Equal((2, "MG0003"), Outcome(CliRunner.Run(Root, "drift", "--reference", Reference, "--format", "json")));
    }

    [Fact]
    public void A_test_that_needs_raw_values_refuses_a_compressed_profile()
    {
        using var dir = new TempDirectory();
        var profile = dir.File("coarse.profile.json");
        Assert.Equal(0, CliRunner.Run(Root, "profile", Reference, "--quantile-points", "16", "-o", profile).ExitCode);

        var result = CliRunner.Run(Root, "drift", "--reference", profile, "--current", Drifted, "--test", "mannw", "--format", "json");

        Assert.Equal((2, "MG0032"), Outcome(result));
        Assert.Contains("quantile sketch", result.Json().GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsed_current_rows_fail_the_run_but_drift_is_still_reported()
    {
        var corrupted = Path.Combine("samples", "data", "broken", "credit_corrupted.csv");
        var result = CliRunner.Run(Root, "drift", "--reference", Reference, "--current", corrupted, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var codes = result.Codes();
        Assert.Equal("MG2001", codes[0]);
        Assert.Contains("MG3003", codes);
        Assert.Equal(14, result.Json().GetProperty("columns").GetArrayLength());
    }

    private static (int, string) Outcome(CliResult result) => (result.ExitCode, string.Join(",", result.Codes()));

    private static List<(string?, string?, string?)> Verdicts(JsonElement json) =>
        json.GetProperty("columns").EnumerateArray()
            .Select(c => (c.GetProperty("column").GetString(), c.GetProperty("status").GetString(), c.GetProperty("test").GetString()))
            .ToList();

    private static List<(string?, string?)> Findings(JsonElement json) =>
        json.GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("column").GetString())).ToList();

    private static Dictionary<string, double> Effects(JsonElement json) =>
        json.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!, c => c.GetProperty("effect").GetDouble());

    private static string Sha256(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
