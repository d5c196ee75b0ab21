using System.Text.RegularExpressions;
using System.Xml.Linq;
using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>A real <c>dotnet test</c> of a project that references the packed ModelGates.Xunit.</summary>
[Collection(PackagesCollection.Name)]
public sealed class XunitExtensionTests(PackagesFixture packages) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("mg-xunit-e2e-").FullName;

    [Fact]
    public void Every_check_is_a_test_case_and_a_failing_threshold_fails_exactly_its_case()
    {
        packages.WriteNuGetConfig(directory);
        File.WriteAllText(Path.Combine(directory, "GateTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="ModelGates.Xunit" Version="{packages.Version}" />
              </ItemGroup>
              <ItemGroup>
                <None Include="modelgates.json;*.csv;*.contract.json;*.zip" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "GateTests.cs"), """
            using ModelGates.Xunit;
            using Xunit;

            public class CreditGates
            {
                [Theory, ModelGatesData("modelgates.json")]
                public void Gate(GateCase check) => check.Verify();
            }

            public class CreditModel
            {
                [Fact]
                public void Meets_its_floor() =>
                    ModelAssert.Meets("credit-risk.zip", EvaluationData.Binary("holdout.csv", "Status", "bad") with { Bootstrap = new() { Resamples = 100 } }, "auc >= 0.78");
            }
            """);
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip"), Path.Combine(directory, "credit-risk.zip"));
        File.Copy(RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv"), Path.Combine(directory, "holdout.csv"));
        File.Copy(RepoPaths.Combine("samples", "data", "credit_data.csv"), Path.Combine(directory, "applications.csv"));
        File.Copy(RepoPaths.Combine("samples", "contracts", "credit.contract.json"), Path.Combine(directory, "credit.contract.json"));
        File.WriteAllText(Path.Combine(directory, "modelgates.json"), """
            {
              "datasets": { "applications": { "path": "applications.csv" } },
              "contracts": {
                "applications": { "dataset": "applications", "contract": "credit.contract.json" },
                "age policy": {
                  "dataset": "applications",
                  "contract": { "allowUnexpectedColumns": true, "columns": { "Age": { "max": 60 } } }
                }
              }
            }
            """);

        var run = ProcessRunner.Run(directory, "dotnet", ["test", "-nologo", "--logger", "trx;LogFileName=gates.trx", "--results-directory", Path.Combine(directory, "results")]);

        Assert.NotEqual(0, run.ExitCode);
        var totals = Regex.Match(run.Output, @"Failed:\s+(\d+), Passed:\s+(\d+)");
        Assert.True(totals.Success, run.ToString());
        Assert.Equal(1, int.Parse(totals.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(totals.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 60, run.ToString());
        Assert.Contains("106 value(s) of column 'Age' are above the maximum 60 (largest: 68)", run.Output, StringComparison.Ordinal);

        var trx = XDocument.Load(Path.Combine(directory, "results", "gates.trx"));
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var results = trx.Descendants(ns + "UnitTestResult").ToList();
        var failed = Assert.Single(results, r => (string?)r.Attribute("outcome") == "Failed");
        Assert.Contains("age policy: Age max ≤ 60", (string?)failed.Attribute("testName"), StringComparison.Ordinal);
        Assert.Contains(results, r => ((string?)r.Attribute("testName"))!.Contains("applications: Amount min ≥ 0", StringComparison.Ordinal));
        Assert.Equal(results.Count, results.Select(r => (string?)r.Attribute("testName")).Distinct().Count());

        // A model assertion from the package scores the ML.NET model in the test process and passes.
        var model = Assert.Single(results, r => ((string?)r.Attribute("testName"))!.Contains("CreditModel.Meets_its_floor", StringComparison.Ordinal));
        Assert.Equal("Passed", (string?)model.Attribute("outcome"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
