using System.Text.RegularExpressions;

namespace ModelGates.Testing;

/// <summary>The fenced code blocks of a Markdown page, for tests that run or compile what the docs show.</summary>
internal static partial class MarkdownBlocks
{
    /// <summary>The bodies of the blocks fenced as <paramref name="language"/> (<c>bash</c>, <c>csharp</c>, <c>text</c>), in page order.</summary>
    public static List<string> Of(string markdown, string language) =>
        Fenced().Matches(markdown.ReplaceLineEndings("\n"))
            .Where(m => m.Groups["lang"].Value == language)
            .Select(m => m.Groups["body"].Value)
            .ToList();

    [GeneratedRegex("```(?<lang>[a-z]*)\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
