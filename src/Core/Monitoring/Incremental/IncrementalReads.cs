using System.Globalization;
using ModelGates.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Incremental;

/// <summary>
/// Reads of a monitor's files that touch only what changed (docs/monitoring.md#incremental-reruns). A full read records,
/// per input file, its hash, size and the windows its rows fall in; a rerun hashes the files (both cores), reads through
/// DuckDB only the new and changed files, then the unchanged files that share a window with them (a late row lands in
/// an old window), judges those windows from all their rows, and reuses every other window from the history unread.
/// Whenever the record cannot vouch for a window (another config, other column types, unparsed rows, a window the
/// history lacks), it returns null and the caller reads every file.
/// </summary>
internal static class IncrementalReads
{
    /// <summary>The source and files of a monitor whose reruns can be incremental: time windows over files, no partitions.</summary>
    public static (DatasetSource Source, IReadOnlyList<DataFile> Files)? Eligible(GatesConfig config, MonitorDeclaration monitor, DataEngine engine)
    {
        // Row windows depend on the order of every row across files: a new file can move every later window's edges.
        if (monitor.Window.Unit == WindowUnit.Rows || config.FindDataset(monitor.Data) is not { Database: null } declaration)
        {
            return null;
        }

        var source = DatasetCache.Source(declaration, null);
        if (source.Partitions is not null)
        {
            return null;
        }

        var resolved = DataFileResolver.ResolvePartitions(engine, source);
        return resolved.Layout is null ? (source, resolved.Files) : null;
    }

