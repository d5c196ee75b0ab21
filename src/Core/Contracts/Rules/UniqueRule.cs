using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary><c>unique</c>: no non-missing value occurs twice (MG2010). Exact: <c>count(DISTINCT)</c>, never an estimate.</summary>
internal sealed class UniqueRule(string table) : ColumnRule
{
    public override string Key => "unique";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateKeys;

    public override bool AppliesTo(ColumnContract column) => column.Unique;

    public override string Condition(ColumnSql column) =>
        $"{column.Raw} IN (SELECT {column.Raw} FROM {table} WHERE {column.Raw} IS NOT NULL GROUP BY 1 HAVING count(*) > 1)";

    public override IReadOnlyList<string> Aggregates(ColumnSql column) => [$"count({column.Raw}) - count(DISTINCT {column.Raw})"];

    public override string Describe(ColumnContract column) => "unique";

    public override Scalar? Measure(RuleFinding finding) => finding.Count(0);

    public override Diagnostic? Judge(RuleFinding f)
    {
        var extra = f.Count(0);
        return extra == 0
            ? null
            : f.Report($"Column '{f.Name}' must be unique but {extra} row(s) repeat a value that occurs earlier.", extra, 0);
    }
}
