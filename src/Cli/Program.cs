using ModelGates.Cli;
using ModelGates.Inputs;

// The commands that read data start their first read's one-time setup (DuckDB, the hot loops' compilation) on
// another core while this one parses the command line and the config.
if (args is ["check" or "drift" or "profile", ..] && !args.Any(a => a is "--help" or "-h" or "-?"))
{
    InputPipeline.WarmUp();
}

return CliApp.Run(args, Console.Out, Console.Error);
