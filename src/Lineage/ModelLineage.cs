using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.ML;

namespace ModelGates.Lineage;

/// <summary>
/// Saves an ML.NET model with its lineage record and reads the record back. The record is an extra entry
/// (<see cref="EntryName"/>) in the model zip: ML.NET ignores it, so the file still loads with
/// <c>mlContext.Model.Load</c>.
/// </summary>
public static class ModelLineage
{
    /// <summary>The zip entry the lineage record is stored in.</summary>
    public const string EntryName = "ModelGates/lineage.json";

    /// <summary>
    /// Saves <paramref name="model"/> with <c>mlContext.Model.Save(model, inputSchema, path)</c> and adds its
    /// lineage record to the zip.
    /// </summary>
    /// <param name="mlContext">The context the model was trained with; its seed is recorded unless <see cref="LineageOptions.Seed"/> is given.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="inputSchema">The schema of the training data (required: without it the saved model cannot be checked against scoring data).</param>
    /// <param name="path">Where to write the model zip.</param>
    /// <param name="options">Data files to hash, metrics, hyperparameters and properties to record.</param>
    /// <returns>The record that was written.</returns>
    /// <exception cref="InvalidOperationException">No seed was given and this ML.NET version does not expose the context's seed.</exception>
    public static LineageRecord Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path, LineageOptions? options = null)
    {
        if (mlContext is null)
        {
            throw new ArgumentNullException(nameof(mlContext));
        }

        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (inputSchema is null)
        {
            throw new ArgumentNullException(nameof(inputSchema), "Pass the training data's schema (for example trainData.Schema): a model saved without it cannot be checked against scoring data.");
        }

        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A model path is required.", nameof(path));
        }

        options ??= new LineageOptions();
        var record = CreateRecord(mlContext, model, options);
        mlContext.Model.Save(model, inputSchema, path);
        using (var zip = new ZipArchive(new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None), ZipArchiveMode.Update))
        {
            zip.GetEntry(EntryName)?.Delete();
            var entry = zip.CreateEntry(EntryName, CompressionLevel.Optimal);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(LineageJson.Write(record));
        }

        return record;
    }

    /// <summary>The lineage record stored in the model zip at <paramref name="path"/>; null when the model has none.</summary>
    /// <param name="path">A model zip written by ML.NET.</param>
    public static LineageRecord? Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(EntryName);
        if (entry is null)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return LineageJson.Read(reader.ReadToEnd());
    }

    private static LineageRecord CreateRecord(MLContext mlContext, ITransformer model, LineageOptions options)
    {
        int? seed;
        string seedSource;
        if (options.Seed.HasValue)
        {
            (seed, seedSource) = (options.Seed, "caller");
        }
        else if (SeedReader.TryRead(mlContext, out var contextSeed))
        {
            (seed, seedSource) = (contextSeed, "mlcontext");
        }
        else
        {
            throw new InvalidOperationException("This ML.NET version does not expose the MLContext's seed: pass it in LineageOptions.Seed.");
        }

        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var dataFiles = options.DataFiles
            .Select(file =>
            {
                var resolved = FileHashing.Resolve(file, baseDirectory);
                return new DataFileHash(FileHashing.Portable(file), FileHashing.Sha256(resolved), new FileInfo(resolved).Length);
            })
            .ToList();
        var transformers = ModelInspection.Flatten(model);
        var predictor = ModelInspection.Predictor(transformers);
        return new LineageRecord(
            LineageRecord.CurrentSchemaVersion,
            seed,
            seedSource,
            dataFiles,
            GitProbe.Read(options.RepositoryDirectory ?? baseDirectory),
            MlNetVersion(),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription.Trim() + " (" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() + ")",
            predictor is null ? null : ModelInspection.FriendlyName(predictor.GetType()),
            transformers.Select(transformer => ModelInspection.FriendlyName(transformer.GetType())).ToList(),
            ModelInspection.ScalarProperties(predictor),
            new SortedDictionary<string, string>(options.Hyperparameters, StringComparer.Ordinal),
            new SortedDictionary<string, double>(options.Metrics, StringComparer.Ordinal),
            new SortedDictionary<string, string>(options.Properties, StringComparer.Ordinal),
            DateTimeOffset.UtcNow,
            Training(options.TrainingStarted));
    }

    private static TrainingResources Training(DateTimeOffset? started)
    {
        using var process = Process.GetCurrentProcess();
        var since = started ?? new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        var seconds = Math.Max(0, (DateTimeOffset.UtcNow - since).TotalSeconds);
        return new TrainingResources(seconds, process.PeakWorkingSet64, started is null ? "processStart" : "trainingStarted");
    }

    private static string MlNetVersion()
    {
        var version = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(MLContext).Assembly.GetName().Version?.ToString()
            ?? "unknown";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
