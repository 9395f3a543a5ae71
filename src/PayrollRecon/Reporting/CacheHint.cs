using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PayrollRecon.Reporting;

/// <summary>Asks the processor to bring an object into its cache ahead of use, for rows visited in an order unrelated to
/// where they lie in memory; a hint only (nothing where the processor has no prefetch the runtime exposes).</summary>
internal static class CacheHint
{
    /// <summary>Prefetches the start of <paramref name="value"/>'s memory (its first fields, or a short string's characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void Load(object? value)
    {
        // The reference is the object's address: a prefetch never faults, so one made stale by the GC moving the object is harmless.
        if (Sse.IsSupported && value is not null) Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref value));
    }
}
