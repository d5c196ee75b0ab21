using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>pattern</c>: every value matches the regular expression in full (MG2008).</summary>
internal sealed class PatternRule : ColumnRule
{
    public override string Key => "pattern";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PatternMismatch;

    public override bool AppliesTo(ColumnContract column) => column.Pattern is not null;

    public override string Condition(ColumnSql column) =>
        $"{column.Raw} IS NOT NULL AND NOT {column.Dialect.FullMatch(column.Text, column.Contract.Pattern!) ?? throw new InvalidOperationException($"The {column.Dialect.Name} dialect has no regular expressions; the validator must not plan a pattern rule.")}";

    public override string Describe(ColumnContract column) => $"pattern /{column.Pattern}/";

    public override Scalar? Measure(RuleFinding finding) => finding.Count(0);

    public override Diagnostic? Judge(RuleFinding f)
    {
        var count = f.Count(0);
        return count == 0
            ? null
            : f.Report($"{count} value(s) of column '{f.Name}' do not match the pattern /{f.Column.Contract.Pattern}/.", count, 0);
    }
}
