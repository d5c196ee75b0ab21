namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG0160-MG0169: memory limits and streamed reads.

    /// <summary>MG0160: a memory limit (<c>--memory-limit</c>, <c>"memoryLimit"</c>) is not a size of at least 16 MB.</summary>
    public static readonly DiagnosticDescriptor InvalidMemoryLimit = new("MG0160", "Invalid memory limit", Severity.Error);
}
