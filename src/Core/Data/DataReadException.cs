using ModelGates.Diagnostics;

namespace ModelGates.Data;

/// <summary>Data, a profile or a model could not be read (exit code 3).</summary>
public sealed class DataReadException : ModelGatesException
{
    /// <summary>Creates the exception from its diagnostic.</summary>
    public DataReadException(Diagnostic diagnostic)
        : base([diagnostic], ExitCodes.DataError)
    {
    }

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic Diagnostic => Diagnostics[0];
}
