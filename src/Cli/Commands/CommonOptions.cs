using ModelGates.Cli.Arguments;

namespace ModelGates.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Format = new("format", true, "text|json|msbuild: how results and errors are printed (default text)");

    public static readonly OptionSpec MemoryLimit = new("memory-limit", true, "<size>: memory for the data, such as 512MB or 2GB (default 256MB); beyond it profiles and drift against a profile stream the data, and DuckDB spills to disk");

    public static readonly OptionSpec Output = new("output", true, "<path>: write the result to this file (atomically) instead of stdout", Alias: "o");

    /// <summary>The run's memory limit: <c>--memory-limit</c> when given (MG0160 when it is not a size), the default otherwise.</summary>
    public static Memory.MemoryLimit MemoryLimitFrom(ParsedArguments args) =>
        args.Value("memory-limit") is { } text ? Memory.MemoryLimit.Parse(text) : Memory.MemoryLimit.Default;
}
