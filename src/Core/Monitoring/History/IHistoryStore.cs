using ModelGates.Monitoring.Promotion;

namespace ModelGates.Monitoring.History;

/// <summary>
/// The monitoring history, wherever it lives (a DuckDB file, <see cref="FileHistory"/>; tables on a connection,
/// <see cref="SqlHistoryStore"/>): the windows each monitor judged, keyed by monitor and window, and the champion records
/// of the promote flow. The monitor, the trend, the retraining decision and <c>promote</c> all read and write through it.
/// </summary>
internal interface IHistoryStore : IDisposable
{
    /// <summary>Every window of <paramref name="monitor"/>, in time order.</summary>
    /// <exception cref="Data.DataReadException">The history cannot be read (exit code 3).</exception>
    IReadOnlyList<WindowRecord> Windows(string monitor);

    /// <summary>Writes (or replaces) one window's record in one transaction: a run killed midway leaves it whole or as it was.</summary>
    /// <exception cref="Data.DataReadException">The write failed; the window keeps its previous record (exit code 3).</exception>
    void Save(string monitor, WindowRecord window, DateTime computedAt);

    /// <summary>
    /// The monitor's record of its input files (<see cref="Incremental.InputState"/> as JSON), or null when it has none;
    /// empty when a run invalidated it.
    /// </summary>
    /// <exception cref="Data.DataReadException">The history cannot be read (exit code 3).</exception>
    string? InputState(string monitor);

    /// <summary>Writes (or replaces) the monitor's record of its input files in one transaction; empty invalidates it.</summary>
    /// <exception cref="Data.DataReadException">The write failed; the record is as it was (exit code 3).</exception>
    void SaveInputState(string monitor, string state, DateTime computedAt);

    /// <summary>The UTC times <paramref name="model"/> was promoted, oldest first; empty when never.</summary>
    /// <exception cref="Data.DataReadException">The history cannot be read (exit code 3).</exception>
    IReadOnlyList<DateTime> PromotionTimes(string model);

    /// <summary>Every champion record of <paramref name="model"/> (its JSON), oldest first.</summary>
    /// <exception cref="Data.DataReadException">The history cannot be read (exit code 3).</exception>
    IReadOnlyList<string> ChampionRecords(string model);

    /// <summary>Inserts <paramref name="record"/> in a transaction the caller commits, or rolls back by disposing it.</summary>
    /// <exception cref="Data.DataReadException">The row cannot be written (exit code 3).</exception>
    IHistoryTransaction InsertChampion(ChampionRecord record);
}

/// <summary>An open write of the history: <see cref="Commit"/> makes it visible; disposing it uncommitted rolls it back.</summary>
internal interface IHistoryTransaction : IDisposable
{
    /// <summary>Commits the write.</summary>
    /// <exception cref="Data.DataReadException">The commit failed; nothing was written (exit code 3).</exception>
    void Commit();
}
