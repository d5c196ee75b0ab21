using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// The README's quickstart, run exactly as written in a fresh copy of the repository's sources (so its restore
/// and Debug build cannot race the test run's own builds of src/): the main command passes, the drifted
/// variant fails with the errors the README shows.
/// </summary>
public sealed class ReadmeQuickstartTests : IDisposable
{
    private static readonly string Readme = File.ReadAllText(RepoPaths.Combine("README.md"));
    private static readonly string[] CopiedFolders = ["src", "samples", "schema"];
    private static readonly Regex DiagnosticLine = new(@"\(\d+,\d+\): (error|warning|message) MG\d{4}: ");
    private readonly TempDirectory clone = new();

    public void Dispose() => clone.Dispose();

    [Fact]
    public void The_sample_build_passes_then_fails_on_the_drifted_data_with_the_errors_the_readme_shows()
    {
        var commands = BashCommands(Readme).Where(c => c.StartsWith("dotnet build samples/CreditRisk", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);

        SourceCopy.Into(clone.Path, CopiedFolders);

        var main = Run(commands[0]);
        Assert.True(main.ExitCode == 0, main.ToString());
        Assert.Contains("Build succeeded.", main.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(clone.Path, "samples", "CreditRisk", "obj", "modelgates", "report.html")), "the build writes the HTML report the README shows");

        var drifted = Run(commands[1]);
        Assert.True(drifted.ExitCode == 1, drifted.ToString());
        Assert.Contains("Build FAILED.", drifted.Stdout, StringComparison.Ordinal);
        var shown = ShownDiagnostics(Readme).ToList();
        Assert.Contains(shown, line => line.Contains("error MG3001", StringComparison.Ordinal));
        Assert.Contains(shown, line => line.Contains("message MG4006", StringComparison.Ordinal));
        var printed = (main.Stdout + drifted.Stdout).Replace('\\', '/');
        foreach (var line in shown)
        {
            // The README shortens the absolute paths MSBuild prints to repository-relative ones.
            Assert.Contains(clone.Path.Replace('\\', '/').TrimEnd('/') + "/" + line, printed, StringComparison.Ordinal);
        }
    }

    private ProcessResult Run(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ProcessRunner.Run(clone.Path, words[0], words.Skip(1).Append("-nologo"));
    }

    /// <summary>Commands of the README's bash blocks, comments removed.</summary>
    private static IEnumerable<string> BashCommands(string markdown) =>
        MarkdownBlocks.Of(markdown, "bash").SelectMany(b => b.Split('\n')).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);

    /// <summary>The diagnostic lines (<c>file(line,column): error MG3001: ...</c>) of the README's build output blocks.</summary>
    private static IEnumerable<string> ShownDiagnostics(string markdown) =>
        MarkdownBlocks.Of(markdown, "text").SelectMany(b => b.Split('\n')).Where(l => DiagnosticLine.IsMatch(l)).Select(l => l.Trim());
}
