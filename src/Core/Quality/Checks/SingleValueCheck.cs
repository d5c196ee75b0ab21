using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary><c>singleValue</c> (MG2103): a feature with one distinct value (missing values aside) tells the model nothing.</summary>
internal sealed class SingleValueCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "singleValue";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.SingleValueColumn;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Features.Count > 0 && context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var data = context.Data;
        var counts = data.Engine.Row($"SELECT {string.Join(", ", data.Features.Select(c => $"count(DISTINCT {SqlText.Identifier(c)}), count({SqlText.Identifier(c)})"))} FROM {data.Table}");
        for (var i = 0; i < data.Features.Count; i++)
        {
            if (SqlValue.ToInt64(counts[2 * i]) == 1)
            {
                // A column finding: the count is the rows holding the one value, no row is more suspicious than another.
                yield return context.Finding(this, settings, data.Features[i], SqlValue.ToInt64(counts[(2 * i) + 1]), []);
            }
        }
    }
}
