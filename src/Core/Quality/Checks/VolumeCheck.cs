using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>volume</c> (MG2109): the data's rows per period (day, week or month of the timestamp column, over the periods
/// that have rows) against the reference's. The measure is their ratio; below the threshold (default 0.5), or above
/// its inverse, the volume is off.
/// </summary>
internal sealed class VolumeCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "volume";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.LowVolume;

    /// <inheritdoc />
    public double? DefaultThreshold => 0.5;

    /// <inheritdoc />
    public bool Applies(QualityContext context) =>
        context.Options.Timestamp is { } t && context.Reference is { } r && r.Columns.Contains(t, StringComparer.Ordinal) && context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var column = context.Options.Timestamp!;
        var current = PerPeriod(context.Data, column, context.Options.Period);
        var reference = PerPeriod(context.Reference!, column, context.Options.Period);
        var ratio = reference == 0 ? double.PositiveInfinity : current / reference;
        var min = settings.Threshold ?? DefaultThreshold!.Value;
        if (ratio < min || ratio > 1 / min)
        {
            yield return new CheckFinding(context.Finding(this, settings, column, context.Data.Rows, [])) { Measured = ratio, Bound = min };
        }
    }

    /// <summary>Rows per period over the periods with a readable time.</summary>
    internal static double PerPeriod(QualityTable table, string column, string period)
    {
        var time = $"TRY_CAST({QualityTable.Text(column)} AS TIMESTAMP)";
        var row = table.Engine.Row($"SELECT count({time}), count(DISTINCT date_trunc({SqlText.Literal(period)}, {time})) FROM {table.Table}");
        var periods = SqlValue.ToInt64(row[1]);
        return periods == 0 ? 0 : (double)SqlValue.ToInt64(row[0]) / periods;
    }
}
