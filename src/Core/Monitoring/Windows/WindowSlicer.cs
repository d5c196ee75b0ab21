using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ModelGates.Data;
using ModelGates.Gates.Config;

namespace ModelGates.Monitoring.Windows;

/// <summary>One window of the data: its bounds, the SQL that selects its rows, and the hash that tells whether the history already holds it.</summary>
/// <param name="Bounds">The window's key and edges.</param>
/// <param name="Relation">The table its rows are selected from.</param>
/// <param name="Filter">The SQL condition selecting its rows.</param>
/// <param name="Rows">Rows in it.</param>
/// <param name="LabelledRows">Rows with a label.</param>
/// <param name="Hash">The hash of its rows and of what judges them.</param>
internal sealed record WindowSlice(MonitorWindowBounds Bounds, string Relation, string Filter, long Rows, long LabelledRows, string Hash)
{
    /// <summary>For a time window, its edges in the frame's microseconds (what <see cref="WindowSlicer.SortByTime"/>'s table is filtered on).</summary>
    public (long Lo, long Hi)? TimeRange { get; init; }
}

/// <summary>
/// Cuts a monitor's table into windows inside DuckDB and hashes every window in one query over the table, so the data
/// is read once whatever the number of windows and a window's rows are only touched again when it must be judged.
/// A window's hash sums a hash of each row (order does not matter, duplicates do) with the row count and the
/// monitor's fingerprint, so a late row, an edited value or a changed config makes it differ.
/// </summary>
internal static class WindowSlicer
{
    public static IReadOnlyList<WindowSlice> Slice(DataEngine engine, LoadedDataset data, TimestampFrame frame, MonitorDeclaration monitor, string fingerprint)
    {
        var table = data.Table;
        var rowHash = $"hash({string.Join(", ", data.Columns.Select(c => "x." + SqlText.Identifier(c.Name)))})";
        var labelled = monitor.Label is { } label
            ? $"count(CASE WHEN x.{SqlText.Identifier(label)} IS NOT NULL AND CAST(x.{SqlText.Identifier(label)} AS VARCHAR) <> '' THEN 1 END)"
            : "0";
        return monitor.Window.Unit == WindowUnit.Rows
            ? ByRows(engine, data, frame, monitor, fingerprint, rowHash, labelled)
            : ByTime(engine, table, frame, monitor, fingerprint, rowHash, labelled);
    }

    private static List<WindowSlice> ByTime(DataEngine engine, string table, TimestampFrame frame, MonitorDeclaration monitor, string fingerprint, string rowHash, string labelled)
    {
        var range = engine.Row($"SELECT min({frame.Micros}), max({frame.Micros}) FROM {table}");
        if (range[0] is null or DBNull)
        {
            return [];
        }

        var first = frame.ToLocal(Convert.ToInt64(range[0], CultureInfo.InvariantCulture));
        var last = frame.ToLocal(Convert.ToInt64(range[1], CultureInfo.InvariantCulture));
        var bounds = WindowPlanner.Plan(monitor.Window, monitor.TimeZone, first, last);
        return ByBounds(engine, table, frame, fingerprint, rowHash, labelled, bounds, fileExpression: null).Slices;
    }

    /// <summary>
    /// The time windows <paramref name="bounds"/> of <paramref name="data"/> (empty ones included), hashed in one query;
    /// with <paramref name="fileExpression"/> (the SQL naming each row's file) also the keys of the windows each file's
    /// rows fall in, from the same query (grouped by window and file, summed here: the hashes are those of a grouping by
    /// window alone).
    /// </summary>
    internal static (List<WindowSlice> Slices, Dictionary<string, SortedSet<string>> FileWindows) SliceTime(
        DataEngine engine, LoadedDataset data, TimestampFrame frame, MonitorDeclaration monitor, string fingerprint, IReadOnlyList<MonitorWindowBounds> bounds, string? fileExpression)
    {
        var rowHash = $"hash({string.Join(", ", data.Columns.Select(c => "x." + SqlText.Identifier(c.Name)))})";
        var labelled = monitor.Label is { } label
            ? $"count(CASE WHEN x.{SqlText.Identifier(label)} IS NOT NULL AND CAST(x.{SqlText.Identifier(label)} AS VARCHAR) <> '' THEN 1 END)"
            : "0";
        return ByBounds(engine, data.Table, frame, fingerprint, rowHash, labelled, bounds, fileExpression);
    }

