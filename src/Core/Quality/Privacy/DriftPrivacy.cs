using System.Globalization;
using ModelGates.Drift.Engine.Results;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// Keeps personal data out of drift results (docs/privacy.md#drift). The only values a drift report carries are the
/// category labels of its charts; a column whose labels are flagged by <see cref="PiiScanner"/>, or whose name hints at
/// a special category, has them replaced by masked keys: the masked value and its rank (<c>j***@****.com (1)</c>,
/// <c>*** (2)</c>), so the chart still tells categories apart.
/// </summary>
internal static class DriftPrivacy
{
    /// <summary>The distributions with the labels of personal columns masked.</summary>
    public static Dictionary<string, ColumnDistribution> Mask(IEnumerable<KeyValuePair<string, ColumnDistribution>> distributions)
    {
        var masked = new Dictionary<string, ColumnDistribution>(StringComparer.Ordinal);
        foreach (var (column, distribution) in distributions)
        {
            var result = PiiScanner.Scan(column, distribution.Labels.Cast<string?>().ToList());
            masked[column] = result.IsPersonal
                ? distribution with { Labels = [.. distribution.Labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{ValueMasker.Mask(l, result.MainKind)} ({i + 1})"))] }
                : distribution;
        }

        return masked;
    }
}
