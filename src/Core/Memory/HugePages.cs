using System.Runtime.InteropServices;

namespace ModelGates.Memory;

/// <summary>
/// Asks Linux to back large arrays (the CSV reader's column arrays, the radix sort's buffer) with 2 MB pages
/// (<c>madvise(MADV_HUGEPAGE)</c>), where transparent huge pages are enabled only on request, as is common.
/// Filling a fresh array faults in its memory page by page;
/// with 4 KB pages that is 2,048 faults per million values, and on virtual machines each fault is expensive
/// (measured here: a 1M-row profile spent a quarter of its CPU in the kernel). Only a hint: anywhere it does not
/// apply, or fails, nothing changes.
/// </summary>
internal static class HugePages
{
    private const int AdviseHugePage = 14;
    private const long HugePageSize = 2 << 20;
    private static bool unavailable;

    /// <summary>Advises huge pages for the whole 2 MB pages inside <paramref name="array"/>, on Linux; returns the array.</summary>
    /// <typeparam name="T">An element type without references, so the array is plain memory.</typeparam>
    public static T[] Advise<T>(T[] array)
        where T : unmanaged
    {
        var size = (long)array.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (unavailable || !OperatingSystem.IsLinux() || size < 2 * HugePageSize)
        {
            return array;
        }

        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var start = (long)handle.AddrOfPinnedObject();
            var first = (start + HugePageSize - 1) & ~(HugePageSize - 1);
            var end = (start + size) & ~(HugePageSize - 1);
            _ = Madvise((nint)first, (nuint)(end - first), AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
        }
        finally
        {
            handle.Free();
        }

        return array;
    }

    /// <summary>
    /// A pinned array of at least <paramref name="length"/> doubles from <c>offset</c> on, where element <c>offset</c>
    /// starts a 2 MB page, advised for huge pages up to its end; so every page the caller fills is a huge page.
    /// Falls back to an ordinary array (offset 0) off Linux.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The length and a page of slack do not fit one array.</exception>
    public static (double[] Array, int Offset) AlignedDoubles(long length)
    {
        const int perPage = (int)(HugePageSize / sizeof(double));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength - perPage);
        if (unavailable || !OperatingSystem.IsLinux())
        {
            return (GC.AllocateUninitializedArray<double>((int)length), 0);
        }

        // Pinned, so the address the offset was computed from stays the array's for its whole life.
        var array = GC.AllocateUninitializedArray<double>((int)(length + perPage), pinned: true);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        var start = (long)handle.AddrOfPinnedObject();
        handle.Free();
        var aligned = (start + HugePageSize - 1) & ~(HugePageSize - 1);
        var offset = (int)((aligned - start) / sizeof(double));
        var end = start + ((long)array.Length * sizeof(double));
        try
        {
            _ = Madvise((nint)aligned, (nuint)((end - aligned) & ~(HugePageSize - 1)), AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
        }

        return (array, offset);
    }

    // DllImport, not LibraryImport: the arguments are blittable, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
