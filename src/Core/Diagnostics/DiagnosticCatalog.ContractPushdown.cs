namespace ModelGates.Diagnostics;

/// <summary>Codes of contracts checked on a SQL engine (pushdown).</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>MG2014: a contract rule could not be checked on the dataset's SQL engine (no regular expressions, no strptime parser).</summary>
    public static readonly DiagnosticDescriptor RuleNotPushedDown = new("MG2014", "Rule not checked on the engine", Severity.Warning);

    /// <summary>MG2015: the row-number column named for a database dataset is not one of its columns.</summary>
    public static readonly DiagnosticDescriptor RowNumberColumnMissing = new("MG2015", "Row-number column missing", Severity.Error);
}
