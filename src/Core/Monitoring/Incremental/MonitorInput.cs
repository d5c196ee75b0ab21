using ModelGates.Data;
using ModelGates.Monitoring.Windows;

namespace ModelGates.Monitoring.Incremental;

/// <summary>One window of a run: a slice to hash and (when the history lacks its hash) judge, or a record reused unread.</summary>
/// <param name="Slice">The window's rows, or null when reused.</param>
/// <param name="Reused">The history's record of a window none of whose files changed, or null.</param>
internal sealed record WindowWork(WindowSlice? Slice, WindowRecord? Reused);

/// <summary>
/// What a monitor read of its data this run: the table of the files read (every file, or on an incremental rerun only
/// the new and changed files and those sharing a window with them; null when nothing changed), the windows to check,
/// and the record of the input files to write once every window is saved.
/// </summary>
internal sealed record MonitorInput
{
    /// <summary>The table read, or null when no file was read.</summary>
    public required LoadedDataset? Data { get; init; }

    /// <summary>The columns of the dataset (of the table read, or as the history recorded them).</summary>
    public required IReadOnlyList<DatasetColumn> Columns { get; init; }

    /// <summary>How the timestamp is compared with window edges.</summary>
    public required TimestampFrame Frame { get; init; }

    /// <summary>Rows of every file, read or not.</summary>
    public required long Rows { get; init; }

    /// <summary>Rows without a timestamp, of every file.</summary>
    public required long Unassigned { get; init; }

    /// <summary>The windows, in time order.</summary>
    public required IReadOnlyList<WindowWork> Work { get; init; }

    /// <summary>The record of the input files to write after the windows, or null to leave the history's as it is.</summary>
    public string? NewState { get; init; }

    /// <summary>The record the history holds now (what a run judging windows invalidates first), or null.</summary>
    public string? OldState { get; init; }

    /// <summary>Files read through the engine this run (for tests: an unchanged file is never read).</summary>
    public int FilesRead { get; init; }
}
