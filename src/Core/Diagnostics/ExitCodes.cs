using ModelGates.Shared;

namespace ModelGates.Diagnostics;

/// <summary>Process exit codes of the <c>modelgates</c> CLI; documented in docs/cli.md. The values live in src/Shared/SharedConstants.cs, which the MSBuild task compiles too.</summary>
public static class ExitCodes
{
    /// <summary>Every check passed (warnings allowed).</summary>
    public const int Passed = SharedConstants.ExitCodes.Passed;

    /// <summary>At least one check failed.</summary>
    public const int CheckFailed = SharedConstants.ExitCodes.CheckFailed;

    /// <summary>The command line or a configuration file is wrong.</summary>
    public const int UsageError = SharedConstants.ExitCodes.UsageError;

    /// <summary>A dataset, profile or model could not be read.</summary>
    public const int DataError = SharedConstants.ExitCodes.DataError;
}
