namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    /// <summary>MG2001: rows could not be parsed (wrong field count, bad quoting, bad value for a declared type).</summary>
    public static readonly DiagnosticDescriptor UnparsedRows = new("MG2001", "Rows could not be parsed", Severity.Error);

    /// <summary>MG2002: a required column is missing.</summary>
    public static readonly DiagnosticDescriptor MissingColumn = new("MG2002", "Missing column", Severity.Error);

    /// <summary>MG2003: the data has a column the contract does not declare.</summary>
    public static readonly DiagnosticDescriptor UnexpectedColumn = new("MG2003", "Unexpected column", Severity.Error);

    /// <summary>MG2004: values do not parse as the column's declared type.</summary>
    public static readonly DiagnosticDescriptor TypeViolation = new("MG2004", "Values of the wrong type", Severity.Error);

    /// <summary>MG2005: the share of missing values is over the column's budget.</summary>
    public static readonly DiagnosticDescriptor MissingShareOverBudget = new("MG2005", "Too many missing values", Severity.Error);

    /// <summary>MG2006: values are outside the column's range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new("MG2006", "Values out of range", Severity.Error);

    /// <summary>MG2007: values are not in the column's allowed categories.</summary>
    public static readonly DiagnosticDescriptor UnknownCategory = new("MG2007", "Unknown categories", Severity.Error);

    /// <summary>MG2008: values do not match the column's pattern.</summary>
    public static readonly DiagnosticDescriptor PatternMismatch = new("MG2008", "Values do not match the pattern", Severity.Error);

    /// <summary>MG2009: string lengths are outside the column's bounds.</summary>
    public static readonly DiagnosticDescriptor LengthOutOfBounds = new("MG2009", "String length out of bounds", Severity.Error);

    /// <summary>MG2010: a column or key declared unique has duplicates.</summary>
    public static readonly DiagnosticDescriptor DuplicateKeys = new("MG2010", "Duplicate keys", Severity.Error);

    /// <summary>MG2011: the number of rows is outside the declared bounds.</summary>
    public static readonly DiagnosticDescriptor RowCountOutOfBounds = new("MG2011", "Row count out of bounds", Severity.Error);

    /// <summary>MG2012: a custom SQL check is false.</summary>
    public static readonly DiagnosticDescriptor SqlCheckFailed = new("MG2012", "Custom check failed", Severity.Error);

    /// <summary>MG2013: rows could not be parsed but stay within the declared tolerance.</summary>
    public static readonly DiagnosticDescriptor UnparsedRowsTolerated = new("MG2013", "Unparsed rows within tolerance", Severity.Warning);
}
