using System.Globalization;
using ModelGates.Data;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// The newest labelled window of the monitor that watches a model gate (docs/promotion.md#the-newest-labelled-window):
/// when <c>modelgates promote</c> is given no <c>--window</c>, the first monitor whose <c>model</c> is the gate cuts its
/// data into windows as a monitor run does, and the newest window with at least <c>minRows</c> labelled rows is the
/// window both models are also judged on: its labelled rows as the data files wrote them, without the monitor's
/// timestamp and score columns, in a CSV file of their own.
/// </summary>
internal static class NewestLabelledWindow
{
    /// <summary>The window, or null when no monitor watches the gate; <see cref="LabelledWindow.File"/> is null when no window has enough labels.</summary>
    public static LabelledWindow? Find(GatesConfig config, ModelGate gate, DatasetCache datasets, string folder)
    {
        if (config.Monitors.FirstOrDefault(m => m.Model == gate.Name && m.Severity is not null) is not { } monitor)
        {
            return null;
        }

        var engine = datasets.Engine;
        var data = datasets.Table(monitor.Data).Dataset;
        var frame = TimestampFrame.Of(config, monitor, data);
        var slices = WindowSlicer.Slice(engine, data, frame, monitor, fingerprint: string.Empty);
        if (monitor.Label is not { } label || slices.LastOrDefault(s => s.LabelledRows >= monitor.MinRows) is not { } newest)
        {
            return new LabelledWindow(monitor.Name, null, null, null, 0, null);
        }

        // The rows as the files wrote them: the typed table's values are DuckDB's guesses ('no' read as false), which the
        // models were not trained on. The text table is read from the same files in the same order; its timestamps are
        // parsed as the typed column's type, so the window's rows are the same.
        var text = datasets.Table(monitor.Data, allText: true).Dataset;
        var timestamp = SqlText.Identifier(monitor.Timestamp);
        var type = data.Find(monitor.Timestamp)!.SqlType;
        var micros = frame.Instants ? $"epoch_us(TRY_CAST({timestamp} AS {type}))" : $"epoch_us(CAST(TRY_CAST({timestamp} AS {type}) AS TIMESTAMP))";
        string filter;
        if (newest.TimeRange is { } range)
        {
            filter = string.Create(CultureInfo.InvariantCulture, $"__mg_ts >= {range.Lo} AND __mg_ts < {range.Hi}");
        }
        else
        {
            // A row window's key is rows:<index>; its rows are numbered in timestamp order, ties in file order, as WindowSlicer numbers them.
            var first = long.Parse(newest.Bounds.Key["rows:".Length..], CultureInfo.InvariantCulture) * monitor.Window.Size;
            filter = string.Create(CultureInfo.InvariantCulture, $"__mg_rn >= {first} AND __mg_rn < {first + monitor.Window.Size}");
        }

        // Shaped like the holdout: the monitor's timestamp and score columns are the production log's, not the model's inputs.
        var columns = string.Join(", ", text.Columns.Where(c => c.Name != monitor.Timestamp && c.Name != monitor.Score).Select(c => SqlText.Identifier(c.Name)));
        var l = SqlText.Identifier(label);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "window.csv");
        engine.Execute($"COPY (SELECT {columns} FROM (SELECT *, {micros} AS __mg_ts, row_number() OVER (ORDER BY {micros}, rowid) - 1 AS __mg_rn FROM {text.Table} WHERE {micros} IS NOT NULL) "
            + $"WHERE {filter} AND {l} IS NOT NULL AND {l} <> '' ORDER BY __mg_rn) TO {SqlText.Literal(file)} (FORMAT CSV, HEADER)");
        return new LabelledWindow(monitor.Name, newest.Bounds.Key, newest.Bounds.Start, newest.Bounds.End, newest.LabelledRows, file);
    }
}

/// <summary>The monitor window a promotion is judged on.</summary>
/// <param name="Monitor">The monitor whose model is the gate.</param>
/// <param name="Key">The window's key in the monitor's history, or null when no window has enough labels.</param>
/// <param name="Start">Its first instant (UTC), or null.</param>
/// <param name="End">The instant after it (UTC), or null.</param>
/// <param name="LabelledRows">Its labelled rows: the rows both models are scored on.</param>
/// <param name="File">The CSV file of those rows, or null.</param>
internal sealed record LabelledWindow(string Monitor, string? Key, DateTime? Start, DateTime? End, long LabelledRows, string? File)
{
    /// <summary>As results and the champion record name it.</summary>
    public string Describe() => Key is null
        ? $"monitor '{Monitor}' has no window with enough labelled rows yet"
        : string.Create(CultureInfo.InvariantCulture, $"monitor '{Monitor}', window {Key} ({LabelledRows} labelled rows)");
}
