using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;

namespace ModelGates.Tests.Contracts.Pushdown;

/// <summary>A small <see cref="SqlSession"/> over an in-memory DuckDB, for the pushdown tests until the product's own DuckDB session exists.</summary>
internal sealed class DuckDbTestSession : SqlSession
{
    private readonly DuckDBConnection connection = new("Data Source=:memory:");

    public DuckDbTestSession() => connection.Open();

    public override string Provider => "duckdb";

    public override ISqlDialect Dialect => DuckDbDialect.Instance;

    /// <summary>Every query sent, in order.</summary>
    public List<string> Sent { get; } = [];

    public void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue)
    {
        Sent.Add(sql);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (rows.Count < maxRows && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (DuckDBException e)
        {
            throw new DataReadException(DiagnosticCatalog.DataUnreadable.Create(e.Message.Split('\n')[0]));
        }
    }

    public override IReadOnlyList<SqlColumn> Columns(string relation) =>
        Query($"DESCRIBE SELECT * FROM {relation} AS __mg_d").Select(r => new SqlColumn((string)r[0]!, (string)r[1]!)).ToList();

    protected override void Dispose(bool disposing) => connection.Dispose();
}
