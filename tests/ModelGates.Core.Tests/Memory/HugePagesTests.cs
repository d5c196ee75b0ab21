using ModelGates.Memory;

namespace ModelGates.Tests.Memory;

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

    [Fact]
    public void Advising_an_array_of_another_element_type_keeps_its_values()
    {
        var array = Enumerable.Range(0, 1_100_000).Select(i => (ulong)i * 3).ToArray();

        Assert.Same(array, HugePages.Advise(array));

        Assert.True(array.Select((v, i) => v == (ulong)i * 3).All(x => x));
    }
}
