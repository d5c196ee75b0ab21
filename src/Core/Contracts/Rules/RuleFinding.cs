using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts.Rules;

/// <summary>What one scan measured for one rule of one column, and the means to report it.</summary>
internal sealed class RuleFinding
{
    private readonly IValidationTarget context;

    public RuleFinding(IValidationTarget context, ColumnSql column, ColumnRule rule, object?[] values)
    {
        this.context = context;
        Column = column;
        Rule = rule;
        Values = values;
    }

    public ColumnSql Column { get; }

    public ColumnRule Rule { get; }

    /// <summary>The results of <see cref="ColumnRule.Aggregates"/>, in order.</summary>
    public object?[] Values { get; }

    public long Rows => context.Rows;

    /// <summary>What the rule ran against, for rules that query more than the scan (the top unknown values).</summary>
    public IValidationTarget Target => context;

    public string Name => Column.Contract.Name;

    public long Count(int index) => Data.SqlValue.ToInt64(Values[index]);

    public double Number(int index) => Data.SqlValue.ToDouble(Values[index]);

    /// <summary>A diagnostic of the rule at the rule's line in the contract, with example rows.</summary>
    public Diagnostic Report(string message, Scalar measured, Scalar bound)
    {
        var position = Column.Contract.PositionOf(Rule.Key);
        return Rule.Descriptor.Create(message) with
        {
            Severity = Column.Contract.Severity,
            File = context.ContractFile,
            Line = position.Line,
            SourceColumn = position.Column,
            Column = Name,
            Check = Rule.Key,
            Measured = measured,
            Bound = bound,
            Examples = context.Examples(Rule.Condition(Column), Rule.ExampleValue(Column)),
        };
    }

    /// <summary>A share as a percentage with up to two decimals, invariant culture.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number as written in messages.</summary>
    public static string Format(double value) => Scalar.Format(value);
}
