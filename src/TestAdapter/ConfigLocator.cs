using System.Reflection;

namespace ModelGates.Xunit;

/// <summary>Finds a config named relative to the test assembly's folder, the current folder, or the folders above them.</summary>
internal static class ConfigLocator
{
    public static string Resolve(string configPath, MethodInfo? testMethod = null)
    {
        if (Path.IsPathRooted(configPath))
        {
            return configPath;
        }

        var starts = new List<string> { Directory.GetCurrentDirectory() };
        if (testMethod?.DeclaringType?.Assembly.Location is { Length: > 0 } location)
        {
            starts.Insert(0, Path.GetDirectoryName(location)!);
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        // Not found: let the config reader report MG0010 with the path as given.
        return Path.GetFullPath(configPath);
    }
}
