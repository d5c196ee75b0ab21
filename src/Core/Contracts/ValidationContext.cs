using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;

namespace ModelGates.Contracts;

/// <summary>A dataset read from files into the embedded DuckDB, and the means to pick example rows from it (in file order).</summary>
internal sealed class ValidationContext(DataEngine engine, LoadedDataset dataset, DataContract contract) : IValidationTarget
{
    /// <summary>Most example rows attached to one diagnostic.</summary>
    public const int ExampleLimit = 5;

    public DataEngine Engine { get; } = engine;

    public LoadedDataset Dataset { get; } = dataset;

    public DataContract Contract { get; } = contract;

    /// <summary>The contract file named in diagnostics.</summary>
    public string ContractFile { get; } = contract.File ?? "contract";

    public string DisplayName => PathDisplay.For(Dataset.Source.Path);

    public long Rows => Dataset.Rows;

    public Quality.Privacy.ColumnPrivacy Privacy { get; } = Quality.Privacy.ColumnPrivacy.FromContract(contract);

    public IReadOnlyList<string> ColumnNames => Dataset.Columns.Select(c => c.Name).ToList();

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    public string Relation => Dataset.Table;

    public string Stored(string column) => Dialect.Identifier(column);

    public object? Scalar(string sql) => Engine.Scalar(sql);

    /// <summary>The first rows (in file order) for which <paramref name="condition"/> holds, with <paramref name="valueSql"/> as their value.</summary>
    public IReadOnlyList<ExampleRow> Examples(string condition, string valueSql) =>
        Engine.Query(
            $"SELECT rowid, CAST({valueSql} AS VARCHAR) FROM {Dataset.Table} WHERE {condition} ORDER BY rowid LIMIT {ExampleLimit}",
            r => Dataset.Locator.Example(SqlValue.ToInt64(r.GetValue(0)), r.IsDBNull(1) ? null : r.GetString(1)));

    public IReadOnlyList<(string Value, long Count)> TopValues(string condition, string valueSql, int limit) =>
        Engine.Query(this.TopValuesSql(condition, valueSql, limit), r => (r.IsDBNull(0) ? string.Empty : r.GetString(0), SqlValue.ToInt64(r.GetValue(1))));

    /// <summary>A diagnostic pointing at a top-level key of the contract.</summary>
    public Diagnostic AtKey(DiagnosticDescriptor descriptor, string key, string message) => ValidationTargets.AtKey(this, descriptor, key, message);
}
