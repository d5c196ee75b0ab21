using ModelGates.Cli.Arguments;

namespace ModelGates.Cli.Commands;

/// <summary>One <c>modelgates</c> command.</summary>
internal interface ICliCommand
{
    /// <summary>The words that invoke it (<c>profile</c>, <c>profile merge</c>).</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line, quoted by usage errors.</summary>
    string Usage { get; }

    /// <summary>
    /// Command lines, one per line, that work on the sample data of the repository (samples/) when run from its
    /// root. Help shows them; a test runs them.
    /// </summary>
    string Example { get; }

    /// <summary>The positional arguments it takes, in order.</summary>
    IReadOnlyList<ArgumentSpec> Arguments => [];

    /// <summary>The options it accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command and returns the process exit code.</summary>
    int Run(ParsedArguments args, CliContext context);
}
