namespace ModelGates.Testing;

/// <summary>Locates files of this repository from a test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelGates.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ModelGates.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding ModelGates.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
