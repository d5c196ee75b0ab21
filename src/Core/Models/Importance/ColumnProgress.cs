namespace ModelGates.Models.Importance;

/// <summary>
/// Reports each column once all its shuffles are done, in column order, although the shuffles of several
/// columns finish on several cores in any order: a column is reported when it and every column before it are done.
/// </summary>
internal sealed class ColumnProgress(int columns, int repeats, Action<int> report)
{
    private readonly int[] done = new int[columns];
    private readonly Lock gate = new();
    private int next;

    /// <summary>Counts one finished shuffle of column <paramref name="column"/>.</summary>
    public void Done(int column)
    {
        lock (gate)
        {
            done[column]++;
            while (next < columns && done[next] == repeats)
            {
                report(next);
                next++;
            }
        }
    }
}
