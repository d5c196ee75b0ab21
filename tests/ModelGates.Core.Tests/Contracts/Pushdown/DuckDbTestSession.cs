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

    public override ISqlDialect Dialect => WithoutRegex ? new NoRegexDialect() : DuckDbDialect.Instance;

    /// <summary>Pretend the engine has no regular expressions (as some warehouses' SQL has none).</summary>
    public bool WithoutRegex { get; init; }

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

/// <summary>DuckDB's dialect but for regular expressions, which it says it lacks.</summary>
internal sealed class NoRegexDialect : ISqlDialect
{
    private static readonly DuckDbDialect Inner = DuckDbDialect.Instance;

    public string Name => "noregex";

    public string Identifier(string name) => Inner.Identifier(name);

    public string TableName(string dotted) => Inner.TableName(dotted);

    public string Literal(string value) => Inner.Literal(value);

    public string Literal(double value) => Inner.Literal(value);

    public string CastDouble(string expression) => Inner.CastDouble(expression);

    public string CastText(string expression) => Inner.CastText(expression);

    public string TryCastDouble(string expression) => Inner.TryCastDouble(expression);

    public string IsFinite(string expression) => Inner.IsFinite(expression);

    public string PercentilesDisc(string expression, IReadOnlyList<double> fractions) => Inner.PercentilesDisc(expression, fractions);

    public string BinIndex(string expression, IReadOnlyList<double> edges) => Inner.BinIndex(expression, edges);

    public string? FullMatch(string expression, string pattern) => null;

    public string Length(string expression) => Inner.Length(expression);

    public string CountWhere(string condition) => Inner.CountWhere(condition);

    public string TryCastBoolean(string expression) => Inner.TryCastBoolean(expression);

    public string TryCastDate(string expression) => Inner.TryCastDate(expression);

    public string TryCastTimestamp(string expression) => Inner.TryCastTimestamp(expression);

    public string? TryParseTimestamp(string expression, string format) => Inner.TryParseTimestamp(expression, format);

    public string HashId => Inner.HashId;

    public string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count) => Inner.OrderStatistics(expression, ranks, count);

    public string EpochSeconds(string expression) => Inner.EpochSeconds(expression);

    public string Hash64(string textExpression) => Inner.Hash64(textExpression);

    public string ShiftAndMask(string expression, int shift, long mask) => Inner.ShiftAndMask(expression, shift, mask);

    public string OrdinalText(string expression) => Inner.OrdinalText(expression);

    public string Integers(int count, string alias, string column) => Inner.Integers(count, alias, column);

    public string Limit(string select, long rows) => Inner.Limit(select, rows);

    public string Sample(string relation, double percent, int seed) => Inner.Sample(relation, percent, seed);
}
