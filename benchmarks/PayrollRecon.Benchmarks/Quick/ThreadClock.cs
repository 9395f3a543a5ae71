using System.Runtime.InteropServices;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>CPU time of the calling thread (user + system), which a busy shared machine distorts far less than wall time.</summary>
/// <remarks>
/// Time the thread spends waiting for a core is left out; time in the kernel copying the file from the page cache is in.
/// Linux only (<c>CLOCK_THREAD_CPUTIME_ID</c>); elsewhere <see cref="IsAvailable"/> is false and callers use wall time.
/// </remarks>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Seconds of CPU time the calling thread has used.</summary>
    public static double Seconds()
    {
        if (!IsAvailable) return 0;
        clock_gettime(ClockThreadCpuTimeId, out Timespec ts);
        return ts.Seconds + ts.Nanoseconds / 1e9;
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out Timespec value);
}
