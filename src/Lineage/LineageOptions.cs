namespace ModelGates.Lineage;

/// <summary>What the caller adds to a model's lineage record. Every member is optional.</summary>
public sealed class LineageOptions
{
    /// <summary>
    /// The seed the model was trained with. When null, <see cref="ModelLineage.Save"/> reads it from the
    /// MLContext (null there means the context was created without a seed, and the record says so).
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>Training data files to hash (SHA-256), as paths absolute or relative to <see cref="BaseDirectory"/>.</summary>
    public IList<string> DataFiles { get; } = new List<string>();

    /// <summary>Metrics to record, for example <c>["auc"] = 0.91</c>.</summary>
    public IDictionary<string, double> Metrics { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Trainer options to record. ML.NET does not keep a trainer's options in the fitted model, so only what
    /// the caller passes here is recorded (the model's own parameters are recovered separately).
    /// </summary>
    public IDictionary<string, string> Hyperparameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Free-form properties to record, for example a dataset version.</summary>
    public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// When training began (take <c>DateTimeOffset.UtcNow</c> before <c>Fit</c>); the record's training time counts from it.
    /// When null it counts from the process's start, so it includes loading the data.
    /// </summary>
    public DateTimeOffset? TrainingStarted { get; set; }

    /// <summary>The directory relative data file paths are resolved against; the current directory when null.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The directory to ask git about; <see cref="BaseDirectory"/> (or the current directory) when null.</summary>
    public string? RepositoryDirectory { get; set; }
}
