using ModelGates.Diagnostics;

namespace ModelGates.Data;

/// <summary>
/// Maps a row of a loaded table back to its file and record number. Rejected records are not in the
/// table, so the record number of an accepted row counts the rejected records before it. Line numbers
/// assume one line per record (true unless quoted fields hold newlines), plus the header and skipped lines.
/// </summary>
public sealed class RowLocator
{
    private readonly List<FileRows> files;
    private readonly bool multipleFiles;

    internal RowLocator(List<FileRows> files, bool linesKnown)
    {
        this.files = files;
        multipleFiles = files.Count > 1;
        LinesKnown = linesKnown;
    }

    /// <summary>True when line numbers can be given (delimited text).</summary>
    internal bool LinesKnown { get; }

    /// <summary>An example pointing at table row <paramref name="rowId"/> (DuckDB rowid, 0-based in load order).</summary>
    public ExampleRow Example(long rowId, string? value)
    {
        var file = files[FindFile(rowId)];
        var record = file.RecordNumber(rowId - file.FirstRowId);
        return new ExampleRow(
            record,
            value,
            multipleFiles ? file.Path : null,
            LinesKnown ? record + file.LinesBeforeData : null);
    }

    private int FindFile(long rowId)
    {
        for (var i = files.Count - 1; i > 0; i--)
        {
            if (rowId >= files[i].FirstRowId)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The accepted rows of one file.</summary>
    /// <param name="Path">The file.</param>
    /// <param name="FirstRowId">The table rowid of its first accepted row.</param>
    /// <param name="LinesBeforeData">Header and skipped lines.</param>
    /// <param name="RejectedRecords">Record numbers (1-based) of rejected records, ascending.</param>
    internal sealed record FileRows(string Path, long FirstRowId, long LinesBeforeData, IReadOnlyList<long> RejectedRecords)
    {
        /// <summary>The 1-based record number of the accepted row at <paramref name="ordinal"/> (0-based) in this file.</summary>
        public long RecordNumber(long ordinal)
        {
            var record = ordinal + 1;
            foreach (var rejected in RejectedRecords)
            {
                if (rejected <= record)
                {
                    record++;
                }
                else
                {
                    break;
                }
            }

            return record;
        }
    }
}