    /// <summary>The content hash and size of every file, hashed on all cores.</summary>
    /// <exception cref="DataReadException">A file cannot be read (MG0110, exit code 3).</exception>
    public static IReadOnlyList<FileHash> Hash(IReadOnlyList<DataFile> files)
    {
        var hashes = new FileHash[files.Count];
        try
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => hashes[i] = DatasetHash.OfFiles([files[i].Path]).Files[0]);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is DataReadException) is DataReadException first)
        {
            throw first;
        }

        return hashes;
    }

    /// <summary>
    /// The windows of a full read, each file's windows recorded on the way (from the same query that hashes the windows),
    /// and the record of the input files; the record is null when a row's file cannot be told.
    /// </summary>
    public static (IReadOnlyList<WindowSlice> Slices, string? State) Full(
        DataEngine engine, MonitorDeclaration monitor, LoadedDataset data, TimestampFrame frame, string fingerprint, IReadOnlyList<FileHash> hashes)
    {
        var fileExpression = FileExpression(data);
        var summaries = Summaries(engine, data, frame, fileExpression);
        var bounds = Plan(monitor, frame, summaries.Values);
        var (slices, fileWindows) = WindowSlicer.SliceTime(engine, data, frame, monitor, fingerprint, bounds, fileExpression);
        var paths = hashes.Select(h => h.Path).ToHashSet(StringComparer.Ordinal);
        if (!summaries.Keys.All(paths.Contains))
        {
            return (slices, null);
        }

        var records = hashes.Select(h => Record(h, summaries, fileWindows)).ToList();
        return (slices, new InputState(fingerprint, Schema(data.Columns), records).ToJson());
    }

    /// <summary>
    /// A rerun against the recorded <paramref name="state"/> (same fingerprint): reads the new and changed files, then the
    /// unchanged ones sharing a window with them; null when the record cannot vouch for a window (the caller reads every file),
    /// with the files read on the way either way.
    /// </summary>
    public static (MonitorInput? Input, int FilesRead) Rerun(
        GatesConfig config, MonitorDeclaration monitor, DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, IReadOnlyList<FileHash> hashes,
        InputState state, string fingerprint, IReadOnlyDictionary<string, WindowRecord> known)
    {
        var old = state.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var current = hashes.ToDictionary(h => h.Path, StringComparer.Ordinal);
        var changed = files.Where(f => !old.TryGetValue(f.Path, out var r) || r.Sha256 != current[f.Path].Sha256 || r.Bytes != current[f.Path].Bytes).ToList();
        var changedPaths = changed.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var removed = old.Keys.Where(p => !current.ContainsKey(p)).ToList();
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed.Select(f => f.Path).Concat(removed))
        {
            if (old.TryGetValue(path, out var r))
            {
                affected.UnionWith(r.Windows);
            }
        }

        var columns = state.Columns.Select(c => new DatasetColumn(c.Name, c.Type)).ToList();
        var frame = TimestampFrame.Of(config, monitor, columns);
        var typed = Typed(source, state.Columns);
        var filesRead = 0;
        LoadedDataset? data = null;
        var records = files.Where(f => !changedPaths.Contains(f.Path)).Select(f => old[f.Path]).ToList();
        if (changed.Count > 0)
        {
            data = Load(engine, typed, changed, state.Columns);
            filesRead += changed.Count;
            if (data is null)
            {
                return (null, filesRead);
            }

            var fileExpression = FileExpression(data);
            var summaries = Summaries(engine, data, frame, fileExpression);
            var (_, fileWindows) = WindowSlicer.SliceTime(engine, data, frame, monitor, fingerprint, Plan(monitor, frame, summaries.Values), fileExpression);
            var fresh = changed.Select(f => Record(current[f.Path], summaries, fileWindows)).ToList();
            foreach (var r in fresh)
            {
                affected.UnionWith(r.Windows);
            }

            records.AddRange(fresh);
        }

        // Windows the record never covered (a gap before a new week) and windows the history lacks or holds in an older
        // format are judged too, from every file contributing to them.
        var plan = Plan(monitor, frame, records);
        var covered = Plan(monitor, frame, state.Files).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        affected.UnionWith(plan.Where(b => !covered.Contains(b.Key) || !known.TryGetValue(b.Key, out var w) || w.Format != WindowRecord.CurrentFormat).Select(b => b.Key));

        var sharing = files.Where(f => !changedPaths.Contains(f.Path) && old[f.Path].Windows.Any(affected.Contains)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (sharing.Count > 0)
        {
            var both = files.Where(f => changedPaths.Contains(f.Path) || sharing.Contains(f.Path)).ToList();
            data = Load(engine, typed, both, state.Columns);
            filesRead += both.Count;
            if (data is null)
            {
                return (null, filesRead);
            }
        }

        var judged = plan.Where(b => affected.Contains(b.Key)).ToList();
        if (judged.Count > 0 && data is null)
        {
            // Only removals, and a window they emptied lies between others: the full read judges it empty.
            return (null, filesRead);
        }

        var slices = data is null ? [] : WindowSlicer.SliceTime(engine, data, frame, monitor, fingerprint, judged, null).Slices.ToDictionary(s => s.Bounds.Key, StringComparer.Ordinal);
        var work = plan.Select(b => affected.Contains(b.Key) ? new WindowWork(slices[b.Key], null) : new WindowWork(null, known[b.Key])).ToList();
        var newState = new InputState(fingerprint, state.Columns, records).ToJson();
        return (new MonitorInput
        {
            Data = data,
            Columns = columns,
            Frame = frame,
            Rows = records.Sum(r => r.Rows),
            Unassigned = records.Sum(r => r.Unassigned),
            Work = work,
            NewState = newState,
            FilesRead = filesRead,
        }, filesRead);
    }

    /// <summary>The columns as recorded: names and DuckDB types in table order.</summary>
    private static List<(string Name, string Type)> Schema(IReadOnlyList<DatasetColumn> columns) => [.. columns.Select(c => (c.Name, c.SqlType))];

    /// <summary>
    /// A CSV source with the recorded column types declared (the user's own declarations first): a new file is read as the
    /// whole dataset was, and a value that does not fit is an unparsed row, which sends the run to a full read.
    /// </summary>
    private static DatasetSource Typed(DatasetSource source, IReadOnlyList<(string Name, string Type)> columns)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in columns)
        {
            types[name] = type;
        }

        foreach (var (name, type) in source.Csv.ColumnTypes ?? new Dictionary<string, string>())
        {
            types[name] = type;
        }

        return source with { Csv = source.Csv with { ColumnTypes = types } };
    }

    /// <summary>Some files as a table, or null when they read otherwise than the whole dataset did (columns, types, unparsed rows, an error).</summary>
    private static LoadedDataset? Load(DataEngine engine, DatasetSource source, IReadOnlyList<DataFile> files, IReadOnlyList<(string Name, string Type)> columns)
    {
        try
        {
            var data = DatasetLoader.Load(engine, source, files, layout: null);
            return data.Unparsed.Count == 0 && Schema(data.Columns).SequenceEqual(columns) ? data : null;
        }
        catch (DataReadException)
        {
            // The full read reports it, located as always.
            return null;
        }
    }

    /// <summary>The SQL naming a row's file: the loader's file column when it read several files, else the one file's path.</summary>
    private static string FileExpression(LoadedDataset data) =>
        data.Files.Count == 1 ? SqlText.Literal(data.Files[0].Path) : SqlText.Identifier(DatasetLoader.FileColumn);

    private sealed record Summary(long Rows, long Unassigned, long? First, long? Last);

    /// <summary>Each file's rows, rows without a timestamp and first and last timestamp, in one pass over two columns.</summary>
    private static Dictionary<string, Summary> Summaries(DataEngine engine, LoadedDataset data, TimestampFrame frame, string fileExpression) =>
        engine.Query(
            $"SELECT {fileExpression} AS f, count(*), count({frame.Micros}), min({frame.Micros}), max({frame.Micros}) FROM {data.Table} GROUP BY 1",
            r => (File: Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!, Summary: new Summary(
                Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture) - Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
                r.IsDBNull(3) ? null : Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture))))
        .ToDictionary(p => p.File, p => p.Summary, StringComparer.Ordinal);

    private static InputFileRecord Record(FileHash hash, Dictionary<string, Summary> summaries, Dictionary<string, SortedSet<string>> fileWindows)
    {
        var s = summaries.GetValueOrDefault(hash.Path) ?? new Summary(0, 0, null, null);
        return new InputFileRecord(hash.Path, hash.Sha256, hash.Bytes, s.Rows, s.Unassigned, s.First, s.Last, [.. fileWindows.GetValueOrDefault(hash.Path) ?? []]);
    }

    /// <summary>The windows from the first to the last timestamp of the files, gaps included, as a full read plans them.</summary>
    private static IReadOnlyList<MonitorWindowBounds> Plan(MonitorDeclaration monitor, TimestampFrame frame, IEnumerable<InputFileRecord> files) =>
        Plan(monitor, frame, files.Select(f => new Summary(f.Rows, f.Unassigned, f.First, f.Last)));

    private static IReadOnlyList<MonitorWindowBounds> Plan(MonitorDeclaration monitor, TimestampFrame frame, IEnumerable<Summary> files)
    {
        var firsts = files.Where(f => f.First is not null).ToList();
        return firsts.Count == 0
            ? []
            : WindowPlanner.Plan(monitor.Window, monitor.TimeZone, frame.ToLocal(firsts.Min(f => f.First!.Value)), frame.ToLocal(firsts.Max(f => f.Last!.Value)));
    }
}
