using System.ComponentModel;
using System.Diagnostics;

namespace ModelGates.Monitoring.Promotion;

/// <summary>HEAD of the repository a config lives in, for the champion record. Never throws: no git, no repository or a hung git give null.</summary>
internal static class GitHead
{
    public static string? Read(string directory)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in new[] { "-C", directory, "rev-parse", "HEAD" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            var commit = output.GetAwaiter().GetResult().Trim();
            return process.ExitCode == 0 && commit.Length == 40 ? commit : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
