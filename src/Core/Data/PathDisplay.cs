namespace ModelGates.Data;

/// <summary>
/// How file paths appear in messages: relative to the current folder when they are under it (a build runs in
/// the project folder, so messages read <c>data/train.csv</c>, the same on every machine), otherwise as given.
/// </summary>
internal static class PathDisplay
{
    /// <summary>The path as shown in a message.</summary>
    public static string For(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
