using ModelGates.Models.Importance;

namespace ModelGates.Tests.Models.Importance;

/// <summary>The shuffles finish on several cores in any order; progress still names the columns in order, each once.</summary>
public sealed class ColumnProgressTests
{
    [Fact]
    public void Columns_are_reported_in_order_once_all_their_shuffles_are_done()
    {
        var reported = new List<int>();
        var progress = new ColumnProgress(columns: 3, repeats: 2, reported.Add);
        progress.Done(2);
        progress.Done(1);
        progress.Done(2);
        Assert.Empty(reported);
        progress.Done(0);
        Assert.Empty(reported);
        progress.Done(0);
        Assert.Equal([0], reported);
        progress.Done(1);
        Assert.Equal([0, 1, 2], reported);
    }

    [Fact]
    public void Concurrent_shuffles_report_every_column_once_in_order()
    {
        var reported = new List<int>();
        var progress = new ColumnProgress(columns: 40, repeats: 5, reported.Add);
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, job => progress.Done((199 - job) / 5));
        Assert.Equal(Enumerable.Range(0, 40), reported);
    }
}
