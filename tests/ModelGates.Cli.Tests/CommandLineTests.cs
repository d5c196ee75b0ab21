using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// The command line itself, parsed by System.CommandLine: --version anywhere, help with a working example per
/// command, tab completion through the [suggest] directive, response files, and MG-coded usage errors.
/// </summary>
public sealed partial class CommandLineTests
{
    private static readonly string Root = RepoPaths.Root;

    /// <summary>The informational version stamped in the built CLI, without the source revision.</summary>
    private static readonly string BuiltVersion = FileVersionInfo.GetVersionInfo(CliRunner.CliPath).ProductVersion!.Split('+')[0];

    [Theory]
    [InlineData("--version")]
    [InlineData("drift|--version")]
    [InlineData("profile|merge|--version")]
    [InlineData("validate|data.csv|--format|json|--version")]
    [InlineData("drift|--tset|ks|--version")]
    [InlineData("--help|--version")]
    public void Version_is_printed_wherever_it_is_given(string arguments)
    {
        var result = CliRunner.Run(Root, arguments.Split('|'));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(BuiltVersion, result.Stdout.Trim());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Help_is_the_same_however_it_is_asked_for()
    {
        var help = CliRunner.Run(Root, "drift", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("modelgates drift [options]", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--reference <data|profile.json>", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--correction <none|bonferroni|holm|bh>", help.Stdout, StringComparison.Ordinal);
        foreach (var other in new[] { "drift|-h", "drift|-?", "help|drift", "drift|--current|x.csv|--help" })
        {
            var result = CliRunner.Run(Root, other.Split('|'));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(help.Stdout, result.Stdout);
        }
    }

    [Fact]
    public void No_arguments_print_the_overview_on_stderr_with_the_usage_exit_code()
    {
        var result = CliRunner.Run(Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("Commands:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 passed, 1 a check failed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_shows_an_example_that_docs_cli_shows_with_its_exit_code()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "cli.md")).ReplaceLineEndings("\n");
        foreach (var command in HelpText.Commands())
        {
            var example = HelpText.Example(CliRunner.Run(Root, [.. command.Split(' '), "--help"]).Stdout);
            Assert.True(example.Count > 0, $"'modelgates {command} --help' shows no example");
            Assert.Contains(example, line => line.StartsWith($"modelgates {command} ", StringComparison.Ordinal));
            var section = Section(docs, command);
            foreach (var line in example)
            {
                Assert.True(
                    new Regex($"^{Regex.Escape(line)}\\n# exit \\d", RegexOptions.Multiline).IsMatch(section),
                    $"docs/cli.md shows no '{line}' with a '# exit N' line under it in '## modelgates {command}'");
            }
        }
    }

    [Fact]
    public void Every_command_line_in_docs_cli_runs_on_the_sample_data_with_its_documented_exit_code()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "cli.md")).ReplaceLineEndings("\n");
        var lines = MarkdownBlocks.Of(docs, "bash").SelectMany(b => DocumentedLine().Matches(b)).ToList();
        Assert.True(lines.Count >= 12, $"found {lines.Count} command lines");

        // The lines use paths relative to the repository root and write files there: run them, in page order, in a copy of samples/.
        using var dir = new TempDirectory();
        CopySamples(dir.Path);
        foreach (var line in lines)
        {
            var command = line.Groups["line"].Value;
            var result = CliRunner.Run(dir.Path, command["modelgates ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(
                result.ExitCode == int.Parse(line.Groups["exit"].Value, CultureInfo.InvariantCulture),
                $"{command}\nexpected exit {line.Groups["exit"].Value}, got {result}");
            Assert.DoesNotContain("MG0000", result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(
            File.ReadAllBytes(RepoPaths.Combine("samples", "CreditRisk", "baselines", "credit-risk.baseline.json")),
            File.ReadAllBytes(Path.Combine(dir.Path, "samples", "CreditRisk", "baselines", "credit-risk.baseline.json")));
    }

    [Theory]
    [InlineData("dri", "drift")]
    [InlineData("profile me", "merge|--memory-limit|--statement-timeout")]
    [InlineData("drift --cor", "--correction")]
    [InlineData("drift --correction ", "bh|bonferroni|holm|none")]
    [InlineData("validate data.csv --format ", "json|msbuild|text")]
    [InlineData("check --format m", "markdown|msbuild")]
    [InlineData("profile data.csv --header ", "false|true")]
    public void Tab_completion_answers_the_suggest_directive(string line, string expected)
    {
        // dotnet-suggest calls the tool this way, with the command line after the tool's name and the cursor position in it.
        var result = CliRunner.Run(Root, $"[suggest:{line.Length}]", line);

        Assert.True(result.ExitCode == 0, result.ToString());
        var completions = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected.Split('|'), completions);
    }

    [Fact]
    public void A_completion_request_the_library_cannot_place_prints_no_exception()
    {
        var result = CliRunner.Run(Root, "[suggest:notanumber]", "drift --format j");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_file_supplies_arguments_with_comments_and_quotes()
    {
        using var dir = new TempDirectory();
        CopySamples(dir.Path);
        dir.Write(Path.Combine("my folder", "drift.rsp"), """
            # drift of the sample data
            --reference samples/data/credit_data.csv
            --current "samples/data/drifted/credit_drifted.csv" --columns Income,Age
            """);

        var result = CliRunner.Run(dir.Path, "drift", "@my folder/drift.rsp", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.Equal("samples/data/drifted/credit_drifted.csv", json.GetProperty("current").GetProperty("path").GetString());
        Assert.Equal(["Age", "Income"], json.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_response_file_is_MG0010_in_the_format_asked_for()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run(dir.Path, "drift", "@nope.rsp", "--format", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["MG0010"], result.Codes());
        Assert.Contains("Response file 'nope.rsp' does not exist.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_starts_with_an_at_sign_is_given_with_an_equals_sign()
    {
        using var dir = new TempDirectory();
        dir.Write("na.csv", "a,b\n1,@NA\n2,x\n3,y\n");

        var asValue = CliRunner.Run(dir.Path, "infer", "na.csv", "--null=@NA", "--format", "json");
        var asFile = CliRunner.Run(dir.Path, "infer", "na.csv", "--null", "@NA", "--format", "json");

        Assert.True(asValue.ExitCode == 0, asValue.ToString());
        Assert.Equal(0.67, asValue.Json().GetProperty("columns").GetProperty("b").GetProperty("maxMissingShare").GetDouble());
        Assert.True(asFile.ExitCode == 2, asFile.ToString());
        Assert.Equal(["MG0010"], asFile.Codes());
        Assert.Contains("write a value that starts with '@' as --option=@value", asFile.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Arguments separated by '|', the code, and a part of the message.</summary>
    public static TheoryData<string, string, string> UsageErrors() => new()
    {
        { "profiel|data.csv", "MG0001", "Unknown command 'profiel'. Did you mean 'profile'?" },
        { "--frobnicate", "MG0001", "Unknown command '--frobnicate'." },
        { "validate|data.csv|--contrct|c.json", "MG0002", "Unknown option '--contrct' for 'validate'. Did you mean '--contract'?" },
        { "validate|--contrct|c.json|data.csv", "MG0002", "Unknown option '--contrct' for 'validate'. Did you mean '--contract'?" },
        { "profile|merge|a.json|b.json|--outptu=all.json", "MG0002", "Unknown option '--outptu=all.json' for 'profile merge'. Did you mean '--output'?" },
        { "validate|a.csv|b.csv|--contract|c.json", "MG0002", "Unexpected argument 'b.csv' for 'validate': it takes <data>." },
        { "check|modelgates.json", "MG0002", "Unexpected argument 'modelgates.json' for 'check': it takes no arguments, only options." },
        { "validate|data.csv|--contract", "MG0003", "--contract needs a value, not the option '--format'" },
        { "check|--report-dir|--config|modelgates.json", "MG0003", "--report-dir needs a value, not the option '--config'" },
        { "validate|--contract|c.json", "MG0003", "Missing <data>: the dataset to check" },
        { "profile|merge|a.json", "MG0003", "Missing at least 2 of <profiles>" },
        { "validate|data.csv|--contract|a.json|--contract|b.json", "MG0004", "--contract is given more than once." },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_have_their_code_and_exit_code_in_the_json_envelope(string arguments, string code, string message)
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run(dir.Path, [.. arguments.Split('|'), "--format", "json"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal([code], result.Codes());
        Assert.False(result.Json().GetProperty("passed").GetBoolean());
        Assert.Contains(message, result.Json().GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("drift|--tset|ks", "error MG0002: Unknown option '--tset' for 'drift'. Did you mean '--test'?")]
    [InlineData("validate|data.csv|--contract", "error MG0003: --contract needs a value: <path>: the contract to check against (required)")]
    [InlineData("validate|data.csv|--contract|--version", "error MG0003: --contract needs a value, not the option '--version': <path>: the contract to check against (required)")]
    [InlineData("lineage", "error MG0003: Missing <model>: an ML.NET model zip saved with ModelLineage.Save. Usage: modelgates lineage <model.zip> [--format text|json]")]
    public void A_usage_error_in_text_is_one_line_on_stderr_without_help_or_stack_trace(string arguments, string line)
    {
        var result = CliRunner.Run(Root, arguments.Split('|'));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(line, result.Stderr.Trim());
    }

    [Fact]
    public void A_data_path_that_starts_with_a_dash_follows_a_double_dash()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("-odd name.csv", "a,b\n1,x\n2,y\n3,z\n");

        var result = CliRunner.Run(dir.Path, "infer", "--format", "json", "--", "-odd name.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["a", "b"], result.Json().GetProperty("columns").EnumerateObject().Select(c => c.Name));
        Assert.True(File.Exists(data));
    }

    [Fact]
    public void MODELGATES_PROGRESS_1_prints_progress_on_a_redirected_stderr_and_0_silences_it()
    {
        var config = RepoPaths.Combine("samples", "CreditRisk", "modelgates.json");

        var on = CliRunner.Run(Root, new Dictionary<string, string> { ["MODELGATES_PROGRESS"] = "1" }, "check", "--config", config, "--format", "json");
        var off = CliRunner.Run(Root, new Dictionary<string, string> { ["MODELGATES_PROGRESS"] = "0" }, "check", "--config", config, "--format", "json");
        var unset = CliRunner.Run(Root, "check", "--config", config, "--format", "json");

        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.Contains("drift 'scoring vs training': comparing 'scoring'", on.Stderr, StringComparison.Ordinal);
        Assert.Equal(on.Json().GetProperty("passed").GetBoolean(), off.Json().GetProperty("passed").GetBoolean());
        Assert.Empty(off.Stderr);
        Assert.Empty(unset.Stderr);
    }

    [Fact]
    public void Every_option_a_command_reads_by_name_is_one_its_help_lists()
    {
        // A renamed option whose reader was not renamed would fail only when that option is used; catch it here.
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("src", "Cli", "Commands"), "*Command.cs"))
        {
            var source = File.ReadAllText(file);
            if (CommandName().Match(source) is not { Success: true } name)
            {
                continue;
            }

            var help = CliRunner.Run(Root, [.. name.Groups[1].Value.Split(' '), "--help"]).Stdout;
            var reads = OptionRead().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(reads);
            foreach (var option in reads)
            {
                Assert.True(help.Contains($"--{option} ", StringComparison.Ordinal), $"{Path.GetFileName(file)} reads --{option}, which 'modelgates {name.Groups[1].Value} --help' does not list");
            }
        }
    }

    private static void CopySamples(string target)
    {
        var samples = RepoPaths.Combine("samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(samples, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var copy = Path.Combine(target, "samples", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>The part of docs/cli.md under '## modelgates {command}', up to the next heading of that level.</summary>
    private static string Section(string docs, string command)
    {
        var start = docs.IndexOf($"## modelgates {command}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no '## modelgates {command}'");
        var end = docs.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? docs[start..] : docs[start..end];
    }

    [GeneratedRegex(@"public string Name => ""([a-z ]+)"";")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"args\.(?:Has|Value|Values|Required|Number|Integer|Choice)\(""([a-z][a-z-]*)""")]
    private static partial Regex OptionRead();

    [GeneratedRegex(@"^(?<line>modelgates [^\n]+)\n# exit (?<exit>\d)", RegexOptions.Multiline)]
    private static partial Regex DocumentedLine();
}
