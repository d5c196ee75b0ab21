using Microsoft.ML;
using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Lineage;
using ModelGates.Testing;
using ModelGates.Tests.Models.Evaluation;

namespace ModelGates.Tests.Lineage;

/// <summary>
/// The lineage gate and the model lock on real ML.NET models trained here with fixed seeds and saved with
/// ModelLineage.Save (or a plain Model.Save), over real files.
/// </summary>
public sealed class LineageGateTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public LineageGateTests()
    {
        TrainedModels.WriteCsv(directory.File("train.csv"), TrainedModels.Rows(200, 7));
        TrainedModels.WriteCsv(directory.File("holdout.csv"), TrainedModels.Rows(120, 8));
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_model_saved_with_its_lineage_passes_record_seed_and_data()
    {
        Train(directory.File("model.zip"));
        var report = Run(Config("\"lineage\": { \"trainingData\": [\"train\"] }"));

        var gate = report.Gates.Single(g => g.Kind == "lineage");
        Assert.Equal("credit", gate.Name);
        Assert.Equal(["lineage:credit/record", "lineage:credit/seed", "lineage:credit/data/train"], gate.Checks.Select(c => c.Id));
        Assert.All(gate.Checks, c => Assert.Equal(CheckStatus.Passed, c.Status));
        Assert.Equal("trained on the current dataset train", gate.Checks[2].Description);
        Assert.Contains(new KeyValuePair<string, string>("seed", "1"), gate.Facts);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Changing_one_byte_of_the_training_data_is_MG5002_naming_the_file_and_both_hashes()
    {
        Train(directory.File("model.zip"));
        var recorded = InputFile.Of("data", directory.File("train.csv")).Sha256;
        var bytes = File.ReadAllBytes(directory.File("train.csv"));
        bytes[^2] = (byte)(bytes[^2] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(directory.File("train.csv"), bytes);
        var now = InputFile.Of("data", directory.File("train.csv")).Sha256;
        var path = Config("\"lineage\": {\n        \"trainingData\": [\"train\"]\n      }");

        var report = Run(path);

        var check = report.Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/data/train");
        Assert.Equal(CheckStatus.Failed, check.Status);
        var diagnostic = check.Diagnostic!;
        Assert.Equal("MG5002", diagnostic.Code);
        Assert.Contains("'train.csv'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"sha256 {now}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"sha256 {recorded}", diagnostic.Message, StringComparison.Ordinal);
        var line = File.ReadAllLines(path)[diagnostic.Line!.Value - 1];
        Assert.Contains("\"trainingData\": [\"train\"]", line, StringComparison.Ordinal);
        Assert.Equal(line.IndexOf("\"train\"]", StringComparison.Ordinal) + 1, diagnostic.SourceColumn);
        Assert.False(report.Passed);
    }

    [Fact]
    public void A_model_saved_with_a_plain_Model_Save_is_MG5001_at_the_lineage_key()
    {
        TrainedModels.Binary(directory.File("model.zip"), TrainedModels.Rows(200, 7));
        var path = Config("\"lineage\": { \"trainingData\": [\"train\"] }");

        var gate = Run(path).Gates.Single(g => g.Kind == "lineage");

        var check = Assert.Single(gate.Checks);
        Assert.Equal("lineage:credit/record", check.Id);
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("MG5001", check.Diagnostic!.Code);
        Assert.Contains("plain Model.Save", check.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"lineage\"", File.ReadAllLines(path)[check.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, string>("lineage", "none"), gate.Facts);
    }

    [Fact]
    public void A_model_trained_without_a_seed_is_MG5003_unless_the_seed_is_not_required()
    {
        Train(directory.File("model.zip"), seed: null);

        var required = Run(Config("\"lineage\": { \"trainingData\": [\"train\"], \"requireSeed\": true }"));
        var seed = required.Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/seed");
        Assert.Equal(CheckStatus.Failed, seed.Status);
        Assert.Equal("MG5003", seed.Diagnostic!.Code);

        var optional = Run(Config("\"lineage\": { \"trainingData\": [\"train\"], \"requireSeed\": false }"));
        Assert.DoesNotContain(optional.Gates.Single(g => g.Kind == "lineage").Checks, c => c.Id == "lineage:credit/seed");
        Assert.True(optional.Passed);
    }

    [Fact]
    public void Training_data_the_model_was_not_trained_on_is_MG5002_listing_what_it_was_trained_on()
    {
        Train(directory.File("model.zip"));
        var path = Config("\"lineage\": { \"trainingData\": [\"holdout\"] }");

        var check = Run(path).Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/data/holdout");

        Assert.Equal("MG5002", check.Diagnostic!.Code);
        Assert.Contains("was not trained on 'holdout.csv'", check.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("records 'train.csv'", check.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_trainingData_every_recorded_file_is_checked_relative_to_the_config()
    {
        Train(directory.File("model.zip"));
        var passing = Run(Config("\"lineage\": { }"));
        Assert.Equal(CheckStatus.Passed, passing.Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/data/train.csv").Status);

        File.Delete(directory.File("train.csv"));
        File.Copy(directory.File("holdout.csv"), directory.File("train.csv"));
        var failing = Run(Config("\"lineage\": { }"));
        Assert.Equal("MG5002", failing.Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/data/train.csv").Diagnostic!.Code);
    }

    [Fact]
    public void A_lineage_at_warning_warns_and_off_skips_the_lineage_checks()
    {
        TrainedModels.Binary(directory.File("model.zip"), TrainedModels.Rows(200, 7));

        var warned = Run(Config("\"lineage\": { \"severity\": \"warning\" }"));
        Assert.Equal(CheckStatus.Warned, warned.Gates.Single(g => g.Kind == "lineage").Checks.Single().Status);
        Assert.True(warned.Passed);

        var off = Run(Config("\"lineage\": { \"severity\": \"off\" }"));
        Assert.DoesNotContain(off.Gates, g => g.Kind == "lineage");
    }

    [Fact]
    public void Accept_writes_the_lock_and_a_swapped_model_is_MG5004_naming_both_hashes()
    {
        Train(directory.File("model.zip"));
        var path = Config("\"lineage\": { \"trainingData\": [\"train\"] }", lockFile: "modelgates.lock.json");
        var config = GatesConfigReader.Read(path);

        var unlocked = Run(path).Gates.Single(g => g.Kind == "lineage").Checks.Single(c => c.Id == "lineage:credit/lock");
        Assert.Equal("MG5004", unlocked.Diagnostic!.Code);
        Assert.Contains("does not exist yet", unlocked.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("\"lock\"", File.ReadAllLines(path)[unlocked.Diagnostic.Line!.Value - 1], StringComparison.Ordinal);

        var first = InputFile.Of("model", directory.File("model.zip")).Sha256;
        var change = Assert.Single(BaselineAcceptor.Accept(config, null));
        Assert.Equal(directory.File("modelgates.lock.json"), change.File);
        Assert.Equal([$"model.zip: sha256 none -> {first[..12]}"], change.Lines);
        Assert.Equal(first, ModelLockFile.Read(directory.File("modelgates.lock.json"))["model.zip"].Sha256);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));

        var locked = Run(path);
        Assert.True(locked.Passed);
        Assert.Contains(locked.Inputs, i => i.Role == "lock" && i.Path == directory.File("modelgates.lock.json"));

        // Another model in its place (the same data, another seed): still passes its lineage, but not its lock.
        Train(directory.File("model.zip"), seed: 2);
        var second = InputFile.Of("model", directory.File("model.zip")).Sha256;
        Assert.NotEqual(first, second);
        var swapped = Run(path).Gates.Single(g => g.Kind == "lineage");
        Assert.All(swapped.Checks.Where(c => c.Id != "lineage:credit/lock"), c => Assert.Equal(CheckStatus.Passed, c.Status));
        var check = swapped.Checks.Single(c => c.Id == "lineage:credit/lock");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("MG5004", check.Diagnostic!.Code);
        Assert.Contains($"has sha256 {second}", check.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"holds sha256 {first}", check.Diagnostic.Message, StringComparison.Ordinal);

        var update = Assert.Single(BaselineAcceptor.Accept(config, null));
        Assert.Equal([$"model.zip: sha256 {first[..12]} -> {second[..12]}"], update.Lines);
        Assert.True(Run(path).Passed);
        var bytes = File.ReadAllBytes(directory.File("modelgates.lock.json"));
        BaselineAcceptor.Accept(config, null);
        Assert.Equal(bytes, File.ReadAllBytes(directory.File("modelgates.lock.json")));
    }

    [Fact]
    public void A_lock_without_a_lineage_section_still_checks_the_model_file()
    {
        TrainedModels.Binary(directory.File("model.zip"), TrainedModels.Rows(200, 7));
        var path = Config(string.Empty, lockFile: "locks/models.lock.json");
        BaselineAcceptor.Accept(GatesConfigReader.Read(path), null);

        var gate = Run(path).Gates.Single(g => g.Kind == "lineage");
        Assert.Equal("lineage:credit/lock", Assert.Single(gate.Checks).Id);
        Assert.Contains("\"../model.zip\"", File.ReadAllText(directory.File("locks/models.lock.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_file_that_is_not_a_lock_file_is_MG5005_with_exit_code_3()
    {
        Train(directory.File("model.zip"));
        directory.Write("modelgates.lock.json", "{ \"models\": [] }");
        var path = Config(string.Empty, lockFile: "modelgates.lock.json");

        var error = Assert.Throws<DataReadException>(() => Run(path));

        Assert.Equal("MG5005", error.Diagnostic.Code);
        Assert.Equal(ExitCodes.DataError, error.ExitCode);
    }

    [Theory]
    [InlineData("\"lineage\": { \"trainingData\": [\"trian\"] }", "MG0010", "Did you mean dataset 'train'?")]
    [InlineData("\"lineage\": { \"trainingdata\": [\"train\"] }", "MG0012", "Did you mean 'trainingData'?")]
    [InlineData("\"lineage\": { \"trainingData\": [] }", "MG0015", "is empty")]
    [InlineData("\"lineage\": { \"trainingData\": [1] }", "MG0013", "dataset name or a path")]
    [InlineData("\"lineage\": { \"requireSeed\": \"yes\" }", "MG0013", "requireSeed")]
    [InlineData("\"lineage\": { \"severity\": \"fatal\" }", "MG0015", "severity")]
    [InlineData("\"lineage\": true", "MG0013", "lineage")]
    public void Lineage_config_errors_are_reported_at_read_time_with_exit_code_2(string section, string code, string text)
    {
        Train(directory.File("model.zip"));
        var path = Config(section);

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        var diagnostic = error.Diagnostics[0];
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(text, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("lineage", File.ReadAllLines(path)[diagnostic.Line!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_that_is_a_glob_is_MG0015()
    {
        var path = Config(string.Empty, lockFile: "*.lock.json");

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));

        Assert.Equal("MG0015", error.Diagnostics[0].Code);
    }

    /// <summary>Trains the binary model on train.csv's rows and saves it with its lineage (train.csv recorded relative to the folder).</summary>
    private void Train(string modelPath, int? seed = 1)
    {
        var ml = seed is { } s ? new MLContext(s) : new MLContext();
        var data = ml.Data.LoadFromEnumerable(TrainedModels.Rows(200, 7));
        var pipeline = ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["yes"] = true, ["no"] = false }, nameof(TrainedModels.Row.Outcome))
            .Append(ml.Transforms.Concatenate("Features", nameof(TrainedModels.Row.X1), nameof(TrainedModels.Row.X2)))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20));
        var model = pipeline.Fit(data);
        ModelLineage.Save(ml, model, data.Schema, modelPath, new LineageOptions { BaseDirectory = directory.Path, DataFiles = { "train.csv" } });
    }

    private string Config(string lineage, string? lockFile = null) => directory.Write("modelgates.json", $$"""
        {
          "schemaVersion": 1,
          {{(lockFile is null ? string.Empty : $"\"lock\": \"{lockFile}\",")}}
          "datasets": {
            "train": { "path": "train.csv" },
            "holdout": { "path": "holdout.csv" }
          },
          "models": {
            "credit": {
              "model": "model.zip",
              "data": "holdout",
              "task": "binary",
              "label": "Outcome",
              "positiveClass": "yes",
              "bootstrap": { "resamples": 100 },
              {{lineage}}{{(lineage.Length == 0 ? string.Empty : ",")}}
              "metrics": { "auc": { "min": 0.5 } }
            }
          }
        }
        """);

    private static GateReport Run(string path) => GateRunner.Run(GatesConfigReader.Read(path), new GateRunOptions());
}
