using ModelGates.Diagnostics;
using ModelGates.Quality.Outliers;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>outliers</c> (MG2151): rows far from their neighbours on mixed numbers and categories, by LoOP on Gower
/// distance over a seeded sample above its row limit (docs/quality.md#outliers). Opt-in: some rows of any real data
/// are unusual, so it is asked for, not imposed.
/// </summary>
internal sealed class OutliersCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "outliers";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.OutliersFound;

    /// <inheritdoc />
    public bool OptIn => true;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Features.Count > 0 && context.Data.Rows > 10;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var result = OutlierDetector.Detect(QualityFeatures.Of(context.Data, withLabel: false), new OutlierOptions
        {
            Seed = unchecked((int)context.Options.Seed),
            MaxFlagged = context.Options.MaxRows,
        });
        yield return context.Judge(result.Finding, settings);
    }
}
