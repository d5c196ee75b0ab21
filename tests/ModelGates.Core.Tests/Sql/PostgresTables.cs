using System.Collections.Concurrent;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Sql;

/// <summary>Loads a CSV into a table of the fixture server, each column typed as DuckDB reads it from the file (BIGINT as bigint, DOUBLE as double precision...).</summary>
internal static class PostgresTables
{
    private static readonly ConcurrentDictionary<PostgresServer, string> Databases = new();

    /// <summary>The test database of a server, created once.</summary>
    public static string Database(PostgresServer server) => Databases.GetOrAdd(server, s =>
    {
        s.CreateDatabase("pushdown");
        return "pushdown";
    });

    /// <summary>Creates <paramref name="table"/> with the columns and types of <paramref name="profile"/> and copies the CSV's rows into it.</summary>
    public static void Load(PostgresServer server, string table, string csvPath, DatasetProfile profile)
    {
        var columns = profile.Columns.Select(c => $"\"{c.Name}\" {TypeOf(c.SqlType)}");
        server.Psql(
            $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({string.Join(", ", columns)});\n"
            + $"\\copy {table} FROM '{csvPath.Replace("'", "''", StringComparison.Ordinal)}' WITH (FORMAT csv, HEADER true)\n"
            + $"ANALYZE {table};\n",
            Database(server));
    }

    private static string TypeOf(string duckDbType) => duckDbType switch
    {
        "BIGINT" => "bigint",
        "INTEGER" => "integer",
        "DOUBLE" => "double precision",
        "BOOLEAN" => "boolean",
        "TIMESTAMP" => "timestamp",
        "DATE" => "date",
        _ => "text",
    };
}
