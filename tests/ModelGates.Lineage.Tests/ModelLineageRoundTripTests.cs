using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ModelGates.Lineage.Tests;

public sealed class ModelLineageRoundTripTests
{
    [Fact]
    public void SavedModel_StillLoadsAndScores_AndTheRecordReadsBack()
    {
        using var temp = new TempDirectory();
        var csv = SyntheticData.WriteCsv(temp.Path);
        var (ml, data, model) = Train(csv, seed: 42);
        var path = Path.Combine(temp.Path, "model.zip");

        var written = ModelLineage.Save(ml, model, data.Schema, path, new LineageOptions
        {
            BaseDirectory = temp.Path,
            DataFiles = { "train.csv" },
            Metrics = { ["auc"] = 0.9125, ["accuracy"] = 0.875 },
            Hyperparameters = { ["NumberOfThreads"] = "1" },
            Properties = { ["dataset"] = "synthetic-v1" },
        });

        // ML.NET ignores the extra entry: the model loads with its schema and scores.
        var loaded = new MLContext(seed: 1).Model.Load(path, out var schema);
        Assert.NotNull(schema);
        Assert.Equal(3, schema.Count);
        var scores = loaded.Transform(data).GetColumn<float>("Score").ToArray();
        Assert.Equal(300, scores.Length);

        var record = ModelLineage.Read(path);
        Assert.NotNull(record);
        Assert.Equal(42, record.Seed);
        Assert.Equal("mlcontext", record.SeedSource);
        var file = Assert.Single(record.DataFiles);
        Assert.Equal("train.csv", file.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(csv))), file.Sha256);
        Assert.Equal(new FileInfo(csv).Length, file.Length);
        Assert.Equal("5.0.1", record.MlNetVersion);
        Assert.StartsWith(".NET ", record.Runtime, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(record.OperatingSystem));
        Assert.Equal(0.9125, record.Metrics["auc"]);
        Assert.Equal("1", record.Hyperparameters["NumberOfThreads"]);
        Assert.Equal("synthetic-v1", record.Properties["dataset"]);
        Assert.Contains("ColumnConcatenatingTransformer", record.Pipeline);
        Assert.Contains("LinearBinaryModelParameters", record.Trainer, StringComparison.Ordinal);
        Assert.Contains("SubModel.Bias", record.ModelParameters.Keys);
        Assert.Equal(LineageRecord.CurrentSchemaVersion, record.SchemaVersion);
        Assert.True(Math.Abs((record.CreatedUtc - DateTimeOffset.UtcNow).TotalMinutes) < 10);
        Assert.Equal(written.CreatedUtc, record.CreatedUtc);
        Assert.Equal(LineageJson.Write(written), LineageJson.Write(record));
    }

    [Fact]
    public void Training_TimeAndPeakMemory_AreRecorded_FromTrainingStartedOrTheProcessStart()
    {
        using var temp = new TempDirectory();
        var csv = SyntheticData.WriteCsv(temp.Path);
        var started = DateTimeOffset.UtcNow;
        var (ml, data, model) = Train(csv, seed: 42);
        var timed = Path.Combine(temp.Path, "timed.zip");
        var untimed = Path.Combine(temp.Path, "untimed.zip");

        ModelLineage.Save(ml, model, data.Schema, timed, new LineageOptions { TrainingStarted = started });
        var afterSave = DateTimeOffset.UtcNow;
        ModelLineage.Save(ml, model, data.Schema, untimed);

        var fromStart = ModelLineage.Read(timed)!.Training!;
        var fromProcess = ModelLineage.Read(untimed)!.Training!;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Assert.Equal("trainingStarted", fromStart.Since);
        Assert.InRange(fromStart.Seconds, 0, (afterSave - started).TotalSeconds);
        Assert.Equal("processStart", fromProcess.Since);
        Assert.True(fromProcess.Seconds >= (DateTimeOffset.UtcNow - process.StartTime.ToUniversalTime()).TotalSeconds - (DateTimeOffset.UtcNow - afterSave).TotalSeconds - 1);
        Assert.InRange(fromStart.PeakMemoryBytes, Environment.WorkingSet / 4, process.PeakWorkingSet64);
    }

    [Fact]
    public void A_record_without_training_reads_back_to_the_same_bytes()
    {
        var json = LineageJson.Write(LineageJson.Read("""{ "schemaVersion": 1, "seed": 3, "createdUtc": "2026-01-02T03:04:05.0000000Z" }"""));

        Assert.Null(LineageJson.Read(json).Training);
        Assert.DoesNotContain("training", json, StringComparison.Ordinal);
        Assert.Equal(json, LineageJson.Write(LineageJson.Read(json)));
    }

    [Fact]
    public void ChangedTrainingData_IsReportedByVerify_AndUnchangedDataIsNot()
    {
        using var temp = new TempDirectory();
        var csv = SyntheticData.WriteCsv(temp.Path);
        var (ml, data, model) = Train(csv, seed: 42);
        var path = Path.Combine(temp.Path, "model.zip");
        ModelLineage.Save(ml, model, data.Schema, path, new LineageOptions { BaseDirectory = temp.Path, DataFiles = { "train.csv" } });
        var record = ModelLineage.Read(path)!;

        Assert.Empty(record.VerifyDataFiles(temp.Path));

        var bytes = File.ReadAllBytes(csv);
        bytes[^2] = (byte)(bytes[^2] == (byte)'e' ? 'E' : 'e'); // one byte of the last label
        File.WriteAllBytes(csv, bytes);

        var changed = Assert.Single(record.VerifyDataFiles(temp.Path));
        Assert.Equal(DataFileMismatchKind.Changed, changed.Kind);
        Assert.NotEqual(record.DataFiles[0].Sha256, changed.ActualSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), changed.ActualSha256);

        File.Delete(csv);
        var missing = Assert.Single(record.VerifyDataFiles(temp.Path));
        Assert.Equal(DataFileMismatchKind.Missing, missing.Kind);
        Assert.Null(missing.ActualSha256);
    }

    [Fact]
    public void SeedGivenByTheCaller_WinsOverTheContext()
    {
        using var temp = new TempDirectory();
        var (ml, data, model) = Train(SyntheticData.WriteCsv(temp.Path), seed: 42);
        var path = Path.Combine(temp.Path, "model.zip");

        var record = ModelLineage.Save(ml, model, data.Schema, path, new LineageOptions { Seed = 7 });

        Assert.Equal(7, record.Seed);
        Assert.Equal("caller", record.SeedSource);
        Assert.Equal(7, ModelLineage.Read(path)!.Seed);
    }

    [Fact]
    public void UnseededContext_IsRecordedAsHavingNoSeed()
    {
        using var temp = new TempDirectory();
        var (ml, data, model) = Train(SyntheticData.WriteCsv(temp.Path), seed: null);
        var path = Path.Combine(temp.Path, "model.zip");

        ModelLineage.Save(ml, model, data.Schema, path);

        var record = ModelLineage.Read(path)!;
        Assert.Null(record.Seed);
        Assert.Equal("mlcontext", record.SeedSource);
    }

    [Fact]
    public void ModelSavedWithoutLineage_ReadsAsNull()
    {
        using var temp = new TempDirectory();
        var (ml, data, model) = Train(SyntheticData.WriteCsv(temp.Path), seed: 1);
        var path = Path.Combine(temp.Path, "plain.zip");
        ml.Model.Save(model, data.Schema, path);

        Assert.Null(ModelLineage.Read(path));
    }

    [Fact]
    public void SavingTwice_ReplacesTheRecordInsteadOfAddingASecondEntry()
    {
        using var temp = new TempDirectory();
        var (ml, data, model) = Train(SyntheticData.WriteCsv(temp.Path), seed: 1);
        var path = Path.Combine(temp.Path, "model.zip");

        ModelLineage.Save(ml, model, data.Schema, path, new LineageOptions { Seed = 1 });
        ModelLineage.Save(ml, model, data.Schema, path, new LineageOptions { Seed = 2 });

        using var zip = ZipFile.OpenRead(path);
        Assert.Single(zip.Entries, entry => entry.FullName == ModelLineage.EntryName);
        Assert.Equal(2, ModelLineage.Read(path)!.Seed);
    }

    [Fact]
    public void MissingSchema_IsRefusedWithAMessageThatSaysWhatToPass()
    {
        using var temp = new TempDirectory();
        var (ml, _, model) = Train(SyntheticData.WriteCsv(temp.Path), seed: 1);

        var error = Assert.Throws<ArgumentNullException>(() => ModelLineage.Save(ml, model, null!, Path.Combine(temp.Path, "m.zip")));
        Assert.Contains("Schema", error.Message, StringComparison.Ordinal);
    }

    private static (MLContext Ml, IDataView Data, ITransformer Model) Train(string csv, int? seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromTextFile<SyntheticData.Row>(csv, hasHeader: true, separatorChar: ',');
        var pipeline = ml.Transforms.Concatenate("Features", nameof(SyntheticData.Row.Income), nameof(SyntheticData.Row.Debt))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }));
        return (ml, data, pipeline.Fit(data));
    }
}
