namespace ModelGates.Diagnostics;

/// <summary>Process exit codes of the <c>modelgates</c> CLI; documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Every check passed (warnings allowed).</summary>
    public const int Passed = 0;

    /// <summary>At least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line or a configuration file is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>A dataset, profile or model could not be read.</summary>
    public const int DataError = 3;
}
