using ModelGates.Data.Direct;

namespace ModelGates.Tests.Data.Direct;

public sealed class HugePagesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(3_000_001)]
    public void Advising_an_array_keeps_its_values(int length)
    {
        var array = Enumerable.Range(0, length).Select(i => i * 0.5).ToArray();

        HugePages.Advise(array);
        HugePages.Advise(array);

        Assert.Equal(length, array.Length);
        Assert.True(array.Select((v, i) => v == i * 0.5).All(x => x));
    }
}
