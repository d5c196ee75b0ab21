using ModelGates.Contracts.Rules;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Pushdown;

/// <summary>
/// Compiles every <c>pattern</c> with the engine's own regular expressions before any data is checked: RE2 on DuckDB,
/// POSIX advanced regular expressions (ARE) on PostgreSQL (docs/contracts.md lists what differs). An engine without
/// regular expressions compiles nothing, and each pattern rule becomes an MG2014 warning instead of a silent pass.
/// </summary>
internal sealed class SqlPatterns
{
    private SqlPatterns(bool supported) => Supported = supported;

    /// <summary>Whether the engine has regular expressions.</summary>
    public bool Supported { get; }

    /// <exception cref="ConfigurationException">A pattern does not compile on the engine (MG0015 at its line).</exception>
    public static SqlPatterns Prepare(SqlValidationContext context, IReadOnlyList<ColumnSql> declared)
    {
        var d = context.Dialect;
        if (d.FullMatch(d.Literal(string.Empty), ".") is null)
        {
            return new SqlPatterns(supported: false);
        }

        var problems = new List<Diagnostic>();
        foreach (var column in context.Contract.Columns.Where(c => c.Pattern is not null))
        {
            try
            {
                context.Scalar($"SELECT {d.FullMatch(d.Literal(string.Empty), column.Pattern!)}");
            }
            catch (DataReadException e)
            {
                var reason = e.Diagnostics.FirstOrDefault()?.Message ?? e.Message;
                var position = column.PositionOf("pattern");
                problems.Add(DiagnosticCatalog.InvalidValue.Create(
                    $"The pattern of column '{column.Name}' is not a valid regular expression on {d.Name}: {SqlCheckRunner.FirstLine(reason)}")
                    with { File = context.ContractFile, Line = position.Line, SourceColumn = position.Column, Column = column.Name, Check = "pattern" });
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new SqlPatterns(supported: true);
    }
}