    private static (List<WindowSlice> Slices, Dictionary<string, SortedSet<string>> FileWindows) ByBounds(
        DataEngine engine, string table, TimestampFrame frame, string fingerprint, string rowHash, string labelled, IReadOnlyList<MonitorWindowBounds> bounds, string? fileExpression)
    {
        var fileWindows = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (bounds.Count == 0)
        {
            return ([], fileWindows);
        }

        var edges = bounds.Select(b => (Lo: frame.EdgeMicros(b, true), Hi: frame.EdgeMicros(b, false))).ToList();
        var values = string.Join(", ", edges.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"({i}, {e.Lo}, {e.Hi})")));
        var groups = engine.Query(
            $"WITH b(i, lo, hi) AS (VALUES {values}) "
            + $"SELECT b.i, x.__mg_f, count(x.__mg_ts), CAST(coalesce(sum(CAST({rowHash} AS HUGEINT)), 0) AS VARCHAR), {labelled} "
            + $"FROM b LEFT JOIN (SELECT *, {frame.Micros} AS __mg_ts, {fileExpression ?? "NULL"} AS __mg_f FROM {table}) x ON x.__mg_ts >= b.lo AND x.__mg_ts < b.hi "
            + "GROUP BY b.i, x.__mg_f ORDER BY b.i, x.__mg_f",
            r => (Index: Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), File: r.IsDBNull(1) ? null : Convert.ToString(r.GetValue(1), CultureInfo.InvariantCulture),
                Rows: Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture), Sum: BigInteger.Parse(r.GetString(3), CultureInfo.InvariantCulture), Labelled: Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture)));
        var stats = new (long Rows, BigInteger Sum, long Labelled)[bounds.Count];
        foreach (var g in groups)
        {
            stats[g.Index] = (stats[g.Index].Rows + g.Rows, stats[g.Index].Sum + g.Sum, stats[g.Index].Labelled + g.Labelled);
            if (g.File is { } file && g.Rows > 0)
            {
                if (!fileWindows.TryGetValue(file, out var keys))
                {
                    fileWindows[file] = keys = new SortedSet<string>(StringComparer.Ordinal);
                }

                keys.Add(bounds[g.Index].Key);
            }
        }

        List<WindowSlice> slices = [.. bounds.Select((b, i) => new WindowSlice(
            b,
            table,
            string.Create(CultureInfo.InvariantCulture, $"{frame.Micros} >= {edges[i].Lo} AND {frame.Micros} < {edges[i].Hi}"),
            stats[i].Rows,
            stats[i].Labelled,
            Hash(fingerprint, b.Key, stats[i].Rows, stats[i].Sum.ToString(CultureInfo.InvariantCulture))) { TimeRange = edges[i] })];
        return (slices, fileWindows);
    }

    /// <summary>Windows of N rows in timestamp order (ties in file order); the last one may be short.</summary>
    private static List<WindowSlice> ByRows(DataEngine engine, LoadedDataset data, TimestampFrame frame, MonitorDeclaration monitor, string fingerprint, string rowHash, string labelled)
    {
        var numbered = SqlText.Identifier(engine.NewName("monitor_rows"));
        var columns = string.Join(", ", data.Columns.Select(c => SqlText.Identifier(c.Name)));
        engine.Execute($"CREATE TABLE {numbered} AS SELECT {columns}, {frame.Micros} AS __mg_ts, row_number() OVER (ORDER BY {frame.Micros}, rowid) - 1 AS __mg_rn "
            + $"FROM {data.Table} WHERE {frame.Micros} IS NOT NULL ORDER BY __mg_rn");
        var size = monitor.Window.Size;
        var stats = engine.Query(
            string.Create(CultureInfo.InvariantCulture, $"SELECT x.__mg_rn // {size} AS i, count(*), CAST(sum(CAST({rowHash} AS HUGEINT)) AS VARCHAR), {labelled}, min(x.__mg_ts), max(x.__mg_ts) ")
            + $"FROM {numbered} x GROUP BY 1 ORDER BY 1",
            r => (Index: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Rows: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Sum: r.GetString(2),
                Labelled: Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture), First: Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture), Last: Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture)));
        return [.. stats.Select(s =>
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"rows:{s.Index}");
            var start = frame.ToUtc(s.First);
            var end = frame.ToUtc(s.Last);
            var bounds = new MonitorWindowBounds(key, start, end, frame.ToLocal(s.First), frame.ToLocal(s.Last));
            var filter = string.Create(CultureInfo.InvariantCulture, $"__mg_rn >= {s.Index * size} AND __mg_rn < {(s.Index + 1) * size}");
            return new WindowSlice(bounds, numbered, filter, s.Rows, s.Labelled, Hash(fingerprint, key, s.Rows, s.Sum));
        })];
    }

    /// <summary>
    /// The table in timestamp order, made when a window must be judged: DuckDB's row groups then hold consecutive times,
    /// so selecting a window reads only its own row groups (min/max pruning) instead of the whole table per window.
    /// </summary>
    public static string SortByTime(DataEngine engine, LoadedDataset data, TimestampFrame frame)
    {
        var sorted = SqlText.Identifier(engine.NewName("monitor_sorted"));
        var columns = string.Join(", ", data.Columns.Select(c => SqlText.Identifier(c.Name)));
        engine.Execute($"CREATE TABLE {sorted} AS SELECT {columns}, {frame.Micros} AS __mg_ts FROM {data.Table} WHERE {frame.Micros} IS NOT NULL ORDER BY __mg_ts");
        return sorted;
    }

    private static string Hash(string fingerprint, string key, long rows, string sum) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{fingerprint}\n{key}\n{rows}\n{sum}"))));
}
