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

    [Theory]
    [InlineData(10)]
    [InlineData(262_144)]
    [InlineData(5_000_000)]
    public void An_aligned_block_starts_its_usable_part_on_a_2_MB_page_and_holds_the_length_asked(long length)
    {
        var (array, offset) = HugePages.AlignedDoubles(length);

        Assert.True(array.Length - offset >= length);
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(array, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var address = (long)handle.AddrOfPinnedObject() + (offset * sizeof(double));
            Assert.Equal(0, OperatingSystem.IsLinux() ? address % (2 << 20) : 0);
        }
        finally
        {
            handle.Free();
        }

        array.AsSpan(offset, (int)length).Fill(1.5);
        Assert.Equal(1.5 * length, array.AsSpan(offset, (int)length).ToArray().Sum());
    }
}
