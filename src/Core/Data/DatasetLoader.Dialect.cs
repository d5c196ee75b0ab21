using DuckDB.NET.Data;

namespace ModelGates.Data;

public static partial class DatasetLoader
{
    /// <summary>
    /// DuckDB's sniff of one delimited-text file with the options a full read of <paramref name="source"/> uses,
    /// so that a reader other than DuckDB sees the same dialect and column types. Null when the sniff fails.
    /// </summary>
    internal static CsvDialect? SniffDialect(DataEngine engine, DatasetSource source, string path)
    {
        var options = SniffOptions(engine, source with { AllText = false }, new Dictionary<string, string>(StringComparer.Ordinal));
        var from = $"sniff_csv({SqlText.Literal(path)}{options})";
        try
        {
            var dialect = engine.Query(
                $"SELECT Delimiter, Quote, NewLineDelimiter, Comment, SkipRows, HasHeader FROM {from}",
                r => new CsvDialect(
                    r.GetString(0),
                    Sniffed(r.GetString(1)),
                    Unescape(r.GetString(2)),
                    Sniffed(r.GetString(3)),
                    SqlValue.ToInt64(r.GetValue(4)),
                    r.GetBoolean(5),
                    []));
            var columns = engine.Query(
                $"SELECT c.name, c.type FROM (SELECT unnest(Columns) AS c FROM {from})",
                r => new DatasetColumn(r.GetString(0), r.GetString(1)));
            return dialect.Count == 1 ? dialect[0] with { Columns = columns } : null;
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    /// <summary>The sniffer writes an absent quote or comment character as "(empty)".</summary>
    private static string Sniffed(string value) => value == "(empty)" ? string.Empty : value;

    private static string Unescape(string newLine) => newLine.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
}
