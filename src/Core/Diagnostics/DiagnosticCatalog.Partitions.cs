namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG015x: partitioned data (Hive-style key=value folders).

    /// <summary>MG0150: a partition filter names a key that the dataset's folders do not have.</summary>
    public static readonly DiagnosticDescriptor UnknownPartitionKey = new("MG0150", "Unknown partition key", Severity.Error);

    /// <summary>MG0151: a partition filter is malformed, or a value is not of its partition column's type.</summary>
    public static readonly DiagnosticDescriptor InvalidPartitionFilter = new("MG0151", "Invalid partition filter", Severity.Error);

    /// <summary>MG0152: the files of one dataset have different partition keys in their folders.</summary>
    public static readonly DiagnosticDescriptor InconsistentPartitions = new("MG0152", "Inconsistent partition folders", Severity.Error);

    /// <summary>MG0153: a partition filter leaves no partition to read.</summary>
    public static readonly DiagnosticDescriptor NoPartitionSelected = new("MG0153", "No partition selected", Severity.Error);

    /// <summary>MG0154: the folder of stored partition profiles cannot be written.</summary>
    public static readonly DiagnosticDescriptor PartitionCacheNotWritable = new("MG0154", "Partition cache cannot be written", Severity.Error);
}
