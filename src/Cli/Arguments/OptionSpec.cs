namespace ModelGates.Cli.Arguments;

/// <summary>One option a command accepts.</summary>
/// <param name="Name">The long name without dashes (<c>contract</c> for <c>--contract</c>).</param>
/// <param name="TakesValue">False for flags.</param>
/// <param name="Help">
/// One line of help. An option that takes a value starts it with the value's shape and a colon
/// (<c>&lt;path&gt;: the config file</c>, <c>text|json: how results are printed</c>): help shows the shape
/// after the option's name, and the literal words of a shape like <c>text|json</c> are its tab completions.
/// </param>
/// <param name="Alias">A short alias without the dash (<c>o</c> for <c>-o</c>), or null.</param>
/// <param name="Repeatable">True when the option may be given more than once.</param>
internal sealed record OptionSpec(string Name, bool TakesValue, string Help, string? Alias = null, bool Repeatable = false)
{
    /// <summary>The value's shape as written at the start of <see cref="Help"/>, or null.</summary>
    public string? Shape => SplitHelp().Shape;

    /// <summary>The help without the value's shape.</summary>
    public string Description => SplitHelp().Description;

    /// <summary>The literal values a shape like <c>csv|parquet|jsonl</c> lists (placeholders like <c>&lt;id&gt;</c> left out).</summary>
    public IReadOnlyList<string> Choices =>
        Shape is { } shape && shape.Contains('|', StringComparison.Ordinal)
            ? [.. shape.Split('|').Where(IsLiteral)]
            : [];

    private (string? Shape, string Description) SplitHelp()
    {
        var colon = Help.IndexOf(": ", StringComparison.Ordinal);
        if (!TakesValue || colon <= 0)
        {
            return (null, Help);
        }

        var shape = Help[..colon];
        return shape.StartsWith('<') || shape.Contains('|', StringComparison.Ordinal)
            ? (shape, Help[(colon + 2)..])
            : (null, Help);
    }

    private static bool IsLiteral(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
