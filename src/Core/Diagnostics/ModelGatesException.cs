namespace ModelGates.Diagnostics;

/// <summary>
/// A failure that has already been explained: it carries the diagnostics to report and the exit code
/// the CLI returns. Anything else escaping the engine is a bug.
/// </summary>
public class ModelGatesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelGatesException(IReadOnlyList<Diagnostic> diagnostics, int exitCode)
        : base(diagnostics.Count > 0 ? diagnostics[0].Message : "ModelGates failed.")
    {
        Diagnostics = diagnostics;
        ExitCode = exitCode;
    }

    /// <summary>The diagnostics to report.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The process exit code this failure maps to.</summary>
    public int ExitCode { get; }
}

/// <summary>A configuration, contract, profile or command-line problem (exit code 2).</summary>
public sealed class ConfigurationException : ModelGatesException
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    public ConfigurationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics, ExitCodes.UsageError)
    {
    }

    /// <summary>Creates the exception from one diagnostic.</summary>
    public ConfigurationException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }
}
