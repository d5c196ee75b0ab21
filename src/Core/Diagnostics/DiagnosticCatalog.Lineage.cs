namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG500x: lineage and integrity of model files (docs/lineage.md).

    /// <summary>MG5001: a model declares a lineage check but its zip carries no lineage record (saved with a plain Model.Save).</summary>
    public static readonly DiagnosticDescriptor LineageMissing = new("MG5001", "Model has no lineage record", Severity.Error);

    /// <summary>MG5002: the training data a model's lineage records differs from the training data declared now (a stale model).</summary>
    public static readonly DiagnosticDescriptor TrainingDataChanged = new("MG5002", "Model trained on other data", Severity.Error);

    /// <summary>MG5003: a model's lineage records no seed, so the model cannot be reproduced.</summary>
    public static readonly DiagnosticDescriptor SeedNotRecorded = new("MG5003", "No seed recorded", Severity.Error);

    /// <summary>MG5004: a model file's SHA-256 differs from the one in the lock file (or the lock has none).</summary>
    public static readonly DiagnosticDescriptor ModelNotLocked = new("MG5004", "Model differs from the lock file", Severity.Error);

    /// <summary>MG5005: a lineage record or a lock file cannot be read (exit code 3).</summary>
    public static readonly DiagnosticDescriptor LineageFileInvalid = new("MG5005", "Invalid lineage record or lock file", Severity.Error);
}
