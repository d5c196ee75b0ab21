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
    public static IReadOnlyList<DataFile> Resolve(DataEngine engine, DatasetSource source)
    {
        var path = source.Path;
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
        else
        {
            paths = [path];
        }

        var files = new List<DataFile>(paths.Count);
        foreach (var file in paths)
        {
            if (Directory.Exists(file))
            {
                throw Fail(DiagnosticCatalog.PathIsDirectory, file, $"'{PathDisplay.For(file)}' is a directory; give a file or a glob such as '{PathDisplay.For(Path.Combine(file, "*.csv"))}'.");
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

    private static DataReadException Fail(DiagnosticDescriptor descriptor, string file, string message) =>
        new(descriptor.Create(message) with { File = file });
}
