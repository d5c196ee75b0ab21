using DuckDB.NET.Data;

namespace ModelGates.Data;

internal static partial class DatasetLoader
{
    /// <summary>
    /// DuckDB's sniff of one delimited-text file with the options a full read of <paramref name="source"/> uses
    /// (and <paramref name="declared"/> column types), so that a reader other than DuckDB sees the same dialect
    /// and column types. Null when the sniff fails or finds no column. With <paramref name="asText"/>, the sniff of a
    /// read with every column as text (<see cref="DatasetSource.AllText"/>): its header decision is that read's.
    /// </summary>
    internal static CsvDialect? SniffDialect(DataEngine engine, DatasetSource source, string path, IReadOnlyDictionary<string, string>? declared = null, bool asText = false)
    {
        var options = SniffOptions(engine, source with { AllText = asText }, new Dictionary<string, string>(declared ?? new Dictionary<string, string>(), StringComparer.Ordinal));
        // The sniff is one task: with more threads, the calling thread spins on DuckDB's task queue while a worker
        // runs it, taking a core from the work that runs beside the sniff (the direct reader's parse).
        engine.Execute("SET threads = 1");
        try
        {
            // One sniff: the dialect repeats on every column's row.
            var rows = engine.Query(
                $"SELECT Delimiter, Quote, NewLineDelimiter, Comment, SkipRows, HasHeader, c.name, c.type FROM (SELECT *, unnest(Columns) AS c FROM sniff_csv({SqlText.Literal(path)}{options}))",
                r => (Dialect: new CsvDialect(
                    r.GetString(0),
                    Sniffed(r.GetString(1)),
                    Unescape(r.GetString(2)),
                    Sniffed(r.GetString(3)),
                    SqlValue.ToInt64(r.GetValue(4)),
                    r.GetBoolean(5),
                    []), Column: new DatasetColumn(r.GetString(6), r.GetString(7))));
            return rows.Count == 0 ? null : rows[0].Dialect with { Columns = rows.Select(r => r.Column).ToList() };
        }
        catch (DuckDBException)
        {
            return null;
        }
        finally
        {
            engine.Execute("RESET threads");
        }
    }

    /// <summary>The sniffer writes an absent quote or comment character as "(empty)".</summary>
    private static string Sniffed(string value) => value == "(empty)" ? string.Empty : value;

    private static string Unescape(string newLine) => newLine.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
}
