using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// What a pull request shows of a failing gate: the build's errors in the form the CI's problem matchers read,
/// and <c>modelgates.sarif</c> for code scanning, from real <c>dotnet build</c> runs at the default verbosity.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildCodeReviewTests(PackagesFixture packages)
{
    /// <summary>The regular expression of actions/setup-dotnet's <c>csc</c> problem matcher (.github/csc.json), which turns build lines into pull-request annotations.</summary>
    private static readonly Regex SetupDotnetMatcher = new(@"^(.*)\((\d+)(?:,\d+|,\d+,\d+)?\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$");

    private const string Config = """
        {
          "schemaVersion": 1,
          "datasets": { "applications": { "path": "applications.csv" } },
          "contracts": {
            "applications": {
              "dataset": "applications",
              "contract": {
                "allowUnexpectedColumns": true,
                "columns": {
                  "Age": { "max": 60 },
                  "Home": { "pattern": "^[a-z]{1,5}$" }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Every_gate_error_is_a_line_the_setup_dotnet_problem_matcher_annotates()
    {
        using var project = GatedProject.Create(packages, Config);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");

        var build = project.BuildWithDefaultVerbosity();

        Assert.True(build.ExitCode == 1, build.ToString());
        var annotations = build.Stdout.ReplaceLineEndings("\n").Split('\n').Select(l => SetupDotnetMatcher.Match(l)).Where(m => m.Success).ToList();
        var (maxLine, _) = PositionOf(Config, "\"max\"");
        var (patternLine, _) = PositionOf(Config, "\"pattern\"");
        Assert.Contains(annotations, m => Annotates(m, "MG2006", maxLine, project));
        var pattern = Assert.Single(annotations.Where(m => Annotates(m, "MG2008", patternLine, project)).Select(m => m.Groups[5].Value).Distinct());
        Assert.Contains("/^[a-z]{1,5}$/", pattern, StringComparison.Ordinal);
        Assert.DoesNotContain("ModelGates error", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_writes_modelgates_sarif_with_each_failure_at_its_line()
    {
        using var project = GatedProject.Create(packages, Config);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");

        var build = project.BuildWithDefaultVerbosity();

        Assert.True(build.ExitCode == 1, build.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project.ReportDirectory, "modelgates.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("ModelGates", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var max = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MG2006");
        Assert.Equal("error", max.GetProperty("level").GetString());
        var location = max.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("modelgates.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var (line, column) = PositionOf(Config, "\"max\"");
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    private static bool Annotates(Match match, string code, int line, GatedProject project) =>
        match.Groups[3].Value == "error"
        && match.Groups[4].Value == code
        && match.Groups[2].Value == line.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && Path.GetFullPath(match.Groups[1].Value) == Path.Combine(project.Directory, "modelgates.json")
        && match.Groups[6].Value == project.ProjectFile;

    private static (int Line, int Column) PositionOf(string text, string needle)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException($"'{needle}' is not in the config.");
    }
}
