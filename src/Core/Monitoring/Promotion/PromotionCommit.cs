using ModelGates.Monitoring.History;
using ModelGates.Output;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// Writes a promotion as one unit: the champion record is inserted in an open transaction of the history, then each
/// file is replaced atomically (AtomicFile); any failure puts back every file already replaced and rolls the record
/// back, and the transaction commits only after the last file. A reader sees the old state or the new one.
/// </summary>
internal static class PromotionCommit
{
    /// <summary>Writes <paramref name="files"/> (path → new bytes, in order) and <paramref name="record"/> into <paramref name="history"/>; returns the files written.</summary>
    /// <exception cref="Diagnostics.ModelGatesException">A file or the history could not be written; nothing is left changed.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<KeyValuePair<string, byte[]>> files, IHistoryStore history, ChampionRecord record)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(history);
        var previous = files.Select(f => new KeyValuePair<string, byte[]?>(f.Key, File.Exists(f.Key) ? File.ReadAllBytes(f.Key) : null)).ToList();
        var replaced = 0;
        using var write = history.InsertChampion(record);
        try
        {
            foreach (var (path, bytes) in files)
            {
                AtomicFile.Write(path, bytes);
                replaced++;
            }

            write.Commit();
        }
        catch
        {
            // Disposing the uncommitted write rolls the record back.
            Restore(previous.Take(replaced));
            throw;
        }

        return [.. files.Select(f => f.Key)];
    }

    private static void Restore(IEnumerable<KeyValuePair<string, byte[]?>> previous)
    {
        foreach (var (path, bytes) in previous.Reverse())
        {
            if (bytes is null)
            {
                File.Delete(path);
            }
            else
            {
                AtomicFile.Write(path, bytes);
            }
        }
    }
}
