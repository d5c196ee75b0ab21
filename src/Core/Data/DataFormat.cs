namespace ModelGates.Data;

/// <summary>The file format of a dataset.</summary>
public enum DataFormat
{
    /// <summary>Decided from the file extension (<c>.csv</c>, <c>.tsv</c>, <c>.parquet</c>, <c>.jsonl</c>, each optionally <c>.gz</c>).</summary>
    Auto,

    /// <summary>Delimited text (CSV, TSV, any delimiter), dialect sniffed unless given.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
