namespace ModelGates.Drift.Engine.Results;

/// <summary>One side of a comparison as reported.</summary>
/// <param name="Path">The path or glob as given.</param>
/// <param name="Hash">The SHA-256 of the file bytes (<c>sha256:</c> and hex), so a result names exactly what it compared.</param>
/// <param name="Rows">Rows read (a profile: rows summarised).</param>
/// <param name="IsProfile">True when the side is a reference profile.</param>
public sealed record DriftSide(string Path, string Hash, long Rows, bool IsProfile);
