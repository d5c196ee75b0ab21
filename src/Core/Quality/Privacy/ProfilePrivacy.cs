using System.Globalization;
using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// Keeps personal data out of profiles (docs/privacy.md#profiles). A column is personal when its name hints at a
/// special category, or when the values the profile would store (a text column's top values, a number column's
/// minimum, maximum and quantile points) are flagged by <see cref="PiiScanner"/>. Such a column keeps its counts only
/// (values, missing, distinct, string lengths) and is stored as <c>text</c>, which drift does not compare.
/// </summary>
internal static class ProfilePrivacy
{
    /// <summary>The profile with every personal column reduced to counts; the same instance when there is none.</summary>
    public static DatasetProfile Apply(DatasetProfile profile)
    {
        var changed = false;
        var columns = new List<ColumnProfile>(profile.Columns.Count);
        foreach (var column in profile.Columns)
        {
            if (IsPersonal(column))
            {
                columns.Add(CountsOnly(column));
                changed = true;
            }
            else
            {
                columns.Add(column);
            }
        }

        return changed ? profile with { Columns = columns } : profile;
    }

    /// <summary>Whether the column's stored values or its name are personal data.</summary>
    public static bool IsPersonal(ColumnProfile column) => Scan(column).IsPersonal;

    /// <summary>The scan of the values the profile stores for the column, and of its name.</summary>
    public static PiiColumnResult Scan(ColumnProfile column)
    {
        var result = PiiScanner.Scan(column.Name, StoredValues(column));
        if (column.Numeric is null || column.Kind != ColumnKind.Numeric)
        {
            return result;
        }

        // A number column's points span its range, so one of a hundred 9-digit amounts passes the 11-test by chance.
        // Identifiers stored as numbers pass at their extremes (real values) and on most quantile points (which may
        // be interpolated), so both extremes, or half the points, must pass a checksum.
        var extremes = new[] { column.Numeric.Min, column.Numeric.Max }.Select(v => PiiValueDetector.Detect(v == Math.Floor(v) ? Number(v) : null)).ToList();
        var bothExtremes = extremes.All(k => k is { } kind && kind.HasChecksum());
        return result with { Flagged = bothExtremes || (result.Sampled > 0 && result.ChecksumValidHits * 2 >= result.Sampled) };
    }

    private static ColumnProfile CountsOnly(ColumnProfile column) => column with
    {
        Kind = ColumnKind.Text,
        Numeric = null,
        Categories = null,
        TimeRange = null,
    };

    // The values a profile would write: what a reader of the JSON could see.
    private static List<string?> StoredValues(ColumnProfile column)
    {
        var values = new List<string?>();
        if (column.Categories is { } categories)
        {
            values.AddRange(categories.Values.Select(c => c.Value));
        }

        // Identifiers are whole numbers; datetimes (seconds) and fractions are not scanned.
        if (column.Numeric is { } numeric && column.Kind == ColumnKind.Numeric)
        {
            values.AddRange(new[] { numeric.Min, numeric.Max }.Concat(numeric.Quantiles.Values).Where(v => v == Math.Floor(v) && Math.Abs(v) < 1e19).Distinct().Select(Number));
        }

        if (column.TimeRange is { } range)
        {
            values.Add(range.Min);
            values.Add(range.Max);
        }

        return values;
    }

    // Identifiers stored as numbers are integral; written without exponent so their check digits can be read.
    // Through long: the "0" format of a double keeps only 15 significant digits, a card number has 16.
    private static string Number(double value) =>
        Math.Abs(value) < 9.2e18 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
