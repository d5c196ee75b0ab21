using ModelGates.Cli.Arguments;

namespace ModelGates.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Format = new("format", true, "text|json|msbuild: how results and errors are printed (default text)");

    public static readonly OptionSpec Output = new("output", true, "<path>: write the result to this file (atomically) instead of stdout", Alias: "o");
}
