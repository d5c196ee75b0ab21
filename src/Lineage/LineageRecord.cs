namespace ModelGates.Lineage;

/// <summary>
/// How a saved model was produced: stored as <c>ModelGates/lineage.json</c> inside the model zip by
/// <see cref="ModelLineage.Save"/> and returned by <see cref="ModelLineage.Read"/>.
/// </summary>
public sealed class LineageRecord
{
    /// <summary>The version of the JSON layout this library writes.</summary>
    internal const int CurrentSchemaVersion = 1;

    internal LineageRecord(
        int schemaVersion,
        int? seed,
        string seedSource,
        IReadOnlyList<DataFileHash> dataFiles,
        GitState? git,
        string mlNetVersion,
        string runtime,
        string operatingSystem,
        string? trainer,
        IReadOnlyList<string> pipeline,
        IReadOnlyDictionary<string, string> modelParameters,
        IReadOnlyDictionary<string, string> hyperparameters,
        IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, string> properties,
        DateTimeOffset createdUtc,
        TrainingResources? training = null)
    {
        Training = training;
        SchemaVersion = schemaVersion;
        Seed = seed;
        SeedSource = seedSource;
        DataFiles = dataFiles;
        Git = git;
        MlNetVersion = mlNetVersion;
        Runtime = runtime;
        OperatingSystem = operatingSystem;
        Trainer = trainer;
        Pipeline = pipeline;
        ModelParameters = modelParameters;
        Hyperparameters = hyperparameters;
        Metrics = metrics;
        Properties = properties;
        CreatedUtc = createdUtc;
    }

    /// <summary>Training time and peak memory of the training process; null in records written before they were measured.</summary>
    public TrainingResources? Training { get; }

    /// <summary>The JSON layout version the record was written with.</summary>
    public int SchemaVersion { get; }

    /// <summary>The seed the model was trained with; null when the MLContext had none (the model cannot be reproduced).</summary>
    public int? Seed { get; }

    /// <summary>Where <see cref="Seed"/> came from: <c>caller</c> (passed in the options) or <c>mlcontext</c> (read from the context).</summary>
    public string SeedSource { get; }

    /// <summary>The training data files and their SHA-256, in the order the caller named them.</summary>
    public IReadOnlyList<DataFileHash> DataFiles { get; }

    /// <summary>The git commit and dirty flag; null when git is absent or the directory is not in a repository.</summary>
    public GitState? Git { get; }

    /// <summary>The ML.NET version (informational version of Microsoft.ML without build metadata).</summary>
    public string MlNetVersion { get; }

    /// <summary>The .NET runtime, for example <c>.NET 10.0.12</c>.</summary>
    public string Runtime { get; }

    /// <summary>The operating system and architecture the model was saved on.</summary>
    public string OperatingSystem { get; }

    /// <summary>The type of the last prediction transformer's model parameters (the trained predictor); null when the chain has none.</summary>
    public string? Trainer { get; }

    /// <summary>The types of the fitted transformers, in chain order.</summary>
    public IReadOnlyList<string> Pipeline { get; }

    /// <summary>Scalar public properties recovered from the trained model parameters (for example <c>Bias</c>).</summary>
    public IReadOnlyDictionary<string, string> ModelParameters { get; }

    /// <summary>The trainer options the caller recorded.</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    /// <summary>The metrics the caller recorded.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Free-form properties the caller recorded.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>When the model was saved, in UTC.</summary>
    public DateTimeOffset CreatedUtc { get; }

    /// <summary>
    /// The record as JSON, exactly as <see cref="ModelLineage.Save"/> stores it in the model zip: keys in ordinal
    /// order, invariant culture, <c>\n</c> line ends. The same record always gives the same text.
    /// </summary>
    public string ToJson() => LineageJson.Write(this);

    /// <summary>
    /// Hashes the recorded training data files again and returns those that are missing or changed: an empty
    /// list means the model was trained on exactly the files that are there now.
    /// </summary>
    /// <param name="baseDirectory">The directory relative recorded paths are resolved against; the current directory when null.</param>
    public IReadOnlyList<DataFileMismatch> VerifyDataFiles(string? baseDirectory = null)
    {
        var mismatches = new List<DataFileMismatch>();
        foreach (var recorded in DataFiles)
        {
            var resolved = FileHashing.Resolve(recorded.Path, baseDirectory);
            if (!File.Exists(resolved))
            {
                mismatches.Add(new DataFileMismatch(recorded, resolved, DataFileMismatchKind.Missing, actualSha256: null));
                continue;
            }

            var actual = FileHashing.Sha256(resolved);
            if (!string.Equals(actual, recorded.Sha256, StringComparison.Ordinal))
            {
                mismatches.Add(new DataFileMismatch(recorded, resolved, DataFileMismatchKind.Changed, actual));
            }
        }

        return mismatches;
    }
}
