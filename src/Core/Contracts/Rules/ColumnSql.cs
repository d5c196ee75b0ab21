using ModelGates.Sql;

namespace ModelGates.Contracts.Rules;

/// <summary>The SQL of one declared column: its raw value and its value parsed as the declared (or sniffed) type.</summary>
/// <param name="Contract">The column's contract.</param>
/// <param name="Dialect">How the engine spells SQL.</param>
/// <param name="Raw">SQL for the raw value (text when the data is delimited text, the stored value in a table).</param>
/// <param name="Typed">SQL for the parsed value, NULL when it does not parse.</param>
/// <param name="Text">SQL for the value as text.</param>
/// <param name="Number">SQL for the value as a number where it is one (what <c>min</c> and <c>max</c> compare), NULL elsewhere.</param>
internal sealed record ColumnSql(ColumnContract Contract, ISqlDialect Dialect, string Raw, string Typed, string Text, string Number);
