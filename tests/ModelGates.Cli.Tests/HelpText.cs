using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>Reads what the real CLI's help prints: its commands (walking subcommands) and a command's example.</summary>
internal static partial class HelpText
{
    /// <summary>Every command, as the words that invoke it (<c>profile merge</c>), from <c>--help</c> down.</summary>
    public static List<string> Commands()
    {
        var commands = new List<string>();
        var pending = new Queue<string>([string.Empty]);
        while (pending.Count > 0)
        {
            var parent = pending.Dequeue();
            var help = CliRunner.Run(RepoPaths.Root, [.. parent.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            Assert.True(help.ExitCode == 0, help.ToString());
            foreach (var name in Section(help.Stdout, "Commands").Select(line => line.Split(' ')[0]))
            {
                var command = (parent + " " + name).Trim();
                commands.Add(command);
                pending.Enqueue(command);
            }
        }

        return commands;
    }

    /// <summary>The command lines under "Example:" in a command's help.</summary>
    public static List<string> Example(string help) => Section(help, "Example");

    /// <summary>The lines of a help section, without their indentation.</summary>
    private static List<string> Section(string help, string title)
    {
        var match = SectionBody(title).Match(help.ReplaceLineEndings("\n"));
        return match.Success
            ? [.. match.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())]
            : [];
    }

    private static Regex SectionBody(string title) => new($"^{title}:\\n(?<body>(?:  .*\\n)+)", RegexOptions.Multiline);
}
