using ModelGates.Data.Direct;
using ModelGates.Inputs;
using ModelGates.Statistics;

namespace ModelGates.Tests.Data.Direct;

/// <summary>The split that also hashes the file gives the ranges of the parallel count and the hash of a hashing read.</summary>
public sealed class CsvRangesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("modelgates-ranges-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(0, true, 1)]
    [InlineData(1, false, 1)]
    [InlineData(5_000, true, 1_000)]
    [InlineData(5_000, false, 1_000)]
    [InlineData(40_000, true, 70_000)]
    [InlineData(40_000, false, 300_000)]
    public void Counting_while_hashing_gives_the_ranges_and_hash_of_separate_reads(int lines, bool lastLineEnds, long minimumBytes)
    {
        // Lines of random lengths (windows of 256 KB and range ends fall anywhere in them), the last with or without its line feed.
        var random = new SeededRandom((ulong)lines + 7);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append('x', (int)random.NextInt64(40)).Append(',').Append(i);
            if (i < lines - 1 || lastLineEnds)
            {
                text.Append('\n');
            }
        }

        var path = Path.Combine(folder, "data.csv");
        File.WriteAllText(path, text.ToString());
        var length = new FileInfo(path).Length;

        var counted = CsvRanges.Split(path, length, minimumBytes, 8);
        (long Bytes, string Sha256)? hash = null;
        var hashing = CsvRanges.Split(path, length, minimumBytes, 8, (bytes, sha256) => hash = (bytes, sha256));

        Assert.NotNull(counted);
        Assert.Equal(counted, hashing);
        Assert.Equal(lines, counted!.Sum(r => r.Lines));
        var expected = DatasetHash.OfFiles([path]).Files[0];
        Assert.Equal((expected.Bytes, expected.Sha256), hash);
    }

    [Fact]
    public void A_file_longer_than_listed_is_counted_as_listed_and_not_hashed()
    {
        var path = Path.Combine(folder, "grown.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,4\n5,6\n");
        var listed = new FileInfo(path).Length;
        File.AppendAllText(path, "7,8\n9");

        var counted = CsvRanges.Split(path, listed, 4, 3);
        var hashed = false;
        var hashing = CsvRanges.Split(path, listed, 4, 3, (_, _) => hashed = true);

        Assert.Equal(counted, hashing);
        Assert.Equal(4, hashing!.Sum(r => r.Lines));
        Assert.False(hashed);
    }
}
