namespace ModelGates.Data;

/// <summary>One file of a dataset.</summary>
/// <param name="Path">The path as the user gave it or as the glob matched it.</param>
/// <param name="Length">The size in bytes.</param>
public sealed record DataFile(string Path, long Length);
