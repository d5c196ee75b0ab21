using System.IO.Compression;
using System.Security.Cryptography;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary><c>modelgates lineage</c> and the lineage gate of <c>modelgates check</c> / <c>accept</c>, on the sample's real model, through the real CLI process.</summary>
public sealed class LineageCommandTests : IDisposable
{
    private static readonly string SampleModel = RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip");
    private static readonly string SampleTrain = RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv");
    private static readonly string SampleHoldout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Lineage_prints_the_sample_model_record_as_key_value_lines()
    {
        var result = CliRunner.Run(RepoPaths.Root, "lineage", SampleModel);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Contains("seed             42 (from mlcontext)", lines);
        Assert.Contains($"data             data/train.csv sha256 {Sha256(SampleTrain)} ({new FileInfo(SampleTrain).Length} bytes)", lines);
        Assert.Contains(lines, l => l.StartsWith("trainer          FeatureWeightsCalibratedModelParameters<FastTreeBinaryModelParameters", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("metric           auc = 0.842", StringComparison.Ordinal));
        Assert.Contains("ml.net           5.0.1", lines);
    }

    [Fact]
    public void Lineage_json_is_the_record_exactly_as_stored_in_the_zip()
    {
        var result = CliRunner.Run(RepoPaths.Root, "lineage", SampleModel, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var zip = ZipFile.OpenRead(SampleModel);
        using var reader = new StreamReader(zip.GetEntry("ModelGates/lineage.json")!.Open());
        Assert.Equal(reader.ReadToEnd(), result.Stdout);
        Assert.Equal(42, result.Json().GetProperty("seed").GetInt32());
    }

    [Fact]
    public void A_model_without_lineage_is_MG5001_with_exit_code_1_in_text_and_json()
    {
        var plain = PlainModel();

        var text = CliRunner.Run(directory.Path, "lineage", plain);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("error MG5001", text.Stderr, StringComparison.Ordinal);
        Assert.Contains("plain Model.Save", text.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, text.Stdout);

        var json = CliRunner.Run(directory.Path, "lineage", plain, "--format", "json");
        Assert.Equal(1, json.ExitCode);
        Assert.False(json.Json().GetProperty("passed").GetBoolean());
        Assert.Equal(["MG5001"], json.Codes());
    }

    [Fact]
    public void A_missing_file_or_a_file_that_is_not_a_zip_is_MG4010_with_exit_code_3()
    {
        var missing = CliRunner.Run(directory.Path, "lineage", "nothing.zip");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("MG4010", missing.Stderr, StringComparison.Ordinal);

        var notZip = CliRunner.Run(directory.Path, "lineage", SampleTrain, "--format", "json");
        Assert.Equal(3, notZip.ExitCode);
        Assert.Equal(["MG4010"], notZip.Codes());
        Assert.DoesNotContain("   at ", notZip.Stdout + notZip.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lineage_without_a_model_or_with_an_unknown_format_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run(directory.Path, "lineage").ExitCode);
        Assert.Equal(2, CliRunner.Run(directory.Path, "lineage", SampleModel, "--format", "msbuild").ExitCode);
    }

    [Fact]
    public void Check_gates_the_lineage_and_the_lock_accept_locks_and_a_stale_or_swapped_model_fails_at_its_line()
    {
        File.Copy(SampleModel, directory.File("credit-risk.zip"));
        Directory.CreateDirectory(directory.File("data"));
        File.Copy(SampleTrain, directory.File(Path.Combine("data", "train.csv")));
        File.Copy(SampleHoldout, directory.File(Path.Combine("data", "holdout.csv")));
        var config = directory.Write("modelgates.json", """
            {
              "schemaVersion": 1,
              "lock": "modelgates.lock.json",
              "datasets": {
                "train": { "path": "data/train.csv" },
                "holdout": { "path": "data/holdout.csv" }
              },
              "models": {
                "credit-risk": {
                  "model": "credit-risk.zip",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Status",
                  "positiveClass": "bad",
                  "bootstrap": { "resamples": 100 },
                  "metrics": { "auc": { "min": 0.78 } },
                  "lineage": { "trainingData": ["train"] }
                }
              }
            }
            """);
        var lines = File.ReadAllLines(config);

        var unlocked = CliRunner.Run(directory.Path, "check", "--format", "msbuild");
        Assert.Equal(1, unlocked.ExitCode);
        Assert.Contains($"modelgates.json({LineOf(lines, "\"lock\"")},3): error MG5004", unlocked.Stdout, StringComparison.Ordinal);

        var accept = CliRunner.Run(directory.Path, "accept");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Contains($"credit-risk.zip: sha256 none -> {Sha256(SampleModel)[..12]}", accept.Stdout, StringComparison.Ordinal);

        var passed = CliRunner.Run(directory.Path, "check", "--format", "json", "--report-dir", directory.File("reports"));
        Assert.True(passed.ExitCode == 0, passed.ToString());
        var gate = passed.Json().GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "lineage");
        Assert.Equal(
            ["lineage:credit-risk/record", "lineage:credit-risk/seed", "lineage:credit-risk/data/train", "lineage:credit-risk/lock"],
            gate.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("42", gate.GetProperty("facts").GetProperty("seed").GetString());
        Assert.Contains(directory.File("modelgates.lock.json"), File.ReadAllLines(directory.File(Path.Combine("reports", "modelgates.inputs.txt"))));
        Assert.Contains("Lineage and integrity", File.ReadAllText(directory.File(Path.Combine("reports", "report.html"))), StringComparison.Ordinal);

        // One byte of the training data changes: the model is stale.
        var train = directory.File(Path.Combine("data", "train.csv"));
        var bytes = File.ReadAllBytes(train);
        bytes[^2] = (byte)(bytes[^2] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(train, bytes);
        var stale = CliRunner.Run(directory.Path, "check", "--format", "msbuild");
        Assert.Equal(1, stale.ExitCode);
        var mg5002 = stale.Stdout.Split('\n').Single(l => l.Contains("MG5002", StringComparison.Ordinal));
        Assert.StartsWith($"modelgates.json({LineOf(lines, "\"lineage\"")},", mg5002, StringComparison.Ordinal);
        Assert.Contains($"sha256 {Sha256(train)}", mg5002, StringComparison.Ordinal);
        Assert.Contains($"sha256 {Sha256(SampleTrain)}", mg5002, StringComparison.Ordinal);
        File.Copy(SampleTrain, train, overwrite: true);

        // The model is replaced by one saved without lineage: MG5001 and MG5004.
        File.Copy(PlainModel(), directory.File("credit-risk.zip"), overwrite: true);
        var swapped = CliRunner.Run(directory.Path, "check", "--format", "json");
        Assert.Equal(1, swapped.ExitCode);
        Assert.Equal(["MG5001", "MG5004"], swapped.Codes().Where(c => c.StartsWith("MG5", StringComparison.Ordinal)));
    }

    private string PlainModel()
    {
        var path = directory.File("plain.zip");
        File.Copy(SampleModel, path, overwrite: true);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("ModelGates/lineage.json")!.Delete();
        }

        return path;
    }

    private static int LineOf(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
