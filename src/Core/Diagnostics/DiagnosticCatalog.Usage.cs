namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG00xx: command line.

    /// <summary>MG0000: an unexpected internal error (a bug in ModelGates; please report it).</summary>
    public static readonly DiagnosticDescriptor InternalError = new("MG0000", "Internal error", Severity.Error);

    /// <summary>MG0001: the command line names an unknown command.</summary>
    public static readonly DiagnosticDescriptor UnknownCommand = new("MG0001", "Unknown command", Severity.Error);

    /// <summary>MG0002: the command line has an unknown option.</summary>
    public static readonly DiagnosticDescriptor UnknownOption = new("MG0002", "Unknown option", Severity.Error);

    /// <summary>MG0003: a required argument or option is missing.</summary>
    public static readonly DiagnosticDescriptor MissingArgument = new("MG0003", "Missing argument", Severity.Error);

    /// <summary>MG0004: an option has a value that is not allowed.</summary>
    public static readonly DiagnosticDescriptor InvalidOptionValue = new("MG0004", "Invalid option value", Severity.Error);

    // MG001x-MG002x: configuration and contract files.

    /// <summary>MG0010: a configuration, contract or profile file does not exist.</summary>
    public static readonly DiagnosticDescriptor FileNotFound = new("MG0010", "File not found", Severity.Error);

    /// <summary>MG0011: a JSON file is not valid JSON.</summary>
    public static readonly DiagnosticDescriptor InvalidJson = new("MG0011", "Invalid JSON", Severity.Error);

    /// <summary>MG0012: a JSON object has a key the schema does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("MG0012", "Unknown key", Severity.Error);

    /// <summary>MG0013: a JSON value has the wrong type.</summary>
    public static readonly DiagnosticDescriptor WrongType = new("MG0013", "Wrong value type", Severity.Error);

    /// <summary>MG0014: a required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new("MG0014", "Missing required key", Severity.Error);

    /// <summary>MG0015: a value has the right type but is not allowed (bad regex, negative share, min above max...).</summary>
    public static readonly DiagnosticDescriptor InvalidValue = new("MG0015", "Invalid value", Severity.Error);

    /// <summary>MG0016: a file declares a schema version this tool does not read.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSchemaVersion = new("MG0016", "Unsupported schema version", Severity.Error);

    /// <summary>MG0017: a custom SQL check is not valid SQL or does not return a boolean.</summary>
    public static readonly DiagnosticDescriptor InvalidSqlCheck = new("MG0017", "Invalid SQL check", Severity.Error);

    /// <summary>MG0018: a file given as a ModelGates result is not one.</summary>
    public static readonly DiagnosticDescriptor InvalidResultFile = new("MG0018", "Invalid result file", Severity.Error);

    /// <summary>MG0019: the engine's native DuckDB library is not where the engine looks for it.</summary>
    public static readonly DiagnosticDescriptor EngineNativeLibraryMissing = new("MG0019", "Native library not found", Severity.Error);

    /// <summary>MG0020: an output file could not be written.</summary>
    public static readonly DiagnosticDescriptor OutputNotWritable = new("MG0020", "Output cannot be written", Severity.Error);

    /// <summary>MG0021: profiles that cannot be merged (different columns kinds or sketch settings).</summary>
    public static readonly DiagnosticDescriptor ProfilesNotMergeable = new("MG0021", "Profiles cannot be merged", Severity.Error);

    /// <summary>MG0022: modelgates.json uses an old key that still works; the message names the key to use instead.</summary>
    public static readonly DiagnosticDescriptor DeprecatedKey = new("MG0022", "Deprecated key", Severity.Warning);

    // MG004x: gates and waivers in modelgates.json.

    /// <summary>MG0040: a waiver in modelgates.json has expired while the check it waives still fails.</summary>
    public static readonly DiagnosticDescriptor WaiverExpired = new("MG0040", "Waiver expired", Severity.Error);

    /// <summary>MG0041: a waiver in modelgates.json matches no failing check and can be removed.</summary>
    public static readonly DiagnosticDescriptor WaiverUnnecessary = new("MG0041", "Unnecessary waiver", Severity.Warning);

    /// <summary>MG0042: a failing check is waived (reported for the record).</summary>
    public static readonly DiagnosticDescriptor CheckWaived = new("MG0042", "Check waived", Severity.Info);

    // MG01xx: reading data (exit code 3).

    /// <summary>MG0101: the data path does not exist.</summary>
    public static readonly DiagnosticDescriptor DataNotFound = new("MG0101", "Data file not found", Severity.Error);

    /// <summary>MG0102: a glob matched no file.</summary>
    public static readonly DiagnosticDescriptor GlobMatchedNothing = new("MG0102", "Glob matched no files", Severity.Error);

    /// <summary>MG0103: a directory was given where a file was expected.</summary>
    public static readonly DiagnosticDescriptor PathIsDirectory = new("MG0103", "Path is a directory", Severity.Error);

    /// <summary>MG0104: a data file is empty (0 bytes).</summary>
    public static readonly DiagnosticDescriptor EmptyFile = new("MG0104", "Empty data file", Severity.Error);

    /// <summary>MG0105: a data file has a header but no data rows.</summary>
    public static readonly DiagnosticDescriptor NoDataRows = new("MG0105", "No data rows", Severity.Error);

    /// <summary>MG0106: a Parquet file is corrupt or not Parquet.</summary>
    public static readonly DiagnosticDescriptor CorruptParquet = new("MG0106", "Corrupt Parquet file", Severity.Error);

    /// <summary>MG0107: a text file is not valid UTF-8.</summary>
    public static readonly DiagnosticDescriptor InvalidEncoding = new("MG0107", "Invalid UTF-8", Severity.Error);

    /// <summary>MG0108: the data format cannot be determined or is not supported.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFormat = new("MG0108", "Unsupported data format", Severity.Error);

    /// <summary>MG0109: a JSON Lines file has a malformed line.</summary>
    public static readonly DiagnosticDescriptor MalformedJsonLines = new("MG0109", "Malformed JSON Lines", Severity.Error);

    /// <summary>MG0110: the data could not be read for another reason (named in the message).</summary>
    public static readonly DiagnosticDescriptor DataUnreadable = new("MG0110", "Data cannot be read", Severity.Error);

    /// <summary>MG0111: a profile file is not a valid ModelGates profile.</summary>
    public static readonly DiagnosticDescriptor InvalidProfile = new("MG0111", "Invalid profile file", Severity.Error);

    /// <summary>MG0112: files of one glob have different columns.</summary>
    public static readonly DiagnosticDescriptor InconsistentColumns = new("MG0112", "Files have different columns", Severity.Error);
}
