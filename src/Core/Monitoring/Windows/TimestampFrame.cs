using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;

namespace ModelGates.Monitoring.Windows;

/// <summary>
/// How a monitor's timestamp column is compared with window edges inside DuckDB: as microseconds since the epoch,
/// of UTC instants for a column with an offset (<c>TIMESTAMP WITH TIME ZONE</c>), or of local wall-clock time in the
/// monitor's zone for a column without one (<c>TIMESTAMP</c>, <c>DATE</c>), which is read in that zone.
/// </summary>
/// <param name="Column">The column.</param>
/// <param name="Micros">The SQL expression of a row's microseconds.</param>
/// <param name="Instants">True when the microseconds are UTC instants, false when local wall-clock.</param>
/// <param name="Zone">The monitor's zone.</param>
internal sealed record TimestampFrame(string Column, string Micros, bool Instants, TimeZoneInfo Zone)
{
    private static readonly string[] Naive = ["DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "DATETIME"];
    private static readonly string[] WithZone = ["TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"];

    /// <summary>The frame of the monitor's timestamp column in <paramref name="data"/>.</summary>
    /// <exception cref="DataReadException">The column is missing or holds no dates (MG6004, exit code 3).</exception>
    public static TimestampFrame Of(GatesConfig config, MonitorDeclaration monitor, LoadedDataset data) =>
        Of(config, monitor, data.Find(monitor.Timestamp));

    /// <summary>The frame of the monitor's timestamp column among <paramref name="columns"/> (a rerun that read no file knows them from the history).</summary>
    /// <exception cref="DataReadException">The column is missing or holds no dates (MG6004, exit code 3).</exception>
    public static TimestampFrame Of(GatesConfig config, MonitorDeclaration monitor, IReadOnlyList<DatasetColumn> columns) =>
        Of(config, monitor, columns.FirstOrDefault(c => c.Name == monitor.Timestamp));

    private static TimestampFrame Of(GatesConfig config, MonitorDeclaration monitor, DatasetColumn? column)
    {
        var type = column?.SqlType.ToUpperInvariant();
        if (column is null || type is null || !(Naive.Contains(type) || WithZone.Contains(type)))
        {
            var found = column is null ? "is not in the data" : $"holds {column.SqlType} values";
            throw new DataReadException(MonitorRunner.Locate(config, monitor, DiagnosticCatalog.InvalidTimestampColumn.Create(
                $"Monitor '{monitor.Name}': timestamp column '{monitor.Timestamp}' of dataset '{monitor.Data}' {found}; it must hold dates or timestamps"
                + " (ISO 8601, e.g. 2026-01-05 14:30:00, or with an offset, 2026-01-05T14:30:00Z).") with { Column = monitor.Timestamp }, "timestamp"));
        }

        var quoted = SqlText.Identifier(column.Name);
        var instants = WithZone.Contains(type);
        return new TimestampFrame(column.Name, instants ? $"epoch_us({quoted})" : $"epoch_us(CAST({quoted} AS TIMESTAMP))", instants, monitor.TimeZone);
    }

    /// <summary>A row's microseconds as a UTC instant.</summary>
    public DateTime ToUtc(long micros)
    {
        var t = DateTime.UnixEpoch.AddTicks(micros * 10);
        return Instants ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : DateTime.SpecifyKind(WindowPlanner.ToUtc(t, Zone), DateTimeKind.Utc);
    }

    /// <summary>A row's microseconds as local wall-clock time in the zone.</summary>
    public DateTime ToLocal(long micros)
    {
        var t = DateTime.UnixEpoch.AddTicks(micros * 10);
        return Instants ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), Zone) : DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
    }

    /// <summary>A window edge in this frame's microseconds.</summary>
    public long EdgeMicros(MonitorWindowBounds bounds, bool start)
    {
        var edge = Instants ? (start ? bounds.Start : bounds.End) : (start ? bounds.LocalStart : bounds.LocalEnd);
        return (DateTime.SpecifyKind(edge, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;
    }
}
