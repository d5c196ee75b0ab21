namespace ModelGates.Drift.Engine.Inputs;

/// <summary>Thrown when a comparison needs what the direct reader cannot give exactly as DuckDB would; the caller uses the table path.</summary>
internal sealed class DirectReadDeclinedException : Exception
{
}
