using System.Text.RegularExpressions;

namespace ModelGates.EndToEnd.Tests;

/// <summary>Real <c>dotnet build</c> runs of projects that reference the packed ModelGates.Build.</summary>
[Collection(PackagesCollection.Name)]
public sealed class MsBuildGateTests(PackagesFixture packages)
{
    private const string ContractConfig = """
        {
          "schemaVersion": 1,
          "datasets": {
            "applications": { "path": "applications.csv" }
          },
          "contracts": {
            "applications": { "dataset": "applications", "contract": "credit.contract.json" }
          }
        }
        """;

    [Fact]
    public void Passing_gates_build_with_exit_code_zero_and_write_reports()
    {
        using var project = GatedProject.Create(packages, ContractConfig);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MG2", build.Output, StringComparison.Ordinal);
        var reports = Path.Combine(project.Directory, "obj", "modelgates");
        Assert.True(File.Exists(Path.Combine(reports, "modelgates.result.json")));
        Assert.Contains("## ModelGates: ✅ passed", File.ReadAllText(Path.Combine(reports, "modelgates.summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_rule_fails_the_build_at_the_line_of_the_rule()
    {
        using var project = GatedProject.Create(packages, ContractConfig);
        project.CopyFromRepo("samples/data/broken/credit_corrupted.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var match = Regex.Match(build.Output, @"credit\.contract\.json\((\d+),(\d+)\): error MG2006: ");
        Assert.True(match.Success, build.ToString());
        var line = File.ReadAllLines(Path.Combine(project.Directory, "credit.contract.json"))[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
        Assert.Contains("\"min\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_contract_rule_points_at_modelgates_json()
    {
        const string config = """
            {
              "schemaVersion": 1,
              "datasets": { "applications": { "path": "applications.csv" } },
              "contracts": {
                "applications": {
                  "dataset": "applications",
                  "contract": {
                    "allowUnexpectedColumns": true,
                    "columns": {
                      "Age": { "max": 60 }
                    }
                  }
                }
              }
            }
            """;
        using var project = GatedProject.Create(packages, config);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var (line, column) = PositionOf(config, "\"max\"");
        Assert.Contains($"modelgates.json({line},{column}): error MG2006: ", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_warning_builds_with_the_warning()
    {
        using var project = GatedProject.Create(packages, ContractConfig.Replace("\"contract\": \"credit.contract.json\"", "\"contract\": \"credit.contract.json\", \"severity\": \"warning\"", StringComparison.Ordinal));
        project.CopyFromRepo("samples/data/broken/credit_corrupted.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning MG2006", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_second_build_skips_the_gates_and_a_changed_input_runs_them_again()
    {
        using var project = GatedProject.Create(packages, ContractConfig);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");
        Assert.Equal(0, project.Build().ExitCode);

        var second = project.Build();
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Skipping target \"_ModelGatesCheck\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(project.Directory, "applications.csv"), "good,1,rent,36,30,single,no,fixed,50,100,0,0,-5,900\n");
        var third = project.Build();
        Assert.NotEqual(0, third.ExitCode);
        Assert.Contains("error MG2006", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_key_is_an_error_at_its_line_with_a_suggestion()
    {
        var config = ContractConfig.Replace("\"dataset\": \"applications\", \"contract\"", "\"datset\": \"applications\", \"contract\"", StringComparison.Ordinal);
        using var project = GatedProject.Create(packages, config);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var (line, column) = PositionOf(config, "\"datset\"");
        Assert.Matches(new Regex($@"modelgates\.json\({line},{column}\): error MG0012: Unknown key 'datset' .* Did you mean 'dataset'\?"), build.Output);
    }

    [Fact]
    public void NoWarn_and_WarningsAsErrors_apply_to_MG_codes_as_to_compiler_warnings()
    {
        using var project = GatedProject.Create(packages, ContractConfig.Replace("\"contract\": \"credit.contract.json\"", "\"contract\": \"credit.contract.json\", \"severity\": \"warning\"", StringComparison.Ordinal));
        project.CopyFromRepo("samples/data/broken/credit_corrupted.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var silenced = project.Build("-p:NoWarn=MG2007%3BMG2006");
        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.DoesNotContain("warning MG2007", silenced.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning MG2006", silenced.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG2004", silenced.Output, StringComparison.Ordinal);

        var promoted = project.Build("-p:WarningsAsErrors=MG2004");
        Assert.NotEqual(0, promoted.ExitCode);
        Assert.Contains("error MG2004", promoted.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG2006", promoted.Output, StringComparison.Ordinal);

        var all = project.Build("-p:TreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=MG2004");
        Assert.NotEqual(0, all.ExitCode);
        Assert.Contains("error MG2006", all.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG2004", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_properties_reach_downstream_targets_even_when_the_gates_are_skipped()
    {
        const string after = """
              </PropertyGroup>
              <Target Name="ShowGates" AfterTargets="ModelGates">
                <Message Importance="high" Text="gates passed=$(ModelGatesPassed) drift=$(ModelGatesDriftDetected)" />
              </Target>
              <PropertyGroup>
            """;
        using var project = GatedProject.Create(packages, ContractConfig, after);
        project.CopyFromRepo("samples/data/credit_data.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        Assert.Contains("gates passed=true drift=false", project.Build().Output, StringComparison.OrdinalIgnoreCase);
        var skipped = project.Build();
        Assert.Contains("Skipping target \"_ModelGatesCheck\"", skipped.Output, StringComparison.Ordinal);
        Assert.Contains("gates passed=true drift=false", skipped.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Disabled_gates_do_not_run()
    {
        using var project = GatedProject.Create(packages, ContractConfig);
        project.CopyFromRepo("samples/data/broken/credit_corrupted.csv", "applications.csv");
        project.CopyFromRepo("samples/contracts/credit.contract.json");

        var build = project.Build("-p:ModelGatesEnabled=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MG2006", build.Output, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="needle"/>.</summary>
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
