using System.ComponentModel;
using System.Diagnostics;

namespace ModelGates.Lineage;

/// <summary>Asks git for HEAD and the dirty flag. Never throws: no git, no repository or a hung git give null.</summary>
internal static class GitProbe
{
    private const int TimeoutMilliseconds = 10_000;

    public static GitState? Read(string directory)
    {
        var commit = Run(directory, "rev-parse HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return null;
        }

        // Untracked files are left out: build outputs and the model being saved would make every tree dirty.
        var status = Run(directory, "status --porcelain --untracked-files=no");
        return status is null ? null : new GitState(commit!, dirty: status.Trim().Length > 0);
    }

    private static string? Run(string directory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", "-C \"" + directory + "\" " + arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeoutMilliseconds))
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Exited between the timeout and the kill.
                }

                return null;
            }

            error.Wait(TimeoutMilliseconds);
            return process.ExitCode == 0 && output.Wait(TimeoutMilliseconds) ? output.Result : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed.
        }
        catch (IOException)
        {
            return null;
        }
    }
}
