using ModelGates.Cli.Arguments;

namespace ModelGates.Cli.Output;

/// <summary>How a checking command prints its result.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    MsBuild,
    Markdown,

    /// <summary>SARIF 2.1.0 (<c>check</c> only), for code scanning.</summary>
    Sarif,
}

internal static class OutputFormats
{
    public static OutputFormat From(ParsedArguments args, bool allowMarkdown = false, bool allowSarif = false)
    {
        var allowed = new List<string> { "text", "json", "msbuild" };
        if (allowMarkdown)
        {
            allowed.Add("markdown");
        }

        if (allowSarif)
        {
            allowed.Add("sarif");
        }

        return Parse(args.Choice("format", "text", [.. allowed]));
    }

    /// <summary>Finds <c>--format</c> in raw arguments, for reporting errors that happen before parsing succeeds.</summary>
    public static OutputFormat Sniff(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--format=", StringComparison.Ordinal))
            {
                return Parse(args[i]["--format=".Length..]);
            }

            if (args[i] == "--format" && i + 1 < args.Count)
            {
                return Parse(args[i + 1]);
            }
        }

        return OutputFormat.Text;
    }

    private static OutputFormat Parse(string text) => text switch
    {
        "json" => OutputFormat.Json,
        "msbuild" => OutputFormat.MsBuild,
        "markdown" => OutputFormat.Markdown,
        "sarif" => OutputFormat.Sarif,
        _ => OutputFormat.Text,
    };
}
