using System.Reflection;

namespace ModelGates.Xunit;

/// <summary>
/// Turns the path the compiler gave <c>[CallerFilePath]</c> into a real file. Deterministic CI builds
/// (<c>ContinuousIntegrationBuild=true</c>, set by most CI templates) map source roots to <c>/_/</c>, so the
/// path of the test file does not exist on disk; snapshots must still land next to the test.
/// </summary>
internal static class SourceFileLocator
{
    public static string Resolve(string callerFilePath, Assembly? testAssembly = null)
    {
        if (callerFilePath.Length == 0 || File.Exists(callerFilePath) || !IsMapped(callerFilePath, out var relative))
        {
            return callerFilePath;
        }

        foreach (var start in StartFolders(testAssembly))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return callerFilePath;
    }

    /// <summary>Mapped roots look like <c>/_/</c>, <c>/_1/</c> (one per source root).</summary>
    internal static bool IsMapped(string path, out string relative)
    {
        relative = "";
        var normalized = path.Replace('\\', '/');
        if (!normalized.StartsWith("/_", StringComparison.Ordinal))
        {
            return false;
        }

        var slash = normalized.IndexOf('/', 2);
        if (slash < 0 || !normalized.AsSpan(2, slash - 2).ToString().All(char.IsDigit))
        {
            return false;
        }

        relative = normalized[(slash + 1)..].Replace('/', Path.DirectorySeparatorChar);
        return relative.Length > 0;
    }

    private static IEnumerable<string> StartFolders(Assembly? testAssembly)
    {
        if (testAssembly?.Location is { Length: > 0 } location)
        {
            yield return Path.GetDirectoryName(location)!;
        }

        yield return AppContext.BaseDirectory;
        yield return Directory.GetCurrentDirectory();
    }
}
