using ModelGates.Diagnostics;

namespace ModelGates.Quality;

/// <summary>
/// One quality check. Adding a check is one class implementing this and one line in <see cref="QualityCheckRegistry"/>;
/// detectors elsewhere (privacy, label errors, outliers) plug in the same way.
/// </summary>
internal interface IQualityCheck
{
    /// <summary>The check id, as findings, config keys and <c>--checks</c> name it (camelCase).</summary>
    string Id { get; }

    /// <summary>The diagnostic of its findings.</summary>
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>The severity of a finding beyond the threshold unless the user sets one.</summary>
    Severity DefaultSeverity => Descriptor.DefaultSeverity;

    /// <summary>The share of rows a finding may reach before it counts (0: any finding counts).</summary>
    double DefaultMaxShare => 0;

    /// <summary>The check-specific bound, or null when it has none.</summary>
    double? DefaultThreshold => null;

    /// <summary>
    /// True for a check that runs only when asked (named in <c>--checks</c> / <c>only</c>, or given settings under
    /// <c>checks</c>): it trains models, or flags rows any real data has.
    /// </summary>
    bool OptIn => false;

    /// <summary>True when the check can run on this data (a label, a reference, a timestamp it needs).</summary>
    bool Applies(QualityContext context);

    /// <summary>Runs the check; each finding's severity is set by <see cref="QualityContext.Judge"/>.</summary>
    IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings);
}
