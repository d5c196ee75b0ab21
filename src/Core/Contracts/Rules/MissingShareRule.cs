using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>maxMissingShare</c>: the share of rows where the column is missing stays within budget (MG2005).</summary>
internal sealed class MissingShareRule : ColumnRule
{
    public override string Key => "maxMissingShare";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.MissingShareOverBudget;

    public override bool AppliesTo(ColumnContract column) => column.MaxMissingShare is not null;

    public override string Condition(ColumnSql column) => $"{column.Raw} IS NULL";

    public override string Describe(ColumnContract column) => $"maxMissingShare ≤ {RuleFinding.Format(column.MaxMissingShare!.Value)}";

    public override Scalar? Measure(RuleFinding finding) => finding.Rows == 0 ? 0 : (double)finding.Count(0) / finding.Rows;

    public override Diagnostic? Judge(RuleFinding f)
    {
        var missing = f.Count(0);
        var share = f.Rows == 0 ? 0 : (double)missing / f.Rows;
        var budget = f.Column.Contract.MaxMissingShare!.Value;
        if (share <= budget)
        {
            return null;
        }

        return f.Report(
            $"Column '{f.Name}' is missing in {RuleFinding.Percent(share)} of rows ({missing} of {f.Rows}), over its budget of {RuleFinding.Percent(budget)}.",
            share,
            budget);
    }
}
