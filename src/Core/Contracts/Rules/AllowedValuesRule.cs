using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>allowedValues</c> with <c>maxUnknownShare</c>: values outside the domain stay within budget (MG2007).</summary>
internal sealed class AllowedValuesRule : ColumnRule
{
    public override string Key => "allowedValues";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnknownCategory;

    public override bool AppliesTo(ColumnContract column) => column.AllowedValues is not null;

    public override string Condition(ColumnSql column) =>
        column.Contract.AllowedValues!.Count == 0
            ? $"{column.Raw} IS NOT NULL"
            : $"{column.Raw} IS NOT NULL AND {column.Text} NOT IN ({string.Join(", ", column.Contract.AllowedValues!.Select(column.Dialect.Literal))})";

    public override IReadOnlyList<string> Aggregates(ColumnSql column) =>
        [.. base.Aggregates(column), $"count({column.Raw})"];

    public override string Describe(ColumnContract column) => $"allowedValues ({column.AllowedValues!.Count}), unknown share ≤ {RuleFinding.Format(column.MaxUnknownShare)}";

    public override Scalar? Measure(RuleFinding finding) => (double)finding.Count(0) / Math.Max(1, finding.Count(1));

    public override Diagnostic? Judge(RuleFinding f)
    {
        var unknown = f.Count(0);
        var share = (double)unknown / Math.Max(1, f.Count(1));
        var budget = f.Column.Contract.MaxUnknownShare;
        if (unknown == 0 || share <= budget)
        {
            return null;
        }

        // Only the five most frequent unknown values leave the engine, in a query run only when the rule fails.
        var top = f.Target.TopValues(Condition(f.Column), f.Column.Text, 5).Select(v => $"'{f.Target.Privacy.Show(f.Name, v.Value)}' ({v.Count})");
        return f.Report(
            $"{unknown} value(s) of column '{f.Name}' ({RuleFinding.Percent(share)}) are not among its {f.Column.Contract.AllowedValues!.Count} allowed values, over the budget of {RuleFinding.Percent(budget)}: {string.Join(", ", top)}.",
            share,
            budget);
    }
}
