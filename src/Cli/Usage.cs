namespace ModelGates.Cli;

/// <summary>The top-level help text.</summary>
internal static class Usage
{
    public const string Text = """
        modelgates: data contracts, drift checks and model gates for .NET builds.

        Usage: modelgates <command> [options]

        Commands:
          profile <data> [-o profile.json]            Summarise a dataset into a mergeable profile.
          profile merge <a.json> <b.json>... -o out   Merge profiles of partitions into one.
          infer <data> [-o contract.json]             Infer a data contract from a dataset.
          validate <data> --contract <contract.json>  Check a dataset against a contract.

        Common options:
          --format text|json|msbuild                  Output format of checking commands (default text).
          -h, --help                                  Help for a command.
          --version                                   Print the tool version.

        Exit codes: 0 passed, 1 a check failed, 2 usage or configuration error, 3 data could not be read.
        Documentation: docs/cli.md

        """;
}
