using System.Data.Common;
using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Reports;

/// <summary>
/// The promotion times of a model in a monitor's history (the promote flow's <c>champions</c> table), for the trend's
/// markers. Read-only, after the monitor closed the file; no file, no table or no row means no promotion.
/// </summary>
internal static class PromotionTimes
{
    /// <summary>The UTC times <paramref name="model"/> was promoted, oldest first.</summary>
    /// <exception cref="DataReadException">The history cannot be read (MG6006, as the monitor reports it).</exception>
    public static IReadOnlyList<DateTime> Read(string history, string model)
    {
        if (!File.Exists(history))
        {
            return [];
        }

        try
        {
            using var connection = new DuckDBConnection($"Data Source={history};ACCESS_MODE=READ_ONLY");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "select count(*) from duckdb_tables() where table_name = 'champions' and schema_name = 'main'";
            if (command.ExecuteScalar() is not (long and > 0))
            {
                return [];
            }

            command.CommandText = "select promoted_at from champions where model = $1 order by promoted_at";
            command.Parameters.Add(new DuckDBParameter(model));
            using var reader = command.ExecuteReader();
            var times = new List<DateTime>();
            while (reader.Read())
            {
                times.Add(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
            }

            return times;
        }
        catch (DbException e)
        {
            throw new DataReadException(DiagnosticCatalog.HistoryUnreadable.Create($"The monitoring history '{history}' cannot be used: {e.Message.Split('\n')[0]}") with { File = history });
        }
    }
}
