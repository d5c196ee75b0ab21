namespace ModelGates.Diagnostics;

public static partial class DiagnosticCatalog
{
    // MG6030-MG6049: champion and challenger promotion (docs/promotion.md). Each refusal rule has its own code.

    /// <summary>MG6030: promotion refused: the challenger fails an absolute bound (min, max, maxGap) of the model gate.</summary>
    public static readonly DiagnosticDescriptor PromotionAbsoluteGateFailed = new("MG6030", "Challenger fails an absolute gate", Severity.Error);

    /// <summary>MG6031: promotion refused: the paired-bootstrap lower bound of challenger − champion is below −margin.</summary>
    public static readonly DiagnosticDescriptor PromotionBelowMargin = new("MG6031", "Challenger not shown within the margin of the champion", Severity.Error);

    /// <summary>MG6032: promotion refused: a slice's metric regresses against the champion beyond its allowance.</summary>
    public static readonly DiagnosticDescriptor PromotionSliceRegressed = new("MG6032", "Challenger regresses a slice", Severity.Error);

    /// <summary>MG6033: promotion refused: a data gate (contract or drift) fails on the new data.</summary>
    public static readonly DiagnosticDescriptor PromotionDataGateFailed = new("MG6033", "A data gate fails on the new data", Severity.Error);

    /// <summary>MG6034: promotion refused: the promotion metric is undefined for a model, so the comparison cannot be made.</summary>
    public static readonly DiagnosticDescriptor PromotionComparisonUndefined = new("MG6034", "Champion and challenger cannot be compared", Severity.Error);

    /// <summary>MG6035: the challenger was promoted: model, baseline, lock and champion record written.</summary>
    public static readonly DiagnosticDescriptor ChallengerPromoted = new("MG6035", "Challenger promoted", Severity.Info);

    /// <summary>MG6040: the named model gate cannot take a promotion (unknown, or it reads a predictions file instead of a model); exit code 2.</summary>
    public static readonly DiagnosticDescriptor PromotionGateInvalid = new("MG6040", "No model gate to promote into", Severity.Error);

    /// <summary>MG6041: the challenger model file is missing or is not an ML.NET model the gate can score; exit code 3.</summary>
    public static readonly DiagnosticDescriptor ChallengerUnreadable = new("MG6041", "Challenger model cannot be read", Severity.Error);

    /// <summary>MG6042: the history file cannot be opened, read or written (not a DuckDB file, a different champions table); exit code 3.</summary>
    public static readonly DiagnosticDescriptor HistoryUnusable = new("MG6042", "History file cannot be used", Severity.Error);

    // MG6060-MG6069: the rest of the monitoring loop.

    /// <summary>MG6060: a monitor watches the promoted gate, but none of its windows has <c>minRows</c> labelled rows yet; the promotion is judged on the holdout only.</summary>
    public static readonly DiagnosticDescriptor NoLabelledWindow = new("MG6060", "No labelled monitoring window", Severity.Info);
}
