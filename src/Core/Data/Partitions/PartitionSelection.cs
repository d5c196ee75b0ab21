using ModelGates.Diagnostics;

namespace ModelGates.Data.Partitions;

/// <summary>The files of a partitioned folder, and the partitions a filter keeps (before any file is opened).</summary>
internal static class PartitionSelection
{
    /// <summary>
    /// The data files under a folder of partitions, sorted by ordinal path, or an empty list when no file sits in a
    /// <c>key=value</c> folder below it. Files and folders whose names start with <c>.</c> or <c>_</c> are skipped, as Hive
    /// and Spark skip them (<c>_SUCCESS</c>, <c>.part-0.crc</c>, <c>_temporary/</c>).
    /// </summary>
    public static List<string> LakeFiles(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split('/', '\\').Any(s => s.StartsWith('.') || s.StartsWith('_')))
            .Order(StringComparer.Ordinal)
            .ToList();
        var below = files.Select(f => HivePath.Parse(Path.GetRelativePath(folder, f).Replace('\\', '/'))).ToList();
        return below.Any(p => p.Count > 0) ? files : [];
    }

    /// <summary>The partitions of <paramref name="layout"/> that <paramref name="filter"/> keeps.</summary>
    /// <exception cref="ConfigurationException">The filter does not fit the partitions (MG0150, MG0151).</exception>
    /// <exception cref="DataReadException">It keeps none (MG0153).</exception>
    public static IReadOnlyList<Partition> Select(DataEngine engine, DatasetSource source, PartitionLayout? layout, PartitionFilter filter)
    {
        if (layout is null)
        {
            var first = filter.Conditions[0];
            throw new ConfigurationException(DiagnosticCatalog.UnknownPartitionKey.Create(
                $"'{PathDisplay.For(source.Path)}' has no partition folders (key=value), so '{first.Text}' selects nothing. ({first.Origin.Description})")
                with { File = first.Origin.File, Line = first.Origin.Line, SourceColumn = first.Origin.Column });
        }

        var kept = layout.Select(engine, filter, source.Path);
        if (kept.Count == 0)
        {
            throw new DataReadException(DiagnosticCatalog.NoPartitionSelected.Create(
                $"No partition of '{PathDisplay.For(source.Path)}' satisfies {filter} (its {layout.Partitions.Count} partitions run from {layout.Partitions[0].Name} to {layout.Partitions[^1].Name}).")
                with { File = filter.Conditions[0].Origin.File ?? source.Path, Line = filter.Conditions[0].Origin.Line, SourceColumn = filter.Conditions[0].Origin.Column });
        }

        return kept;
    }
}
