namespace ModelGates.Analyzers;

/// <summary>The diagnostic ids of the ModelGates analyzers (MG1xxx: reproducible training code). Compiled into the analyzers and the code fixes.</summary>
internal static class RuleIdentifiers
{
    /// <summary>MLContext created without a seed, or with a seed that is neither constant nor recorded.</summary>
    public const string SeedTheMLContext = "MG1001";

    /// <summary>Model saved without the schema of its input data.</summary>
    public const string SaveModelWithInputSchema = "MG1002";

    /// <summary>Model saved by the method that trained it without its lineage record.</summary>
    public const string SaveModelWithLineage = "MG1003";

    /// <summary>Trainer configured so that results differ between runs even with a seeded context.</summary>
    public const string UseDeterministicTrainerSettings = "MG1004";

    /// <summary>Unseeded randomness (or the clock) feeding data preparation in training code.</summary>
    public const string DoNotUseUnseededRandomnessInTrainingCode = "MG1005";

    /// <summary>AutoML experiment whose seed cannot be traced to a constant.</summary>
    public const string SeedAutoMLExperiments = "MG1006";
}

/// <summary>The diagnostic categories of the ModelGates analyzers.</summary>
internal static class RuleCategories
{
    /// <summary>Training code whose results cannot be reproduced from the code, the data and the seed.</summary>
    public const string Reproducibility = "Reproducibility";
}
