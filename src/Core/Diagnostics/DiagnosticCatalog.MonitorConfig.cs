namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG017x: the configuration of monitors (docs/monitoring.md).

    /// <summary>MG0170: a monitor's <c>window</c> is neither a duration (<c>1d</c>, <c>7d</c>, <c>12h</c>, <c>1mo</c>) nor a row count.</summary>
    public static readonly DiagnosticDescriptor InvalidMonitorWindow = new("MG0170", "Invalid monitoring window", Severity.Error);

    /// <summary>MG0171: a monitor's <c>timeZone</c> is not a time zone this machine knows (an IANA id such as <c>Europe/Berlin</c>).</summary>
    public static readonly DiagnosticDescriptor UnknownTimeZone = new("MG0171", "Unknown time zone", Severity.Error);

    /// <summary>MG0172: a monitor's <c>trigger</c> cannot be met or is malformed (breaches above the windows looked at, a bad cooldown).</summary>
    public static readonly DiagnosticDescriptor InvalidRetrainTrigger = new("MG0172", "Invalid retraining trigger", Severity.Error);

    /// <summary>MG0173: a monitor names a model gate or drift gate the config does not declare.</summary>
    public static readonly DiagnosticDescriptor UnknownMonitorGate = new("MG0173", "Monitor names an unknown gate", Severity.Error);

    /// <summary>MG0174: the build may retrain (<c>ModelGatesAllowRetrain</c>) and retraining is due, but <c>ModelGatesRetrainProject</c> names no project (reported by the MSBuild targets).</summary>
    public static readonly DiagnosticDescriptor RetrainProjectMissing = new("MG0174", "No training project to retrain with", Severity.Error);

    // MG0225-MG0229: a monitor's contract per window and its history store (docs/monitoring.md).

    /// <summary>MG0225: a monitor's <c>contract</c> names neither a contract gate nor a readable contract file.</summary>
    public static readonly DiagnosticDescriptor MonitorContractInvalid = new("MG0225", "Monitor contract not found or unreadable", Severity.Error);

    /// <summary>MG0226: a monitor's <c>minPassRate</c> is not a share between 0 and 1.</summary>
    public static readonly DiagnosticDescriptor InvalidMinPassRate = new("MG0226", "Invalid contract pass-rate floor", Severity.Error);

    // MG0235-MG0239: multiclass models in monitors (docs/monitoring.md#multiclass-models).

    /// <summary>MG0235: a monitor's <c>probabilities</c> is malformed, is given for a model gate that is not multiclass, or its classes are not the model's.</summary>
    public static readonly DiagnosticDescriptor MonitorProbabilitiesInvalid = new("MG0235", "Invalid monitor probability columns", Severity.Error);
}
