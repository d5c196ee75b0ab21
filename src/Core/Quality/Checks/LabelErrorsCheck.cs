using ModelGates.Diagnostics;
using ModelGates.Quality.LabelErrors;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>labelErrors</c> (MG2150): rows whose label confident learning doubts, from seeded K-fold out-of-fold
/// probabilities (docs/quality.md#label-errors). Opt-in: it trains K models, and a flag asks for review.
/// </summary>
internal sealed class LabelErrorsCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "labelErrors";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelErrorsFound;

    /// <inheritdoc />
    public bool OptIn => true;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Label is not null && context.Data.Features.Count > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var data = context.Data;
        var result = LabelErrorDetector.Detect(QualityFeatures.Of(data, withLabel: true), new LabelErrorOptions
        {
            Label = data.Label!,
            Features = data.Features,
            Seed = unchecked((int)context.Options.Seed),
            MaxRows = context.Options.MaxRows,
        });
        yield return context.Judge(result.Finding, settings);
    }
}
