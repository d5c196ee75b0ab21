using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>Compiles every <c>pattern</c> with DuckDB's regex engine (RE2) before any data is checked.</summary>
internal static class PatternCheck
{
    /// <exception cref="ConfigurationException">A pattern does not compile (MG0015 at its line).</exception>
    public static void Prepare(ValidationContext context)
    {
        var problems = new List<Diagnostic>();
        foreach (var column in context.Contract.Columns.Where(c => c.Pattern is not null))
        {
            try
            {
                context.Engine.Scalar($"SELECT regexp_full_match('', {SqlText.Literal(column.Pattern!)})");
            }
            catch (DuckDBException e)
            {
                var position = column.PositionOf("pattern");
                problems.Add(DiagnosticCatalog.InvalidValue.Create(
                    $"The pattern of column '{column.Name}' is not a valid regular expression (RE2 syntax): {e.Message.Split('\n')[0]}")
                    with { File = context.ContractFile, Line = position.Line, SourceColumn = position.Column, Column = column.Name, Check = "pattern" });
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }
}
