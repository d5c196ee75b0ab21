using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Testing;
using ModelGates.Tests.Drift.Engine;

namespace ModelGates.Tests.Gates;

/// <summary>
/// A drift gate reads its data through the input pipeline as <c>modelgates drift</c> does: unparsed rows are
/// checks of their own (defect c), a reference is a profile or data by content (defect d), missing data is
/// MG0101 with exit code 3 at the line that names it, and the inputs list every file read with its hash.
/// </summary>
public sealed class DriftGateInputTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public DriftGateInputTests()
    {
        DriftTestData.WritePlain(dir.File("reference.csv"), 600, seed: 1, shift: 0);
        DriftTestData.WritePlain(dir.File("current.csv"), 600, seed: 2, shift: 0);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Rows_the_engine_rejects_fail_the_gate_as_a_parse_check_at_their_line()
    {
        AddRaggedLine("current.csv", at: 40);

        var report = Run(Config("""{ "reference": "ref", "current": "cur" }"""));

        var check = report.Checks.Single(c => c.Id == "drift:scoring/current/parse");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal(("MG2001", 40), (check.Diagnostic!.Code, check.Diagnostic.Line));
        Assert.Equal(dir.File("current.csv"), check.Diagnostic.File);
        Assert.False(report.Passed);
        Assert.Contains(report.Diagnostics, d => d.Code == "MG2001");
    }

    [Fact]
    public void Within_the_dataset_s_tolerance_they_warn_and_the_gate_passes()
    {
        AddRaggedLine("reference.csv", at: 12);

        var report = Run(Config("""{ "reference": "ref", "current": "cur" }""", referenceTolerance: 1));

        var check = report.Checks.Single(c => c.Id == "drift:scoring/reference/parse");
        Assert.Equal(CheckStatus.Warned, check.Status);
        Assert.Equal(("MG2013", Severity.Warning), (check.Diagnostic!.Code, check.Diagnostic.Severity));
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_reference_path_is_a_profile_or_data_by_its_content()
    {
        using (var pipeline = new InputPipeline())
        {
            File.WriteAllBytes(dir.File("train.profile"), ProfileJsonWriter.Write(pipeline.Profile(new DatasetSource(dir.File("reference.csv"))).Profile));
        }

        JsonLinesFile.FromCsv(dir.File("reference.csv"), dir.File("reference.json"), take: 300);

        var fromProfile = Run(Config("""{ "reference": "train.profile", "current": "cur" }"""));
        var fromJsonLines = Run(Config("""{ "reference": "reference.json", "current": "cur" }"""));

        Assert.Contains(fromProfile.Inputs, i => i.Role == "reference profile scoring" && i.Path.EndsWith("train.profile", StringComparison.Ordinal));
        Assert.Contains(fromJsonLines.Inputs, i => i.Role == "reference data scoring" && i.Path.EndsWith("reference.json", StringComparison.Ordinal));
        // Not drifted, but 300 reference rows cannot show an effect of 0.1: the check is a warning with its MG3010, not a silent pass.
        Assert.Contains(fromJsonLines.Checks, c => c.Id == "drift:scoring/amount" && c.Status == CheckStatus.Warned && c.Diagnostic?.Code == "MG3010");
    }

    [Fact]
    public void A_missing_dataset_is_MG0101_at_the_line_that_names_it_with_exit_code_3()
    {
        var path = Config("""{ "reference": "ref", "current": "cur" }""", currentPath: "nope.csv");

        var error = Assert.Throws<DataReadException>(() => GatesConfigReader.Read(path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("MG0101", ExitCodes.DataError), (diagnostic.Code, error.ExitCode));
        Assert.Contains("nope.csv", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_error_beside_missing_data_is_still_a_configuration_error()
    {
        var path = Config("""{ "reference": "ref", "current": "cur", "tset": "ks" }""", currentPath: "nope.csv");

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        Assert.Contains(error.Diagnostics, d => d.Code == "MG0101");
        Assert.Contains(error.Diagnostics, d => d.Code == "MG0012");
    }

    [Fact]
    public void Every_file_of_a_globbed_dataset_is_listed_with_its_hash()
    {
        Directory.CreateDirectory(dir.File("parts"));
        var lines = File.ReadAllLines(dir.File("current.csv"));
        File.WriteAllLines(dir.File("parts/a.csv"), lines.Take(300));
        File.WriteAllLines(dir.File("parts/b.csv"), lines.Take(1).Concat(lines.Skip(300)));

        var report = Run(Config("""{ "reference": "ref", "current": "cur" }""", currentPath: "parts/*.csv"));

        var parts = report.Inputs.Where(i => i.Role == "dataset cur").ToList();
        Assert.Equal(["a.csv", "b.csv"], parts.Select(i => Path.GetFileName(i.Path)));
        Assert.Equal(InputFile.Of("x", dir.File("parts/b.csv")).Sha256, parts[1].Sha256);
    }

    private void AddRaggedLine(string file, int at)
    {
        var lines = File.ReadAllLines(dir.File(file)).ToList();
        lines.Insert(at - 1, "1,2,Oslo,yes,3,4,n-extra,one-too-many");
        File.WriteAllLines(dir.File(file), lines);
    }

    private static GateReport Run(string config) => GateRunner.Run(GatesConfigReader.Read(config), new GateRunOptions());

    private string Config(string gate, string currentPath = "current.csv", int referenceTolerance = 0) => dir.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          "datasets": {
            "ref": { "path": "reference.csv", "maxUnparsedRows": {{referenceTolerance}} },
            "cur": { "path": "{{currentPath}}" }
          },
          "drift": {
            "scoring": {{gate}}
          }
        }
        """);
}
