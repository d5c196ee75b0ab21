namespace ModelGates.Data.Direct;

/// <summary>How the direct reader parses a column, from the type DuckDB's sniffer gave it.</summary>
internal enum DirectColumn
{
    /// <summary>BIGINT or DOUBLE: parsed to doubles.</summary>
    Number,

    /// <summary>BOOLEAN: DuckDB's true/false spellings counted.</summary>
    Boolean,

    /// <summary>VARCHAR: distinct values counted.</summary>
    Text,
}
