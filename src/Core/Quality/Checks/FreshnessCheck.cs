using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>freshness</c> (MG2108): the newest value of the timestamp column must be at most <c>maxAge</c> old at the run's
/// time. The flagged row is the newest one; the measure is the age in days.
/// </summary>
internal sealed class FreshnessCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "freshness";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.StaleData;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Options.Timestamp is not null && context.Options.MaxAge is not null && context.Data.Rows > 0;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var (row, newest) = Newest(context.Data, context.Options.Timestamp!);
        var age = context.Options.Now - new DateTimeOffset(newest, TimeSpan.Zero);
        if (age > context.Options.MaxAge!.Value)
        {
            var flagged = QualityContext.Row(row, age.TotalDays, ("newest", newest.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), ("ageDays", age.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)));
            yield return new CheckFinding(context.Finding(this, settings, context.Options.Timestamp, context.Data.Rows, [flagged]))
            {
                Measured = age.TotalDays,
                Bound = context.Options.MaxAge.Value.TotalDays,
            };
        }
    }

    /// <summary>The row holding the newest readable time of <paramref name="column"/> (MG0187 when none reads as a time).</summary>
    internal static (long Row, DateTime Newest) Newest(QualityTable table, string column)
    {
        var time = $"TRY_CAST({QualityTable.Text(column)} AS TIMESTAMP)";
        var rows = table.Engine.Query($"SELECT rowid, {time} FROM {table.Table} WHERE {time} IS NOT NULL ORDER BY 2 DESC, 1 LIMIT 1", r => (SqlValue.ToInt64(r.GetValue(0)), (DateTime)r.GetValue(1)));
        if (rows.Count == 0)
        {
            throw new DataReadException(DiagnosticCatalog.QualityReferenceMismatch.Create(
                $"The timestamp column '{column}' of '{table.Display}' holds no value that reads as a date or time (yyyy-MM-dd[ HH:mm:ss]).") with { File = table.Dataset.Source.Path, Column = column });
        }

        return rows[0];
    }
}
