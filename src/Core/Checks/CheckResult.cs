using ModelGates.Diagnostics;

namespace ModelGates.Checks;

/// <summary>What became of one check.</summary>
public enum CheckStatus
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>The check failed with an error.</summary>
    Failed,

    /// <summary>The check failed, but its severity is warning or info.</summary>
    Warned,

    /// <summary>The check failed and a waiver in the config accepts the failure until its expiry.</summary>
    Waived,

    /// <summary>There was too little data to judge (reported, never a failure).</summary>
    Insufficient,

    /// <summary>The check did not run (its gate is off, or an earlier failure made it meaningless).</summary>
    Skipped,
}

/// <summary>
/// One check of a run — a contract rule on a column, a drift test on a column, a metric bound — with its
/// outcome. Every check is reported, passing or not; a failing one carries its diagnostic.
/// </summary>
/// <param name="Id">A stable identity (<c>contract:training/Income/maxMissingShare</c>); waivers and test names use it.</param>
/// <param name="Description">A short readable statement of what is checked (<c>Income maxMissingShare ≤ 0.18</c>).</param>
public sealed record CheckResult(string Id, string Description)
{
    /// <summary>The outcome.</summary>
    public CheckStatus Status { get; init; } = CheckStatus.Passed;

    /// <summary>The measured value, when the check measures one.</summary>
    public Scalar? Measured { get; init; }

    /// <summary>The bound it is compared with.</summary>
    public Scalar? Bound { get; init; }

    /// <summary>The dataset column, when the check is about one.</summary>
    public string? Column { get; init; }

    /// <summary>The diagnostic of a failing, warned or waived check.</summary>
    public Diagnostic? Diagnostic { get; init; }

    /// <summary>True when the check does not fail the run.</summary>
    public bool IsOk => Status is not CheckStatus.Failed;
}
