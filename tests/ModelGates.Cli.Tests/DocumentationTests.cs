using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>docs/cli.md documents every command and every option the real CLI accepts.</summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void Every_command_and_option_is_documented_in_docs_cli()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "cli.md"));
        var commands = HelpText.Commands();

        Assert.Contains("validate", commands);
        Assert.Contains("profile merge", commands);
        foreach (var command in commands)
        {
            Assert.Contains($"## modelgates {command}\n", docs, StringComparison.Ordinal);
            var commandHelp = CliRunner.Run(RepoPaths.Root, [.. command.Split(' '), "--help"]);
            Assert.Equal(0, commandHelp.ExitCode);
            foreach (Match option in OptionName().Matches(commandHelp.Stdout))
            {
                Assert.Contains("--" + option.Groups[1].Value, docs, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Readme_names_the_test_command_that_ci_runs()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var ci = File.ReadAllText(RepoPaths.Combine(".ci", "run"));

        Assert.Contains("dotnet test ModelGates.sln -c Release", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test ModelGates.sln -c Release\n", ci, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"--([a-z][a-z-]+)")]
    private static partial Regex OptionName();
}
