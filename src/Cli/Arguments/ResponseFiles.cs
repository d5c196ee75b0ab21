using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelGates.Cli.Arguments;

/// <summary>
/// The parser settings: System.CommandLine expands <c>@file</c> into the arguments the file holds (one or
/// more per line, quoted as on a command line, <c>#</c> starting a comment line). This keeps the names of
/// response files that do not exist, so that they are reported as MG0010 with the file's name.
/// </summary>
internal sealed class ResponseFiles
{
    private readonly List<string> missing = [];

    public ResponseFiles()
    {
        var expand = new ParserConfiguration().ResponseFileTokenReplacer
            ?? throw new InvalidOperationException("System.CommandLine no longer expands response files by default.");
        Configuration = new ParserConfiguration
        {
            ResponseFileTokenReplacer = (string path, out IReadOnlyList<string>? tokens, out string? error) =>
            {
                if (!File.Exists(path))
                {
                    missing.Add(path);
                }

                return expand(path, out tokens, out error);
            },
        };
    }

    /// <summary>The settings to parse with.</summary>
    public ParserConfiguration Configuration { get; }

    /// <summary>The response files named on the command line that do not exist.</summary>
    public IReadOnlyList<string> Missing => missing;
}
