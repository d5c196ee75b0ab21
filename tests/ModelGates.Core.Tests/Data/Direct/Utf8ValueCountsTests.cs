using System.Text;
using ModelGates.Data.Direct;
using ModelGates.Statistics;

namespace ModelGates.Tests.Data.Direct;

public sealed class Utf8ValueCountsTests
{
    [Fact]
    public void Counts_match_a_dictionary_through_many_growths_of_the_table()
    {
        var random = new SeededRandom(11);
        var counts = new Utf8ValueCounts(1_000_000);
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < 200_000; i++)
        {
            // Lengths 0 to 20 cover the hash's 8-byte steps and its tail; the skew gives both rare and common values.
            var value = new string('x', (int)random.NextInt64(3)) + random.NextInt64(1 + random.NextInt64(20_000)).ToString("D" + random.NextInt64(12), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(counts.Add(Encoding.UTF8.GetBytes(value)));
            expected[value] = expected.GetValueOrDefault(value) + 1;
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), Read(counts));
    }

    [Fact]
    public void Adding_past_the_capacity_fails_but_known_values_still_count()
    {
        var counts = new Utf8ValueCounts(3);
        Assert.True(counts.Add("a"u8));
        Assert.True(counts.Add("b"u8));
        Assert.True(counts.Add("c"u8));

        Assert.False(counts.Add("d"u8));
        Assert.True(counts.Add("a"u8));
        Assert.Equal([new KeyValuePair<string, long>("a", 2), new("b", 1), new("c", 1)], Read(counts));
    }

    [Fact]
    public void Merging_adds_counts_and_respects_the_capacity()
    {
        var left = new Utf8ValueCounts(3);
        var right = new Utf8ValueCounts(3);
        left.Add("a"u8);
        left.Add(""u8);
        right.Add("a"u8);
        right.Add("é"u8);

        Assert.True(left.AddAll(right));
        Assert.Equal([new KeyValuePair<string, long>("", 1), new("a", 2), new("é", 1)], Read(left));

        var more = new Utf8ValueCounts(3);
        more.Add("z"u8);
        Assert.False(left.AddAll(more));
    }

    private static List<KeyValuePair<string, long>> Read(Utf8ValueCounts counts) =>
        counts.Entries.Select(e => new KeyValuePair<string, long>(Encoding.UTF8.GetString(e.Key), e.Value)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
}
