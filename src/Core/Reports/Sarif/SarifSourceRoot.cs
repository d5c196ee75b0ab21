namespace ModelGates.Reports.Sarif;

/// <summary>
/// The folder SARIF locations are relative to (<c>%SRCROOT%</c>): the repository root, the nearest folder
/// above the config that holds <c>.git</c> (a folder, or a file in a worktree), because code scanning
/// matches a result's path against the files of the repository; the config's folder when there is none.
/// </summary>
internal sealed class SarifSourceRoot
{
    /// <summary>The uriBaseId every relative location carries.</summary>
    public const string UriBaseId = "%SRCROOT%";

    private readonly string root;

    private SarifSourceRoot(string root, bool isRepository)
    {
        this.root = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        IsRepository = isRepository;
    }

    /// <summary>True when the root is a repository's, false when it is the config's folder.</summary>
    public bool IsRepository { get; }

    /// <summary>The root for a run of <paramref name="configFile"/>.</summary>
    public static SarifSourceRoot For(string configFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        for (var at = folder; at is not null; at = Path.GetDirectoryName(at))
        {
            var git = Path.Combine(at, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return new SarifSourceRoot(at, isRepository: true);
            }
        }

        return new SarifSourceRoot(folder, isRepository: false);
    }

    /// <summary>
    /// The artifact location of <paramref name="file"/>: a URI relative to the root with <see cref="UriBaseId"/>,
    /// or, for a file outside the root, its absolute <c>file:</c> URI and no base (a base id is only allowed on a
    /// relative reference).
    /// </summary>
    public (string Uri, string? UriBaseId) Locate(string file)
    {
        var full = Path.GetFullPath(file);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!full.StartsWith(root, comparison))
        {
            return (new Uri(full).AbsoluteUri, null);
        }

        var segments = full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return (string.Join('/', segments.Select(Uri.EscapeDataString)), UriBaseId);
    }
}
