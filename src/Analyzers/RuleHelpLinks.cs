namespace ModelGates.Analyzers;

/// <summary>Builds the help link of a rule: its page under docs/rules/ in the repository.</summary>
public static class RuleHelpLinks
{
    /// <summary>The base address every rule page lives under.</summary>
    public const string BaseAddress = "https://github.com/modelgates/modelgates/blob/main/docs/rules/";

    /// <summary>The help link of the rule <paramref name="ruleId"/> (for example <c>MG1001</c>).</summary>
    public static string For(string ruleId) => BaseAddress + ruleId + ".md";
}
