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

    /// <summary>Creates the exception from several diagnostics (every missing dataset of a config, say).</summary>
    internal DataReadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics, ExitCodes.DataError)
    {
    }

    /// <summary>The first diagnostic to report.</summary>
    internal Diagnostic Diagnostic => Diagnostics[0];
}
