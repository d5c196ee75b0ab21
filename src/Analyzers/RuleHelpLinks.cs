using ModelGates.Shared;

namespace ModelGates.Analyzers;

/// <summary>Builds the help link of a rule: its page under docs/rules/ in the repository (the base lives in src/Shared/SharedConstants.cs).</summary>
public static class RuleHelpLinks
{
    /// <summary>The base address every rule page lives under.</summary>
    public const string BaseAddress = SharedConstants.HelpLinks.RulesBase + "/";

    /// <summary>The help link of the rule <paramref name="ruleId"/> (for example <c>MG1001</c>).</summary>
    public static string For(string ruleId) => SharedConstants.HelpLinks.ForRule(ruleId);
}
