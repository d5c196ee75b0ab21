namespace ModelGates.Data;

/// <summary>
/// Overrides for reading delimited text. Every option left null is sniffed by DuckDB from the file;
/// set one when the sniffer guesses wrong.
/// </summary>
public sealed record CsvOptions
{
    /// <summary>The field delimiter (one character or an escape such as <c>\t</c>).</summary>
    public string? Delimiter { get; init; }

    /// <summary>Whether the first line is a header.</summary>
    public bool? Header { get; init; }

    /// <summary>The quote character.</summary>
    public string? Quote { get; init; }

    /// <summary>The escape character inside quoted fields.</summary>
    public string? Escape { get; init; }

    /// <summary>Strings read as missing values (default: the empty field).</summary>
    public IReadOnlyList<string>? NullStrings { get; init; }

    /// <summary>Declared column types by column name (DuckDB type names: BIGINT, DOUBLE, VARCHAR, DATE, ...).</summary>
    public IReadOnlyDictionary<string, string>? ColumnTypes { get; init; }

    /// <summary>The text encoding: <c>utf-8</c> (default), <c>utf-16</c> or <c>latin-1</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>Lines to skip before the header.</summary>
    public int? Skip { get; init; }
}
