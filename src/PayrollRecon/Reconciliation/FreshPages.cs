using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PayrollRecon.Reconciliation;

/// <summary>Writes a new array's pages once, before anything reads them.</summary>
/// <remarks>
/// A large new array may come straight from the operating system, not yet in memory. Read first, as a hash table's
/// probes read it, each page is mapped to the system's shared zero page, and the first write into it then copies the
/// page and flushes the page from the other cores' address caches, an interrupt per core (on a virtual machine, an
/// exit per core). Measured on a 5,000 × 24 check: ~1,150 such faults, 2.6 % of the CPU time in the interrupts alone.
/// A write first takes one plain fault per page instead.
/// </remarks>
internal static class FreshPages
{
    private const int PageBytes = 4096;

    /// <summary>Writes one zero byte per page of <paramref name="array"/>, which must be new (all zero).</summary>
    public static T[] Touch<T>(T[] array)
    {
        nuint bytes = (nuint)array.Length * (nuint)Unsafe.SizeOf<T>();
        if (bytes < PageBytes) return array;
        ref byte start = ref Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(array));
        for (nuint offset = 0; offset < bytes; offset += PageBytes) Unsafe.Add(ref start, offset) = 0;
        Unsafe.Add(ref start, bytes - 1) = 0;
        return array;
    }
}
