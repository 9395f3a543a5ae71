using System.Diagnostics;
using System.Text;

namespace PayrollRecon.Benchmarks.Inputs;

/// <summary>The generated input files: made once from a fixed seed into a cache folder, then reused by every run.</summary>
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

    public static string BankPath => Path.Combine(Folder, "bank.csv");

    public static string AttendancePath => Path.Combine(Folder, "attendance.csv");

    public static string BankGb18030Path => Path.Combine(Folder, "bank-gb18030.csv");

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

            // One workforce for both files, so the attendance ids are the same people the statement pays.
            var random = new Random(Seed);
            SyntheticWorker[] workers = Workforce.Create(random, Workers);

            Encoding gb18030 = Reading.Gb18030Transcoder.Encoding;
            using (var utf8 = Create(BankPath))
            using (var gb = Create(BankGb18030Path))
            {
                char[] chars = [];
                byte[] encoded = [];
                var writer = new ByteRowWriter(chunk =>
                {
                    utf8.Write(chunk.Span);

                    // The writer flushes whole lines, so no character is ever cut between two chunks.
                    int n = Encoding.UTF8.GetCharCount(chunk.Span);
                    if (chars.Length < n) chars = new char[n];
                    Encoding.UTF8.GetChars(chunk.Span, chars);
                    int m = gb18030.GetByteCount(chars, 0, n);
                    if (encoded.Length < m) encoded = new byte[m];
                    gb18030.GetBytes(chars, 0, n, encoded, 0);
                    gb.Write(encoded, 0, m);
                });
                long rows = BankStatementGenerator.Write(writer, new Random(Seed + 1), workers, BankMinBytes);
                log?.WriteLine($"generated {BankPath}: {rows:N0} rows, {writer.Length:N0} bytes");
            }

            using (var file = Create(AttendancePath))
            {
                var writer = new ByteRowWriter(chunk => file.Write(chunk.Span));
                long rows = AttendanceGenerator.Write(writer, new Random(Seed + 2), workers, AttendanceMinBytes);
                log?.WriteLine($"generated {AttendancePath}: {rows:N0} rows, {writer.Length:N0} bytes");
            }

            File.WriteAllText(ManifestPath, Manifest());
            log?.WriteLine($"inputs ready in {clock.Elapsed.TotalSeconds:F1} s ({Folder})");
            return true;
        }
    }

    private static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);

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
