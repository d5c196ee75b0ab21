using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>type</c>: every non-missing value parses as the declared type (MG2004).</summary>
internal sealed class TypeRule : ColumnRule
{
    public override string Key => "type";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.TypeViolation;

    public override bool AppliesTo(ColumnContract column) => column.Type is { } type && type != ValueType.String;

    public override string Condition(ColumnSql column) => $"{column.Raw} IS NOT NULL AND {column.Typed} IS NULL";

    public override IReadOnlyList<string> Aggregates(ColumnSql column) => [.. base.Aggregates(column), $"count({column.Raw})"];

    public override string Describe(ColumnContract column) => $"type {column.Type!.Value.ToText()}";

    public override Scalar? Measure(RuleFinding finding) => finding.Count(0);

    public override Diagnostic? Judge(RuleFinding f)
    {
        var bad = f.Count(0);
        if (bad == 0)
        {
            return null;
        }

        var type = f.Column.Contract.Type!.Value.ToText();
        var format = f.Column.Contract.Format is { } fmt ? $" in format '{fmt}'" : string.Empty;
        return f.Report(
            $"{bad} value(s) of column '{f.Name}' are not {type}{format} ({RuleFinding.Percent((double)bad / Math.Max(1, f.Count(1)))} of its non-missing values).",
            bad,
            0);
    }
}
