using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>The dataset under validation and the means to pick example rows from it.</summary>
internal sealed class ValidationContext(DataEngine engine, LoadedDataset dataset, DataContract contract)
{
    /// <summary>Most example rows attached to one diagnostic.</summary>
    public const int ExampleLimit = 5;

    public DataEngine Engine { get; } = engine;

    public LoadedDataset Dataset { get; } = dataset;

    public DataContract Contract { get; } = contract;

    /// <summary>The contract file named in diagnostics.</summary>
    public string ContractFile { get; } = contract.File ?? "contract";

    /// <summary>The first rows (in file order) for which <paramref name="condition"/> holds, with <paramref name="valueSql"/> as their value.</summary>
    public IReadOnlyList<ExampleRow> Examples(string condition, string valueSql) =>
        Engine.Query(
            $"SELECT rowid, CAST({valueSql} AS VARCHAR) FROM {Dataset.Table} WHERE {condition} ORDER BY rowid LIMIT {ExampleLimit}",
            r => Dataset.Locator.Example(SqlValue.ToInt64(r.GetValue(0)), r.IsDBNull(1) ? null : r.GetString(1)));

    /// <summary>A diagnostic pointing at a top-level key of the contract.</summary>
    public Diagnostic AtKey(DiagnosticDescriptor descriptor, string key, string message)
    {
        var position = Contract.PositionOf(key);
        return descriptor.Create(message) with { File = ContractFile, Line = position.Line, SourceColumn = position.Column };
    }
}
