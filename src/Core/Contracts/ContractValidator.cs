using ModelGates.Checks;
using ModelGates.Contracts.Rules;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>
/// Checks a dataset against a contract. The data is read as text so that a value of the wrong type is
/// counted against its column (with examples) rather than rejecting its row; every column rule is then
/// measured in one scan, and only failing rules pay for their example rows.
/// </summary>
public static class ContractValidator
{
    /// <summary>Validates a dataset read as text (<see cref="Inputs.InputPipeline.ReadTable"/> with <see cref="DatasetSource.AllText"/>).</summary>
    /// <exception cref="ConfigurationException">A pattern or SQL check of the contract is invalid (exit code 2).</exception>
    public static ValidationResult Validate(DataEngine engine, DataContract contract, LoadedDataset dataset, long maxUnparsedRows)
    {
        var context = new ValidationContext(engine, dataset, contract);
        var checks = new List<CheckResult>
        {
            ContractChecks.Result("parse", $"unparsed rows ≤ {maxUnparsedRows}", UnparsedRowsCheck.Check(dataset, maxUnparsedRows), dataset.Unparsed.Count, maxUnparsedRows),
        };

        checks.AddRange(SchemaCheck.Run(context));
        checks.AddRange(PiiCheck.Run(context, context.Privacy));
        var columns = TypedColumns.Build(engine, dataset, contract);
        SqlCheckRunner.Prepare(context, columns);
        PatternCheck.Prepare(context);

        var rules = ColumnRules.For(dataset.Table);
        var planned = new List<(ColumnSql Column, ColumnRule Rule, int First, int Count)>();
        var aggregates = new List<string>();
        foreach (var column in columns.Declared)
        {
            foreach (var rule in rules.Where(r => r.AppliesTo(column.Contract)))
            {
                var sql = rule.Aggregates(column);
                planned.Add((column, rule, aggregates.Count, sql.Count));
                aggregates.AddRange(sql);
            }
        }

        if (aggregates.Count > 0)
        {
            var row = engine.Row($"SELECT {string.Join(", ", aggregates)} FROM {dataset.Table}");
            foreach (var (column, rule, first, count) in planned)
            {
                var finding = new RuleFinding(context, column, rule, row[first..(first + count)]);
                var name = column.Contract.Name;
                checks.Add(ContractChecks.Result($"{name}/{rule.Key}", $"{name} {rule.Describe(column.Contract)}", rule.Judge(finding), rule.Measure(finding), column: name));
            }
        }

        checks.AddRange(RowCountCheck.Run(context));
        checks.AddRange(UniqueKeyCheck.Run(context));
        checks.AddRange(SqlCheckRunner.Run(context, columns));
        return new ValidationResult(dataset, [.. checks.Select(c => c.Diagnostic is { } d ? c with { Diagnostic = context.Privacy.Apply(d) } : c)]);
    }
}
