using ModelGates.Testing;

namespace ModelGates.EndToEnd.Tests;

/// <summary>
/// Copies of the repository's sources for tests that build them: the root's files and the named folders,
/// without build outputs. A build in a copy cannot race the test run's own builds of src/ (an in-place
/// pack rewrote src/*/bin while other test assemblies were running the CLI from there).
/// </summary>
internal static class SourceCopy
{
    /// <summary>Copies the root's files and <paramref name="folders"/> into <paramref name="destination"/>.</summary>
    public static void Into(string destination, params string[] folders)
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Root))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var folder in folders)
        {
            CopyFolder(RepoPaths.Combine(folder), Path.Combine(destination, folder));
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
