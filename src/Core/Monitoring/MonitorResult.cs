using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Trigger;

namespace ModelGates.Monitoring;

/// <summary>What one monitor found in one run: its windows in the data now, the retraining decision over the history, and its diagnostics.</summary>
internal sealed record MonitorResult
{
    /// <summary>The monitor as declared.</summary>
    public required MonitorDeclaration Monitor { get; init; }

    /// <summary>The windows of the data read this run, in time order (computed now or read back from the history).</summary>
    public required IReadOnlyList<WindowRecord> Windows { get; init; }

    /// <summary>The retraining decision over the whole history.</summary>
    public required RetrainDecision Retrain { get; init; }

    /// <summary>Windows computed this run.</summary>
    public int Computed { get; init; }

    /// <summary>Windows whose record was reused from the history (same data hash).</summary>
    public int Reused { get; init; }

    /// <summary>Input files read through the engine this run (an incremental rerun reads only new and changed ones and their window's neighbours).</summary>
    internal int FilesRead { get; init; }

    /// <summary>The UTC times the monitor's model was promoted, oldest first, as the history holds them (the trend's markers).</summary>
    public IReadOnlyList<DateTime> Promotions { get; init; } = [];

    /// <summary>MG6001 when retraining is due, MG6002/MG6003 per window, MG6005 and unparsed rows, located at the monitor.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
