using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>min</c> and <c>max</c>: values stay within the column's range (MG2006). One instance per bound.</summary>
internal sealed class RangeRule(bool isMinimum) : ColumnRule
{
    public override string Key => isMinimum ? "min" : "max";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.OutOfRange;

    public override bool AppliesTo(ColumnContract column) => (isMinimum ? column.Min : column.Max) is not null;

    private static double Bound(ColumnContract column, bool minimum) => minimum ? column.Min!.Value : column.Max!.Value;

    /// <summary>Range bounds compare numbers: a column without a numeric type is compared where its values parse as numbers.</summary>
    private static string Numeric(ColumnSql column) => column.Number;

    public override string Condition(ColumnSql column) =>
        $"{Numeric(column)} {(isMinimum ? "<" : ">")} {column.Dialect.Literal(Bound(column.Contract, isMinimum))}";

    public override IReadOnlyList<string> Aggregates(ColumnSql column) =>
        [.. base.Aggregates(column), $"{(isMinimum ? "min" : "max")}({Numeric(column)})"];

    public override string Describe(ColumnContract column) => $"{(isMinimum ? "min ≥" : "max ≤")} {RuleFinding.Format(Bound(column, isMinimum))}";

    public override Scalar? Measure(RuleFinding finding) => double.IsNaN(finding.Number(1)) ? null : finding.Number(1);

    public override Diagnostic? Judge(RuleFinding f)
    {
        var count = f.Count(0);
        if (count == 0)
        {
            return null;
        }

        var bound = Bound(f.Column.Contract, isMinimum);
        var observed = f.Number(1);
        var side = isMinimum ? "below the minimum" : "above the maximum";
        var extreme = isMinimum ? "smallest" : "largest";
        return f.Report(
            $"{count} value(s) of column '{f.Name}' are {side} {RuleFinding.Format(bound)} ({extreme}: {RuleFinding.Format(observed)}).",
            observed,
            bound);
    }
}
