namespace ModelGates.Contracts.Rules;

/// <summary>The column rules of a contract, in check order: one list for a file's validation and a database's.</summary>
internal static class ColumnRules
{
    /// <summary>Every rule, for columns of <paramref name="relation"/> (the table or query uniqueness is counted in).</summary>
    public static ColumnRule[] For(string relation) =>
    [
        new TypeRule(),
        new MissingShareRule(),
        new RangeRule(isMinimum: true),
        new RangeRule(isMinimum: false),
        new AllowedValuesRule(),
        new PatternRule(),
        new LengthRule(isMinimum: true),
        new LengthRule(isMinimum: false),
        new UniqueRule(relation),
    ];
}
