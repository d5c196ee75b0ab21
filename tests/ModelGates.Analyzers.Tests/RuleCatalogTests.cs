using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGates.Analyzers.Infrastructure;
using ModelGates.Analyzers.Tests.Infrastructure;
using ModelGates.Testing;

namespace ModelGates.Analyzers.Tests;

/// <summary>
/// Every rule has its own file, its help link, its docs page, its README row and its release-tracking entry,
/// and the package's two analyzers host every rule.
/// </summary>
public sealed class RuleCatalogTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(RuleIdentifiers).Assembly;

    public static TheoryData<string> RuleTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Rules())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void EveryRuleIdentifier_HasExactlyOneRule()
    {
        var declared = typeof(RuleIdentifiers).GetFields().Select(field => (string)field.GetRawConstantValue()!).OrderBy(id => id).ToArray();
        var reported = Rules().Select(type => Create(type).SupportedDiagnostic.Id).OrderBy(id => id).ToArray();

        Assert.Equal(declared, reported);
    }

    [Fact]
    public void TheTwoAnalyzers_HostEveryRuleOnce_WarningsApartFromSuggestions()
    {
        Assert.Equal(new[] { typeof(ModelGatesAnalyzer), typeof(ModelGatesSuggestionsAnalyzer) }, PackageAnalyzers.Types);
        Assert.All(PackageAnalyzers.Types, type => Assert.True(type.IsSealed));
        Assert.Equal(
            Rules().Select(type => type.FullName).ToArray(),
            RuleCatalog.All.Select(rule => rule.GetType().FullName).OrderBy(name => name, StringComparer.Ordinal).ToArray());

        var warnings = new ModelGatesAnalyzer().SupportedDiagnostics;
        var suggestions = new ModelGatesSuggestionsAnalyzer().SupportedDiagnostics;
        Assert.Equal(RuleCatalog.All.Select(rule => rule.SupportedDiagnostic.Id), warnings.Concat(suggestions).Select(rule => rule.Id).OrderBy(id => id, StringComparer.Ordinal));
        // A build skips an analyzer whose diagnostics it would all drop (info and hidden, without an error log):
        // an info rule hosted with the warnings would run in every build for nothing.
        Assert.All(warnings, rule => Assert.True(rule.DefaultSeverity >= DiagnosticSeverity.Warning, rule.Id));
        Assert.All(suggestions, rule => Assert.True(rule.DefaultSeverity < DiagnosticSeverity.Warning, rule.Id));
        Assert.Contains(suggestions, rule => rule.Id == RuleIdentifiers.SaveModelWithLineage);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Rule_IsSealedNamedAsASentenceAndInItsOwnFile(string typeName)
    {
        var type = AnalyzerAssembly.GetType(typeName)!;

        Assert.True(type.IsSealed);
        Assert.EndsWith("Rule", type.Name, StringComparison.Ordinal);
        Assert.Equal("ModelGates.Analyzers.Rules", type.Namespace);
        Assert.True(File.Exists(RepoPaths.Combine("src", "Analyzers", "Rules", type.Name + ".cs")), "missing src/Analyzers/Rules/" + type.Name + ".cs");
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Rule_HasItsHelpLinkAndDocsPage(string typeName)
    {
        var rule = Create(AnalyzerAssembly.GetType(typeName)!).SupportedDiagnostic;

        Assert.Equal("https://github.com/modelgates/modelgates/blob/main/docs/rules/" + rule.Id + ".md", rule.HelpLinkUri);
        var page = RepoPaths.Combine("docs", "rules", rule.Id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        Assert.StartsWith("# " + rule.Id + ": " + rule.Title, File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains("[" + rule.Id + "](" + rule.Id + ".md)", File.ReadAllText(RepoPaths.Combine("docs", "rules", "README.md")), StringComparison.Ordinal);
        Assert.Equal(RuleCategories.Reproducibility, rule.Category);
        Assert.True(rule.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Rule_IsListedInTheReleaseTrackingFiles(string typeName)
    {
        var released = ReleaseEntries();
        var rule = Create(AnalyzerAssembly.GetType(typeName)!).SupportedDiagnostic;

        Assert.True(released.TryGetValue(rule.Id, out var entry), rule.Id + " is in neither AnalyzerReleases file");
        Assert.Equal(rule.Category, entry.Category);
        Assert.Equal(rule.DefaultSeverity.ToString(), entry.Severity);
    }

    [Fact]
    public void EveryCodeFix_FixesAKnownRule()
    {
        var ids = typeof(RuleIdentifiers).GetFields().Select(field => (string)field.GetRawConstantValue()!).ToHashSet();
        var fixes = typeof(ModelGates.Analyzers.CodeFixes.SeedTheMLContextCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();

        Assert.NotEmpty(fixes);
        Assert.All(fixes, type =>
        {
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fix.GetFixAllProvider());
        });
    }

    private static IEnumerable<Type> Rules() => AnalyzerAssembly.GetTypes()
        .Where(type => typeof(MlNetRule).IsAssignableFrom(type) && !type.IsAbstract)
        .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static MlNetRule Create(Type type) => (MlNetRule)Activator.CreateInstance(type)!;

    private static Dictionary<string, (string Category, string Severity)> ReleaseEntries()
    {
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(RepoPaths.Combine("src", "Analyzers", file)))
            {
                var match = Regex.Match(line, @"^(MG\d{4})\s*\|\s*(\w+)\s*\|\s*(\w+)\s*\|");
                if (match.Success)
                {
                    entries[match.Groups[1].Value] = (match.Groups[2].Value, match.Groups[3].Value);
                }
            }
        }

        return entries;
    }
}
