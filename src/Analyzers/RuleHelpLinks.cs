using ModelGates.Shared;

namespace ModelGates.Analyzers;

/// <summary>Builds the help link of a rule: its page under docs/rules/ in the repository (the base lives in src/Shared/SharedConstants.cs).</summary>
internal static class RuleHelpLinks
{
    /// <summary>The help link of the rule <paramref name="ruleId"/> (for example <c>MG1001</c>).</summary>
    public static string For(string ruleId) => SharedConstants.HelpLinks.ForRule(ruleId);
}
