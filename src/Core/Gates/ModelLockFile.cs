using System.Text.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Output;

namespace ModelGates.Gates;

/// <summary>One model file in the lock file.</summary>
/// <param name="Path">The model's path relative to the lock file's folder, with <c>/</c> separators.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the model file.</param>
/// <param name="Bytes">The model file's size.</param>
internal sealed record ModelLockEntry(string Path, string Sha256, long Bytes);

/// <summary>
/// The model lock file named by <c>lock</c> in modelgates.json (docs/lineage.md#the-model-lock-file): the SHA-256 of
/// every gated model file, so a model swapped without review fails (MG5004). Only accept writes it, atomically, with
/// its models in ordinal path order.
/// </summary>
internal static class ModelLockFile
{
    /// <summary>The version of the lock file's layout.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The entries of the lock file by path; empty when the file does not exist.</summary>
    /// <exception cref="DataReadException">The file is not a ModelGates lock file (MG5005, exit code 3).</exception>
    public static IReadOnlyDictionary<string, ModelLockEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entries = new SortedDictionary<string, ModelLockEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != SchemaVersion
                || !root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"it needs \"schemaVersion\": {SchemaVersion} and a \"models\" object");
            }

            foreach (var model in models.EnumerateObject())
            {
                if (model.Value.ValueKind != JsonValueKind.Object
                    || !model.Value.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String || sha.GetString()!.Length != 64
                    || !model.Value.TryGetProperty("bytes", out var bytes) || bytes.ValueKind != JsonValueKind.Number)
                {
                    throw Invalid(path, $"model '{model.Name}' needs \"sha256\" (64 hex digits) and \"bytes\"");
                }

                entries[model.Name] = new ModelLockEntry(model.Name, sha.GetString()!, bytes.GetInt64());
            }
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON ({e.Message})");
        }
        catch (FormatException e)
        {
            throw Invalid(path, e.Message);
        }

        return entries;
    }

    /// <summary>The lock file's bytes for <paramref name="entries"/>: indented UTF-8, models in ordinal path order, a final newline.</summary>
    public static byte[] Write(IEnumerable<ModelLockEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonWriterExtensions.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("description", "SHA-256 of every gated model file. Written by 'modelgates accept'; a model that differs fails the build (MG5004).");
            w.WriteStartObject("models");
            foreach (var entry in entries.OrderBy(e => e.Path, StringComparer.Ordinal))
            {
                w.WriteStartObject(entry.Path);
                w.WriteNumber("bytes", entry.Bytes);
                w.WriteString("sha256", entry.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The key of a model in the lock file: its path relative to the lock file's folder, with <c>/</c> separators.</summary>
    public static string Key(string lockPath, string modelPath) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(lockPath))!, Path.GetFullPath(modelPath)).Replace('\\', '/');

    /// <summary>
    /// Writes the hash of every model of the config's model gates (or only of the named gates, keeping the other
    /// entries) to the lock file, atomically; without a gate filter, entries of models no gate declares are dropped.
    /// Nothing happens when the config declares no lock.
    /// </summary>
    public static IReadOnlyList<AcceptedChange> Accept(GatesConfig config, IReadOnlySet<string>? only)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Lock is not { } lockPath)
        {
            return [];
        }

        var before = Read(lockPath);
        var after = new SortedDictionary<string, ModelLockEntry>(StringComparer.Ordinal);
        if (only is not null)
        {
            foreach (var (key, entry) in before)
            {
                after[key] = entry;
            }
        }

        foreach (var gate in config.Models.Where(g => g.Model is not null && (only is null || only.Contains(g.Name))))
        {
            var file = InputFile.Of("model", gate.Model!);
            var key = Key(lockPath, gate.Model!);
            after[key] = new ModelLockEntry(key, file.Sha256, file.Bytes);
        }

        AtomicFile.Write(lockPath, Write(after.Values));
        var lines = new List<string>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.TryGetValue(key, out var b) ? b.Sha256 : null;
            var now = after.TryGetValue(key, out var a) ? a.Sha256 : null;
            lines.Add(old == now ? $"{key}: sha256 {Short(now)} (unchanged)" : $"{key}: sha256 {Short(old)} -> {Short(now)}");
        }

        return [new AcceptedChange("model lock file", lockPath, lines)];
    }

    private static string Short(string? hash) => hash is null ? "none" : hash[..Math.Min(12, hash.Length)];

    private static DataReadException Invalid(string path, string reason) =>
        new(DiagnosticCatalog.LineageFileInvalid.Create($"Lock file '{path}' is not a ModelGates lock file: {reason}. Delete it and run 'modelgates accept' to write it again.") with { File = path });
}
