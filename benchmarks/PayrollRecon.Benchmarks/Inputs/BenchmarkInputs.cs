using System.Diagnostics;

using PayrollRecon.Generation;

namespace PayrollRecon.Benchmarks.Inputs;

/// <summary>The generated input files (<see cref="BulkFileGenerator"/>): made once from a fixed seed into a cache folder, then reused by every run.</summary>
/// <remarks>
/// The folder is <c>$PAYROLLRECON_BENCH_DATA</c>, else <c>payrollrecon-bench</c> under the temp folder. A manifest
/// written last records the generator version and the file sizes; files that do not match it are made again.
/// </remarks>
internal static class BenchmarkInputs
{
    /// <summary>Bumped whenever the generated content changes, so stale caches are rebuilt.</summary>
    private const int GeneratorVersion = 2;
    private const int Seed = 20240315;
    private const int Workers = 3_000;
    private const long MiB = 1 << 20;

    /// <summary>Smallest size of <c>bank.csv</c>: 100 MiB (104.9 MB).</summary>
    public const long BankMinBytes = 100 * MiB;

    /// <summary>Smallest size of <c>attendance.csv</c>: 200 MiB (209.7 MB).</summary>
    public const long AttendanceMinBytes = 200 * MiB;

    private static readonly Lock s_gate = new();

    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("PAYROLLRECON_BENCH_DATA") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "payrollrecon-bench");

    public static string BankPath => Path.Combine(Folder, BulkFileGenerator.BankFileName);

    public static string AttendancePath => Path.Combine(Folder, BulkFileGenerator.AttendanceFileName);

    public static string BankGb18030Path => Path.Combine(Folder, BulkFileGenerator.BankGb18030FileName);

    private static string ManifestPath => Path.Combine(Folder, "manifest.txt");

    /// <summary>Makes the files unless a matching set is already there; returns false when they were reused.</summary>
    public static bool EnsureCreated(TextWriter? log = null)
    {
        lock (s_gate)
        {
            if (IsCurrent()) return false;
            Directory.CreateDirectory(Folder);
            File.Delete(ManifestPath);
            var clock = Stopwatch.StartNew();

            var options = new BulkFileOptions { Seed = Seed, Workers = Workers, BankMinBytes = BankMinBytes, AttendanceMinBytes = AttendanceMinBytes };
            BulkFileResult made = BulkFileGenerator.Generate(Folder, options);
            log?.WriteLine($"generated {BankPath}: {made.BankRows:N0} rows, {made.BankBytes:N0} bytes");
            log?.WriteLine($"generated {AttendancePath}: {made.AttendanceRows:N0} rows, {made.AttendanceBytes:N0} bytes");

            File.WriteAllText(ManifestPath, Manifest());
            log?.WriteLine($"inputs ready in {clock.Elapsed.TotalSeconds:F1} s ({Folder})");
            return true;
        }
    }

    private static bool IsCurrent()
    {
        if (!File.Exists(ManifestPath) || !File.Exists(BankPath) || !File.Exists(AttendancePath) || !File.Exists(BankGb18030Path)) return false;
        return File.ReadAllText(ManifestPath) == Manifest();
    }

    private static string Manifest() =>
        $"version={GeneratorVersion} seed={Seed} workers={Workers}\n"
        + $"bank.csv={Size(BankPath)}\nattendance.csv={Size(AttendancePath)}\nbank-gb18030.csv={Size(BankGb18030Path)}\n";

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : -1;
}
