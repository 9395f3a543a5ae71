namespace PayrollRecon.Generation;

/// <summary>SplitMix64 mixing: stateless, platform-independent pseudo-random numbers keyed by (seed, worker, day).</summary>
/// <remarks>Day-level choices come from a hash instead of a sequential generator so that any pass over the
/// attendance (statistics or writing, in any order) sees the same punches.</remarks>
internal static class StableHash
{
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    public static ulong Mix(ulong a, ulong b) => Mix(unchecked(a ^ Mix(b)));

    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);
}
