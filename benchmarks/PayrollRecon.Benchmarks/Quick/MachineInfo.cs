using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static string CpuName()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    public static string Vectors() =>
        Vector512.IsHardwareAccelerated ? "Vector512 (AVX-512)" : Vector256.IsHardwareAccelerated ? "Vector256 (AVX2)" : "Vector128";

    /// <summary>The 1-minute load average, which says how busy the shared machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string Describe() =>
        $"{CpuName()}, {Environment.ProcessorCount} logical cores, {Vectors()}; {RuntimeInformation.FrameworkDescription}; "
        + $"{RuntimeInformation.OSDescription}";
}
