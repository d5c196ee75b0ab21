using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Contracts.Pushdown;

/// <summary>
/// A relation on a SQL engine under validation: every query the contract sends goes through here (and is counted),
/// and example rows come back at most <see cref="ValidationContext.ExampleLimit"/> at a time, in a deterministic
/// order: by the row-number column when there is one, otherwise by the value shown (code point order, missing last).
/// </summary>
internal sealed class SqlValidationContext(SqlSession session, DataContract contract, string displayName, IReadOnlyList<string> columnNames, bool numbered) : IValidationTarget
{
    public SqlSession Session { get; } = session;

    public DataContract Contract { get; } = contract;

    public string ContractFile { get; } = contract.File ?? "contract";

    public string DisplayName { get; } = displayName;

    /// <summary>The row count, known after the aggregate scan.</summary>
    public long Rows { get; set; }

    // Only the contract's declarations: the database is not sampled for personal data (docs/privacy.md#limits).
    public Quality.Privacy.ColumnPrivacy Privacy { get; } = Quality.Privacy.ColumnPrivacy.FromContract(contract);

    public IReadOnlyList<string> ColumnNames { get; } = columnNames;

    public ISqlDialect Dialect => Session.Dialect;

    /// <summary>The typed subquery (set once the columns are known).</summary>
    public string Relation { get; set; } = string.Empty;

    /// <summary>How many queries were sent.</summary>
    public int Queries { get; private set; }

    public IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue)
    {
        Queries++;
        return Session.Query(sql, maxRows);
    }

    /// <summary>The columns of a relation or query, without reading its rows.</summary>
    public IReadOnlyList<SqlColumn> Columns(string relation)
    {
        Queries++;
        return Session.Columns(relation);
    }

    /// <summary>The stored-value column of each declared column in <see cref="Relation"/> (set with it).</summary>
    public IReadOnlyDictionary<string, string> StoredColumns { get; set; } = new Dictionary<string, string>();

    public string Stored(string column) => StoredColumns.TryGetValue(column, out var raw) ? raw : Dialect.Identifier(column);

    public object? Scalar(string sql) => Query(sql, 1) is [var row] ? row[0] : null;

    public IReadOnlyList<ExampleRow> Examples(string condition, string valueSql)
    {
        var d = Dialect;
        var value = d.CastText(valueSql);
        var rowColumn = d.Identifier(SqlTypedColumns.RowColumn);
        var select = numbered
            ? $"SELECT {rowColumn}, {value} FROM {Relation} WHERE {condition} ORDER BY {rowColumn}"
            : $"SELECT 0, {value} FROM {Relation} WHERE {condition} ORDER BY {d.OrdinalText(value)} NULLS LAST";
        return Query(d.Limit(select, ValidationContext.ExampleLimit), ValidationContext.ExampleLimit)
            .Select(r => new ExampleRow(SqlValue.ToInt64(r[0]), r[1] is null or DBNull ? null : Convert.ToString(r[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    public IReadOnlyList<(string Value, long Count)> TopValues(string condition, string valueSql, int limit) =>
        Query(this.TopValuesSql(condition, valueSql, limit), limit)
            .Select(r => (r[0] is null or DBNull ? string.Empty : Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!, SqlValue.ToInt64(r[1])))
            .ToList();
}
