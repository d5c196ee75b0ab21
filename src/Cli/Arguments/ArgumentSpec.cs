namespace ModelGates.Cli.Arguments;

/// <summary>One positional argument a command takes.</summary>
/// <param name="Name">The name help shows in angle brackets (<c>data</c> for <c>&lt;data&gt;</c>).</param>
/// <param name="Help">One line of help.</param>
/// <param name="Minimum">The fewest values it needs (0 when optional).</param>
/// <param name="Maximum">The most values it takes; <see cref="Many"/> for no limit.</param>
internal sealed record ArgumentSpec(string Name, string Help, int Minimum = 1, int Maximum = 1)
{
    /// <summary>No limit on the number of values.</summary>
    public const int Many = 100_000;
}
