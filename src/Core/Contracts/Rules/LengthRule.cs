using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>minLength</c> and <c>maxLength</c>: string lengths stay within bounds (MG2009). One instance per bound.</summary>
internal sealed class LengthRule(bool isMinimum) : ColumnRule
{
    public override string Key => isMinimum ? "minLength" : "maxLength";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LengthOutOfBounds;

    public override bool AppliesTo(ColumnContract column) => (isMinimum ? column.MinLength : column.MaxLength) is not null;

    private static long Bound(ColumnContract column, bool minimum) => minimum ? column.MinLength!.Value : column.MaxLength!.Value;

    public override string Condition(ColumnSql column) =>
        string.Create(CultureInfo.InvariantCulture, $"{column.Dialect.Length(column.Text)} {(isMinimum ? "<" : ">")} {Bound(column.Contract, isMinimum)}");

    public override IReadOnlyList<string> Aggregates(ColumnSql column) =>
        [.. base.Aggregates(column), $"{(isMinimum ? "min" : "max")}({column.Dialect.Length(column.Text)})"];

    public override string Describe(ColumnContract column) => $"{(isMinimum ? "minLength ≥" : "maxLength ≤")} {Bound(column, isMinimum)}";

    public override Scalar? Measure(RuleFinding finding) => finding.Values[1] is null ? null : finding.Count(1);

    public override Diagnostic? Judge(RuleFinding f)
    {
        var count = f.Count(0);
        if (count == 0)
        {
            return null;
        }

        var bound = Bound(f.Column.Contract, isMinimum);
        var observed = f.Count(1);
        var side = isMinimum ? "shorter than" : "longer than";
        return f.Report(
            $"{count} value(s) of column '{f.Name}' are {side} {bound} characters ({(isMinimum ? "shortest" : "longest")}: {observed}).",
            observed,
            bound);
    }
}
