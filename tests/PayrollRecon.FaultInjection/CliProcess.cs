using System.Diagnostics;
using System.Reflection;

namespace PayrollRecon.FaultInjection;

/// <summary>What one run of the CLI did.</summary>
/// <param name="Exit">Its exit code (-1 when it was killed).</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="Wall">Wall-clock time.</param>
/// <param name="PeakRssBytes">Peak resident set (VmHWM of /proc/PID/status, sampled until exit).</param>
/// <param name="Killed">Why the run was killed (time or memory bound), or null.</param>
public sealed record CliRun(int Exit, string Stdout, string Stderr, TimeSpan Wall, long PeakRssBytes, string? Killed);

/// <summary>Runs the <c>payrollrecon</c> CLI as built, as a subprocess, with a time and a memory bound.</summary>
public sealed class CliProcess
{
    private readonly string _fileName;
    private readonly string[] _prefix;

    private CliProcess(string fileName, string[] prefix)
    {
        _fileName = fileName;
        _prefix = prefix;
        Display = string.Join(' ', [fileName, .. prefix]);
    }

    /// <summary>How the CLI is started (for messages).</summary>
    public string Display { get; }

    /// <summary>The CLI built next to this assembly's configuration (<c>src/PayrollRecon.Cli/bin/CONFIG/net10.0</c>), or <c>PAYROLLRECON_CLI</c>.</summary>
    public static CliProcess Locate(string repoRoot)
    {
        string? overridden = Environment.GetEnvironmentVariable("PAYROLLRECON_CLI");
        if (!string.IsNullOrEmpty(overridden)) return FromPath(overridden);
        string config = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        string tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        foreach (string c in new[] { config, "Release", "Debug" })
        {
            string dir = Path.Combine(repoRoot, "src", "PayrollRecon.Cli", "bin", c, tfm);
            if (File.Exists(Path.Combine(dir, "PayrollRecon.Cli.dll"))) return FromPath(Path.Combine(dir, "PayrollRecon.Cli.dll"));
        }
        throw new InvalidOperationException($"the CLI is not built: no src/PayrollRecon.Cli/bin/{config}/{tfm}/PayrollRecon.Cli.dll (run: dotnet build PayrollRecon.sln -c {config})");
    }

    private static CliProcess FromPath(string path)
    {
        // The apphost next to the dll starts faster than 'dotnet exec'; use it when it is there.
        string host = Path.ChangeExtension(path, null);
        if (path.EndsWith(".dll", StringComparison.Ordinal) && File.Exists(host)) return new CliProcess(host, []);
        return path.EndsWith(".dll", StringComparison.Ordinal) ? new CliProcess("dotnet", ["exec", path]) : new CliProcess(path, []);
    }

    /// <summary>Runs the CLI with <paramref name="args"/>; kills it past <paramref name="timeout"/> or <paramref name="killAboveBytes"/> of resident memory.</summary>
    public CliRun Run(IReadOnlyList<string> args, TimeSpan timeout, long killAboveBytes, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(_fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        // GNU time reports the child's exact peak resident set from wait4(2); sampling /proc is the fallback.
        string? rusage = File.Exists(GnuTime) ? Path.Combine(Path.GetTempPath(), $"payrollrecon-rusage-{Guid.NewGuid():N}") : null;
        if (rusage is not null)
        {
            start.FileName = GnuTime;
            foreach (string a in new[] { "-q", "-f", "%M", "-o", rusage, _fileName }) start.ArgumentList.Add(a);
        }
        foreach (string a in _prefix) start.ArgumentList.Add(a);
        foreach (string a in args) start.ArgumentList.Add(a);
        // The same culture-free, colour-free environment for every run, whatever the caller's terminal.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_fileName}");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        string? killed = null;
        string? status = rusage is null ? $"/proc/{process.Id}/status" : null;
        while (!process.WaitForExit(5))
        {
            // Under GNU time the CLI is time's child: watch that one.
            status ??= ChildStatus(process.Id);
            if (status is not null) peak = Math.Max(peak, ReadPeak(status));
            if (clock.Elapsed > timeout) killed = $"killed after {timeout.TotalSeconds:0} s";
            else if (peak > killAboveBytes) killed = $"killed at {peak >> 20} MiB resident";
            if (killed is null) continue;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            process.WaitForExit();
            break;
        }
        clock.Stop();
        process.WaitForExit();
        int exit = process.ExitCode;
        if (rusage is not null)
        {
            peak = Math.Max(peak, ReadRusage(rusage));
            File.Delete(rusage);
        }
        return new CliRun(killed is null ? exit : -1, stdout.Result, stderr.Result, clock.Elapsed, peak, killed);
    }

    private const string GnuTime = "/usr/bin/time";

    /// <summary>The maximum resident set GNU time wrote (kilobytes), in bytes; 0 when it wrote none.</summary>
    private static long ReadRusage(string path)
    {
        if (!File.Exists(path)) return 0;
        foreach (string line in File.ReadAllLines(path))
        {
            if (long.TryParse(line.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long kb)) return kb * 1024;
        }
        return 0;
    }

    /// <summary>The status file of the first child of <paramref name="pid"/>, or null while it has none.</summary>
    private static string? ChildStatus(int pid)
    {
        try
        {
            string children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Trim();
            if (children.Length == 0) return null;
            return $"/proc/{children.Split(' ')[0]}/status";
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>VmHWM (the peak resident set) of a live process, in bytes; 0 once it is gone.</summary>
    private static long ReadPeak(string statusPath)
    {
        try
        {
            foreach (string line in File.ReadLines(statusPath))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
