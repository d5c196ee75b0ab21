using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;

namespace ModelGates.Data;

/// <summary>
/// Turns a path or glob into the list of files to read, and rejects what cannot be read before
/// DuckDB sees it: a missing path, an empty glob, a directory, an empty file, a mix of formats.
/// </summary>
internal static class DataFileResolver
{
    /// <summary>True when <paramref name="path"/> holds a glob wildcard.</summary>
    public static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>Resolves the files of <paramref name="source"/>, sorted by ordinal path for a stable order.</summary>
    /// <exception cref="DataReadException">Nothing readable is there.</exception>
    /// <exception cref="ConfigurationException">The source's partition filter does not fit its partitions (MG0150, MG0151).</exception>
    public static IReadOnlyList<DataFile> Resolve(DataEngine engine, DatasetSource source) => ResolvePartitions(engine, source).Files;

    /// <summary>
    /// Resolves the files of <paramref name="source"/> with their partitions: a folder holding <c>key=value</c> folders is
    /// read whole, and the source's partition filter drops the files of other partitions before anything looks at them.
    /// </summary>
    /// <exception cref="DataReadException">Nothing readable is there.</exception>
    /// <exception cref="ConfigurationException">The source's partition filter does not fit its partitions (MG0150, MG0151).</exception>
    internal static ResolvedFiles ResolvePartitions(DataEngine engine, DatasetSource source)
    {
        var paths = Paths(engine, source.Path);
        var layout = PartitionLayout.Of(engine, paths);
        var partitions = layout?.Partitions;
        if (source.Partitions is { } filter)
        {
            partitions = PartitionSelection.Select(engine, source, layout, filter);
            paths = partitions.SelectMany(p => p.Paths).Order(StringComparer.Ordinal).ToList();
        }

        return new ResolvedFiles(Check(paths), layout, partitions ?? []);
    }

    private static List<string> Paths(DataEngine engine, string path)
    {
        List<string> paths;
        if (IsGlob(path))
        {
            paths = engine.Query($"SELECT file FROM glob({SqlText.Literal(path)})", r => r.GetString(0));
            paths.Sort(StringComparer.Ordinal);
            if (paths.Count == 0)
            {
                throw Fail(DiagnosticCatalog.GlobMatchedNothing, path, $"The pattern '{PathDisplay.For(path)}' matched no files.");
            }
        }
        else if (Directory.Exists(path) && PartitionSelection.LakeFiles(path) is { Count: > 0 } lake)
        {
            paths = lake;
        }
        else
        {
            paths = [path];
        }

        return paths;
    }

    private static List<DataFile> Check(IReadOnlyList<string> paths)
    {
        var files = new List<DataFile>(paths.Count);
        foreach (var file in paths)
        {
            if (Directory.Exists(file))
            {
                throw Fail(DiagnosticCatalog.PathIsDirectory, file, $"'{PathDisplay.For(file)}' is a directory without partition folders (key=value); give a file or a glob such as '{PathDisplay.For(Path.Combine(file, "*.csv"))}'.");
            }

            if (!File.Exists(file))
            {
                throw Fail(DiagnosticCatalog.DataNotFound, file, $"Data file '{PathDisplay.For(file)}' does not exist.");
            }

            var length = new FileInfo(file).Length;
            if (length == 0)
            {
                throw Fail(DiagnosticCatalog.EmptyFile, file, $"Data file '{PathDisplay.For(file)}' is empty (0 bytes).");
            }

            files.Add(new DataFile(file, length));
        }

        return files;
    }

    /// <summary>Decides the format of the files from their extensions when the source says <see cref="DataFormat.Auto"/>.</summary>
    /// <exception cref="DataReadException">The extension is unknown or the files mix formats.</exception>
    public static DataFormat ResolveFormat(DatasetSource source, IReadOnlyList<DataFile> files)
    {
        if (source.Format != DataFormat.Auto)
        {
            return source.Format;
        }

        var formats = files.Select(f => (File: f.Path, Format: FormatOf(f.Path))).ToList();
        var unknown = formats.FirstOrDefault(f => f.Format is null);
        if (unknown.File is not null)
        {
            throw Fail(DiagnosticCatalog.UnsupportedFormat, unknown.File,
                $"Cannot tell the format of '{unknown.File}' from its extension; use .csv, .tsv, .parquet or .jsonl (optionally .gz), or pass --data-format csv|parquet|jsonl.");
        }

        var distinct = formats.Select(f => f.Format!.Value).Distinct().ToList();
        if (distinct.Count > 1)
        {
            throw Fail(DiagnosticCatalog.UnsupportedFormat, source.Path,
                $"'{PathDisplay.For(source.Path)}' matches files of different formats ({string.Join(", ", distinct)}); read one format at a time.");
        }

        return distinct[0];
    }

    /// <summary>The format an extension implies, or null.</summary>
    public static DataFormat? FormatOf(string path)
    {
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        return Path.GetExtension(name) switch
        {
            ".csv" or ".tsv" or ".txt" or ".tab" => DataFormat.Csv,
            ".parquet" or ".pq" => DataFormat.Parquet,
            ".jsonl" or ".ndjson" or ".json" => DataFormat.JsonLines,
            _ => null,
        };
    }

    /// <summary>The files of a source and their partitions.</summary>
    /// <param name="Files">The files to read, sorted by ordinal path (those of the selected partitions only).</param>
    /// <param name="Layout">The partitions of every file the path names, or null when no file sits in a <c>key=value</c> folder.</param>
    /// <param name="Partitions">The partitions to read (all of <paramref name="Layout"/> unless a filter chose some).</param>
    internal sealed record ResolvedFiles(IReadOnlyList<DataFile> Files, PartitionLayout? Layout, IReadOnlyList<Partition> Partitions);

    private static DataReadException Fail(DiagnosticDescriptor descriptor, string file, string message) =>
        new(descriptor.Create(message) with { File = file });
}
