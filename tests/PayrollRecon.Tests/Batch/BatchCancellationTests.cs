using System.Diagnostics;
using PayrollRecon.Generation;
using Xunit.Abstractions;

namespace PayrollRecon.Tests.Batch;

/// <summary>Ctrl-C on a running <c>batch</c>, sent as a real SIGINT to the CLI in a child process.</summary>
public sealed class BatchCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Batch_Sigint_Exits130WithoutPortfolioOrTmpFiles()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var folder = new BatchFolder();
        // Each worker pauses 400 ms after a project (a test hook), so the run lasts seconds on any machine, however fast.
        folder.Generate(new GeneratorOptions { Projects = 12, Workers = 40, Months = 6, Seed = 12, DefectRate = 0.1 });
        var outDir = folder.Out("out");
        Directory.CreateDirectory(outDir);
        // A portfolio from an earlier run must not survive as if it described this one.
        File.WriteAllText(Path.Combine(outDir, "portfolio.csv"), "stale");

        string cli = typeof(PayrollRecon.Cli.Program).Assembly.Location;
        // A test run started in the background of a shell without job control ignores SIGINT, and a child inherits that:
        // the runtime then leaves SIGINT ignored, as POSIX asks. The child is started with SIGINT restored (perl is part
        // of every Debian system), so the test sees what a user's Ctrl-C does.
        var start = SigIntIgnored()
            ? new ProcessStartInfo("perl") { ArgumentList = { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", "dotnet" } }
            : new ProcessStartInfo("dotnet");
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        start.Environment["PAYROLLRECON_BATCH_PAUSE_MS"] = "400";
        foreach (var a in new[] { cli, "batch", folder.Input, "--out", outDir, "--jobs", "1", "--lang", "en" }) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();

        // Signal once the run is under way: the first project's output folder exists.
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(outDir).Any() && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);
        Assert.False(child.HasExited, "the batch finished before it could be interrupted");
        using (var kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await child.WaitForExitAsync(timeout.Token);
        string errorText = await stderr;
        output.WriteLine($"stdout: {await stdout}");
        output.WriteLine($"stderr: {errorText}");

        Assert.Equal(130, child.ExitCode);
        Assert.EndsWith("payrollrecon: cancelled\n", errorText);
        Assert.Empty(Directory.EnumerateFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(outDir, "portfolio.csv")));
        Assert.False(File.Exists(Path.Combine(outDir, "portfolio.html")));
        // Projects finished before the signal are complete: all four files; a project interrupted leaves no folder, not even an empty one.
        foreach (var dir in Directory.EnumerateDirectories(outDir))
        {
            var files = Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.True(files.SequenceEqual(["findings.csv", "history.csv", "ledger.csv", "report.html", "resolved.csv", "summary.json"]), $"{dir}: {string.Join(", ", files)}");
        }
        Assert.False(File.Exists(Path.Combine(outDir, ".payrollrecon-batch.lock")));
        Assert.True(Directory.EnumerateDirectories(outDir).Count() < 12, "every project was checked despite the signal");
    }

    /// <summary>True when this process ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status, Linux).</summary>
    private static bool SigIntIgnored()
    {
        if (!File.Exists("/proc/self/status")) return false;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                return (ulong.Parse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << 1)) != 0;
        }
        return false;
    }
}
