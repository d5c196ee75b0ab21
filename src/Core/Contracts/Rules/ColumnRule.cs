using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary>
/// One rule a contract can put on a column. Rules say which rows violate them (a SQL condition) and
/// which aggregates they need; the validator batches every rule's aggregates into one scan.
/// </summary>
internal abstract class ColumnRule
{
    /// <summary>The contract key of the rule (its diagnostics point at this key's line).</summary>
    public abstract string Key { get; }

    /// <summary>The diagnostic code of a violation.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract bool AppliesTo(ColumnContract column);

    /// <summary>SQL true for a row that violates the rule.</summary>
    public abstract string Condition(ColumnSql column);

    /// <summary>The aggregates the rule judges on; by default the number of violating rows.</summary>
    public virtual IReadOnlyList<string> Aggregates(ColumnSql column) => [column.Dialect.CountWhere(Condition(column))];

    /// <summary>SQL for the value shown in example rows.</summary>
    public virtual string ExampleValue(ColumnSql column) => column.Text;

    /// <summary>A short statement of the rule for reports and test names (<c>maxMissingShare ≤ 0.18</c>).</summary>
    public abstract string Describe(ColumnContract column);

    /// <summary>The value the rule measured, reported whether or not it failed.</summary>
    public abstract Scalar? Measure(RuleFinding finding);

    /// <summary>The diagnostic when the rule fails, or null.</summary>
    public abstract Diagnostic? Judge(RuleFinding finding);
}
