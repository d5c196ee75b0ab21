namespace ModelGates.Contracts.Rules;

/// <summary>The SQL of one declared column: its raw value and its value parsed as the declared (or sniffed) type.</summary>
/// <param name="Contract">The column's contract.</param>
/// <param name="Raw">SQL for the raw value (text when the data is delimited text).</param>
/// <param name="Typed">SQL for the parsed value, NULL when it does not parse.</param>
/// <param name="Text">SQL for the value as text.</param>
internal sealed record ColumnSql(ColumnContract Contract, string Raw, string Typed, string Text);
