using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>Every command docs/drift.md shows runs as written, with the exit code written under it.</summary>
public sealed partial class DriftDocumentationTests
{
    [Fact]
    public void Every_command_in_docs_drift_runs_with_its_documented_exit_code()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "drift.md"));
        var commands = Commands(docs);
        Assert.True(commands.Count >= 10, $"found {commands.Count} commands");
        Assert.Contains(commands, c => c.Line.StartsWith("modelgates profile ", StringComparison.Ordinal));

        // The commands use paths relative to the repository root and write files there; run them in a copy of what they read.
        using var dir = new TempDirectory();
        foreach (var file in new[] { "credit_data.csv", Path.Combine("drifted", "credit_drifted.csv"), Path.Combine("multivariate", "correlated.csv"), Path.Combine("multivariate", "flipped.csv") })
        {
            var target = Path.Combine(dir.Path, "samples", "data", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepoPaths.Combine("samples", "data", file), target);
        }

        foreach (var (line, exit) in commands)
        {
            var result = CliRunner.Run(dir.Path, Arguments(line));
            Assert.True(result.ExitCode == exit, $"{line}\nexpected exit {exit}, got {result}");
            Assert.DoesNotContain("MG0000", result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Drift_tests_page_links_the_drift_page()
    {
        Assert.Contains("[drift.md](drift.md)", File.ReadAllText(RepoPaths.Combine("docs", "drift-tests.md")), StringComparison.Ordinal);
    }

    private static List<(string Line, int Exit)> Commands(string docs)
    {
        var commands = new List<(string, int)>();
        foreach (var block in MarkdownBlocks.Of(docs, "bash"))
        {
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("modelgates ", StringComparison.Ordinal))
                {
                    continue;
                }

                var exit = ExitComment().Match(i + 1 < lines.Length ? lines[i + 1] : string.Empty);
                Assert.True(exit.Success, $"'{lines[i]}' has no '# exit N' comment under it");
                commands.Add((lines[i].Trim(), int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return commands;
    }

    private static string[] Arguments(string line) => line["modelgates ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^# exit (\d)")]
    private static partial Regex ExitComment();
}
