using ModelGates.Diagnostics;
using ModelGates.Quality.Privacy;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>pii</c> (MG2141, MG2143): personal data in a column (e-mail, phone, card, IBAN, IP, national identifiers) found on
/// an evenly spread sample of its values, and column names that hint at a special category (docs/privacy.md).
/// Values are masked in the finding.
/// </summary>
internal sealed class PiiColumnsCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => PiiFindings.Check;

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.PiiUndeclared;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Data.Rows > 0 && context.Data.Features.Count > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var data = context.Data;
        var step = PiiScanner.SampleStep(data.Rows);
        var results = new List<PiiColumnResult>();
        foreach (var column in data.Features)
        {
            var sample = new List<(long RowIndex, string? Value)>();
            data.Engine.Query(
                $"SELECT row_index, v FROM (SELECT row_number() OVER () - 1 AS row_index, {QualityTable.Text(column)} AS v FROM {data.Table}) WHERE row_index % {step} = 0",
                r => sample.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1))));
            results.Add(PiiScanner.ScanRows(column, sample));
        }

        foreach (var finding in PiiFindings.ToFindings(results, context.Options.MaxRows))
        {
            // A special-category name concerns the whole column; a detected column, the values found.
            var count = finding.Code == DiagnosticCatalog.SpecialCategoryName.Code ? data.Rows : finding.Count;
            yield return context.Judge(finding with { Count = count }, settings);
        }
    }
}
