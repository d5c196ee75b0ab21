using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Output;

namespace ModelGates.Monitoring.Incremental;

/// <summary>
/// What one input file held when a monitor last read it: its content hash and size (what tells a changed file, never
/// its modification time), its rows, its rows without a timestamp, its first and last timestamp (in the
/// <see cref="Windows.TimestampFrame"/>'s microseconds) and the keys of the windows its rows fall in.
/// </summary>
internal sealed record InputFileRecord(string Path, string Sha256, long Bytes, long Rows, long Unassigned, long? First, long? Last, IReadOnlyList<string> Windows);

/// <summary>
/// A monitor's record of its input files (the history's <c>monitor_inputs</c> row), written after every window of a run
/// is saved: with it a rerun reads only new and changed files, and the unchanged files that share a window with them
/// (docs/monitoring.md#incremental-reruns). It holds only for the same <see cref="Fingerprint"/> (config, reference,
/// tool version) and the same column names and types.
/// </summary>
internal sealed record InputState(string Fingerprint, IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<InputFileRecord> Files)
{
    /// <summary>The format of the JSON; a state of another format is ignored (the next run reads every file).</summary>
    public const int CurrentFormat = 1;

    /// <summary>The state as JSON, the same bytes for the same state (files in ordinal path order).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("format", CurrentFormat);
            w.WriteString("fingerprint", Fingerprint);
            w.WriteStartArray("columns");
            foreach (var (name, type) in Columns)
            {
                w.WriteStartArray();
                w.WriteStringValue(name);
                w.WriteStringValue(type);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteString("sha256", f.Sha256);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteNumber("rows", f.Rows);
                w.WriteNumber("unassigned", f.Unassigned);
                w.WriteNumberOrNull("first", f.First);
                w.WriteNumberOrNull("last", f.Last);
                w.WriteStartArray("windows");
                foreach (var key in f.Windows.Order(StringComparer.Ordinal))
                {
                    w.WriteStringValue(key);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The state in <paramref name="json"/>, or null when there is none, it was invalidated (empty: a run that judged
    /// windows died before recording its files), or it is of another format: the run then reads every file.
    /// </summary>
    public static InputState? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != CurrentFormat)
            {
                return null;
            }

            var columns = root.GetProperty("columns").EnumerateArray().Select(c => (c[0].GetString()!, c[1].GetString()!)).ToList();
            var files = root.GetProperty("files").EnumerateArray().Select(f => new InputFileRecord(
                f.GetProperty("path").GetString()!,
                f.GetProperty("sha256").GetString()!,
                f.GetProperty("bytes").GetInt64(),
                f.GetProperty("rows").GetInt64(),
                f.GetProperty("unassigned").GetInt64(),
                ReadNullable(f, "first"),
                ReadNullable(f, "last"),
                [.. f.GetProperty("windows").EnumerateArray().Select(k => k.GetString()!)])).ToList();
            return new InputState(root.GetProperty("fingerprint").GetString()!, columns, files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // A state this tool cannot read costs one full read, never a wrong window.
            return null;
        }
    }

    private static long? ReadNullable(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : null;

    /// <summary>For messages and tests: the number of files and windows recorded.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Files.Count} files, {Files.SelectMany(f => f.Windows).Distinct(StringComparer.Ordinal).Count()} windows");
}
