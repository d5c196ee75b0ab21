namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG0035-MG0039: database connections in modelgates.json and on the command line (exit code 2).

    /// <summary>MG0035: a connection string is written into a config file or option instead of being named with <c>env:</c>.</summary>
    public static readonly DiagnosticDescriptor ConnectionStringNotFromEnvironment = new("MG0035", "Connection string must come from the environment", Severity.Error);

    /// <summary>MG0036: the environment variable a connection string names is not set or empty.</summary>
    public static readonly DiagnosticDescriptor ConnectionVariableMissing = new("MG0036", "Connection variable not set", Severity.Error);

    /// <summary>MG0037: a dataset names a connection that is not declared.</summary>
    public static readonly DiagnosticDescriptor UnknownConnection = new("MG0037", "Unknown connection", Severity.Error);

    /// <summary>MG0038: a connection names a provider ModelGates does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownProvider = new("MG0038", "Unknown database provider", Severity.Error);

    /// <summary>MG0039: a database dataset is declared wrongly (both or neither of table and query, a file option on a table...).</summary>
    public static readonly DiagnosticDescriptor InvalidDatabaseDataset = new("MG0039", "Invalid database dataset", Severity.Error);

    // MG012x-MG013x: reading from a database (exit code 3).

    /// <summary>MG0120: the database server cannot be reached (unknown host, refused, network timeout).</summary>
    public static readonly DiagnosticDescriptor DatabaseUnreachable = new("MG0120", "Database server unreachable", Severity.Error);

    /// <summary>MG0121: the server refused the login (wrong password, unknown user or database).</summary>
    public static readonly DiagnosticDescriptor DatabaseLoginFailed = new("MG0121", "Database login failed", Severity.Error);

    /// <summary>MG0122: a table, view or schema a dataset names does not exist.</summary>
    public static readonly DiagnosticDescriptor DatabaseRelationNotFound = new("MG0122", "Table not found", Severity.Error);

    /// <summary>MG0123: the server rejected or failed a query (syntax, unknown column, division by zero...).</summary>
    public static readonly DiagnosticDescriptor DatabaseQueryFailed = new("MG0123", "Database query failed", Severity.Error);

    /// <summary>MG0125: the connection was closed while a query ran (the server was stopped or the session terminated).</summary>
    public static readonly DiagnosticDescriptor DatabaseConnectionLost = new("MG0125", "Database connection lost", Severity.Error);

    /// <summary>MG0126: a query ran longer than the connection's statement timeout.</summary>
    public static readonly DiagnosticDescriptor DatabaseStatementTimeout = new("MG0126", "Statement timeout", Severity.Error);

    /// <summary>MG0127: the text a connection's environment variable holds is not a connection string.</summary>
    public static readonly DiagnosticDescriptor DatabaseConnectionStringInvalid = new("MG0127", "Invalid connection string", Severity.Error);
}
