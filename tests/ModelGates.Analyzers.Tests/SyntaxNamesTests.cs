using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGates.Analyzers.Infrastructure;

namespace ModelGates.Analyzers.Tests;

/// <summary>
/// What the rules read off a creation before binding it: a target-typed <c>new()</c> whose declaration spells
/// its type is decided like <c>new T()</c>, so the many <c>object _gate = new()</c> of a project are never bound.
/// </summary>
public sealed class SyntaxNamesTests
{
    [Theory]
    [InlineData("class C { object _gate = new(); }", "object")]
    [InlineData("class C { Microsoft.ML.MLContext? _ml = new(); }", "Microsoft.ML.MLContext")]
    [InlineData("class C { System.Random Jitter { get; } = new(); }", "System.Random")]
    [InlineData("class C { void M() { Dictionary<int, string> map = new(), other = new(); } }", "Dictionary<int, string>")]
    [InlineData("class C { void M(Options o = new()) { } }", "Options")]
    [InlineData("class C { void M() { var c = new MLContext(1); } }", "MLContext")]
    public void CreatedType_IsTheSpelledOrDeclaredType(string source, string expected)
    {
        var creation = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().First();

        Assert.Equal(expected, SyntaxNames.CreatedType(creation)?.ToString());
    }

    [Theory]
    [InlineData("class C { object _x; void M() { _x = new(); } }")]
    [InlineData("class C { void M() { Use(new()); } void Use(Options o) { } }")]
    [InlineData("class C { Options M() { return new(); } }")]
    public void CreatedType_IsUnknown_WhereOnlyBindingCanTell(string source)
    {
        var creation = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().First();

        Assert.Null(SyntaxNames.CreatedType(creation));
        Assert.True(SyntaxNames.MayCreate(creation, "MLContext"));
    }

    [Theory]
    [InlineData("class C { object _gate = new(); }", false)]
    [InlineData("class C { Random _r = new(); }", false)]
    [InlineData("class C { MLContext _ml = new(); }", true)]
    [InlineData("class C { MLContext? _ml = new(); }", true)]
    [InlineData("class C { Microsoft.ML.MLContext _ml = new(); }", true)]
    [InlineData("class C { void M() { var x = new Microsoft.ML.MLContext(); } }", true)]
    public void MayCreate_ReadsTheDeclaredTypeOfATargetTypedNew(string source, bool expected)
    {
        var creation = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().First();

        Assert.Equal(expected, SyntaxNames.MayCreate(creation, "MLContext"));
    }
}
