namespace ModelGates.Cli.Arguments;

/// <summary>One option a command accepts.</summary>
/// <param name="Name">The long name without dashes (<c>contract</c> for <c>--contract</c>).</param>
/// <param name="TakesValue">False for flags.</param>
/// <param name="Help">One line of help, with the value's shape.</param>
/// <param name="Alias">A short alias without the dash (<c>o</c> for <c>-o</c>), or null.</param>
/// <param name="Repeatable">True when the option may be given more than once.</param>
internal sealed record OptionSpec(string Name, bool TakesValue, string Help, string? Alias = null, bool Repeatable = false);
