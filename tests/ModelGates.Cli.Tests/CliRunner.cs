using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>Starts the real <c>modelgates</c> process (the built CLI) and captures what it prints.</summary>
internal static class CliRunner
{
    private static readonly string Configuration =
        typeof(CliRunner).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built CLI assembly, produced by the project reference of this test project.</summary>
    public static string CliPath { get; } = RepoPaths.Combine("src", "Cli", "bin", Configuration, "net10.0", "modelgates.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => RunWith(new Dictionary<string, string?>(), workingDirectory, args);

    /// <summary>Runs the CLI with extra environment variables.</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWith(environment.ToDictionary(p => p.Key, p => (string?)p.Value), workingDirectory, args);

    /// <summary>Runs with some environment variables set (a null value removes the variable).</summary>
    public static CliResult RunWith(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"modelgates {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json()
    {
        try
        {
            return JsonDocument.Parse(Stdout).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"stdout is not JSON ({e.Message}):\n{Stdout}\nstderr:\n{Stderr}", e);
        }
    }

    public IReadOnlyList<string> Codes() =>
        Json().GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
