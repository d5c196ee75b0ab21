namespace ModelGates.Data;

/// <summary>What DuckDB's sniffer found in a delimited-text file, read with the options a full read uses.</summary>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="Quote">The quote character; empty when none.</param>
/// <param name="NewLine">The line ending: <c>\n</c>, <c>\r\n</c> or <c>\r</c>.</param>
/// <param name="Comment">The comment prefix; empty when none.</param>
/// <param name="SkipRows">Lines skipped before the header.</param>
/// <param name="HasHeader">Whether the first line names the columns.</param>
/// <param name="Columns">The columns in file order, with the types the sniffer gave them.</param>
internal sealed record CsvDialect(string Delimiter, string Quote, string NewLine, string Comment, long SkipRows, bool HasHeader, IReadOnlyList<DatasetColumn> Columns);
