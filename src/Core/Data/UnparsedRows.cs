namespace ModelGates.Data;

/// <summary>The rows of a dataset that could not be parsed, counted and with the first few as examples.</summary>
/// <param name="Count">How many records failed.</param>
/// <param name="Examples">The first few, in file order.</param>
public sealed record UnparsedRows(long Count, IReadOnlyList<UnparsedRow> Examples);

/// <summary>One record that could not be parsed.</summary>
/// <param name="File">The data file.</param>
/// <param name="Line">1-based line in the file where the record starts.</param>
/// <param name="Reason">What was wrong (wrong number of fields, a value that is not of the declared type, ...).</param>
/// <param name="Text">The raw line, shortened when long.</param>
public sealed record UnparsedRow(string File, long Line, string Reason, string Text)
{
    /// <summary>1-based record number in the file (the line less the header and skipped lines).</summary>
    public long Record { get; init; }
}
