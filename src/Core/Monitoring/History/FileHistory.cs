using ModelGates.Monitoring.Promotion;

namespace ModelGates.Monitoring.History;

/// <summary>
/// The history in a DuckDB file: the monitor's tables through <see cref="HistoryStore"/> and the <c>champions</c> table
/// through <see cref="ChampionLog"/>. Each is opened on first use, so reading promotions of a file that does not exist
/// creates nothing, and a promotion holds only the connection it writes with.
/// </summary>
internal sealed class FileHistory(string path) : IHistoryStore
{
    private HistoryStore? windows;

    /// <summary>The history file.</summary>
    public string Path { get; } = path;

    /// <summary>For tests: runs inside a window's transaction, between its statements (a crash there must roll back).</summary>
    internal Action<WindowRecord>? BetweenStatements { get; set; }

    public IReadOnlyList<WindowRecord> Windows(string monitor) => Store().Windows(monitor);

    public void Save(string monitor, WindowRecord window, DateTime computedAt) => Store().Save(monitor, window, computedAt);

    public string? InputState(string monitor) => Store().InputState(monitor);

    public void SaveInputState(string monitor, string state, DateTime computedAt) => Store().SaveInputState(monitor, state, computedAt);

    // With the monitor's connection open, through it: DuckDB refuses a second, read-only one to the same file.
    public IReadOnlyList<DateTime> PromotionTimes(string model) =>
        windows is { } store ? store.PromotionTimes(model) : ChampionLog.PromotionTimes(Path, model);

    public IReadOnlyList<string> ChampionRecords(string model) =>
        windows is { } store ? store.ChampionRecords(model) : ChampionLog.Records(Path, model);

    public IHistoryTransaction InsertChampion(ChampionRecord record)
    {
        windows?.Dispose();
        windows = null;
        var log = ChampionLog.Open(Path);
        try
        {
            log.Insert(record);
            return new Write(log);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    public void Dispose() => windows?.Dispose();

    private HistoryStore Store()
    {
        windows ??= HistoryStore.Open(Path);
        windows.BetweenStatements = BetweenStatements;
        return windows;
    }

    private sealed class Write(ChampionLog log) : IHistoryTransaction
    {
        public void Commit() => log.Commit();

        public void Dispose() => log.Dispose();
    }
}
