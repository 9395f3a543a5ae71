using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayrollRecon.FaultInjection;

/// <summary>Bounds every run must stay within.</summary>
/// <param name="Time">Wall-clock time of one CLI run (the run is killed past it).</param>
/// <param name="Memory">Peak resident set of one CLI run.</param>
/// <param name="KillAbove">Resident set at which a run is killed to protect the machine (above <paramref name="Memory"/>).</param>
public sealed record Bounds(TimeSpan Time, long Memory, long KillAbove)
{
    /// <summary>The CI bounds: 20 s and 300 MiB per run (an unmutated sample check takes 0.5 s and 46 MiB).</summary>
    public static Bounds Default { get; } = new(TimeSpan.FromSeconds(20), 300L << 20, 1L << 30);
}

/// <summary>Prepares a case's mutated project, runs the CLI on it (twice, for determinism) and checks every invariant.</summary>
public sealed partial class CaseRunner(CliProcess cli, string scratch, Bounds bounds, KnownFailures known, IReadOnlyList<BaseProject> bases)
{
    private static readonly string[] CheckOutputs = ["findings.csv", "ledger.csv", "summary.json", "report.html"];

    /// <summary>Runs one case; <paramref name="keep"/> leaves its folder in place (for a replay).</summary>
    public CaseResult Run(FaultCase c, bool keep = false)
    {
        string work = Path.Combine(scratch, "cases", $"{c.Kind.Name}-{c.Seed}");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        string project;
        string? other = null;
        if (c.Command == "batch")
        {
            project = Path.Combine(work, "root", "p1");
            // A second, unmutated project in the portfolio: one bad project must not stop or change the other.
            BaseProject healthy = bases.First(b => b.Name != c.Base.Name && b.Name.StartsWith("gen-", StringComparison.Ordinal));
            other = Path.Combine(work, "root", "p0");
            BaseProjects.CopyInputs(healthy, other);
        }
        else
        {
            project = Path.Combine(work, "project");
        }
        BaseProjects.CopyInputs(c.Base, project);
        string target = Path.Combine(project, c.File);
        MutationResult mutation = Mutate(c, target);

        string outDir = Path.Combine(work, "out");
        // English messages: the invariants read the timed parts of the console lines (progress, elapsed seconds) by
        // their English wording.
        string[] args = c.Command switch
        {
            "batch" => ["batch", Path.Combine(work, "root"), "--out", outDir, "--jobs", "2", "--lang", "en"],
            "inspect" => ["inspect", project, "--lang", "en"],
            _ => ["check", project, "--out", outDir, "--lang", "en"],
        };
        var runs = new List<CliRun> { cli.Run(args, bounds.Time, bounds.KillAbove, work) };
        string firstOut = outDir + ".1";
        if (runs[0].Killed is null)
        {
            if (Directory.Exists(outDir)) Directory.Move(outDir, firstOut);
            runs.Add(cli.Run(args, bounds.Time, bounds.KillAbove, work));
        }

        var violations = new List<Violation>();
        var secrets = new List<string>(c.Base.Secrets);
        if (other is not null) secrets.AddRange(bases.First(b => b.Name != c.Base.Name && b.Name.StartsWith("gen-", StringComparison.Ordinal)).Secrets);
        Check(c, mutation, runs, project, outDir, firstOut, secrets, violations);
        var marked = violations.Select(v => v with { Known = known.Match(c.Kind.Name, c.File, v.Invariant) }).ToList();
        var result = new CaseResult(c, mutation.Description, marked, runs);
        if (!keep) Directory.Delete(work, recursive: true);
        return result;
    }

    /// <summary>Saves a failing case's mutated project and its description under <paramref name="saveDir"/>.</summary>
    public static void Save(CaseResult result, string saveDir)
    {
        FaultCase c = result.Case;
        string dir = Path.Combine(saveDir, $"{c.Kind.Name}-{c.Seed}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        string project = Path.Combine(dir, "project");
        BaseProjects.CopyInputs(c.Base, project);
        string target = Path.Combine(project, c.File);
        MutationResult mutation = c.Kind.Scope == MutationScope.FileSystem ? new MutationResult(null, result.Mutation) : Mutate(c, target);
        if (mutation.Bytes is null) File.Delete(target);
        File.WriteAllText(Path.Combine(dir, "CASE.txt"),
            result.Describe() + (mutation.Bytes is null ? $"  ({c.File} is left out of this copy: {result.Mutation}; replay recreates it)\n" : ""));
    }

    private static MutationResult Mutate(FaultCase c, string target)
    {
        var input = new MutationInput(target, File.ReadAllBytes(target), c.Base.Format(c.File));
        MutationResult mutation = c.Kind.Apply(input, c.Random());
        if (mutation.Bytes is not null)
        {
            File.WriteAllBytes(target, mutation.Bytes);
            return mutation;
        }
        File.Delete(target);
        switch (c.Kind.Name)
        {
            case "fifo":
                if (MakeFifo(target, Convert.ToUInt32("644", 8)) != 0) throw new IOException($"mkfifo {target} failed: errno {Marshal.GetLastPInvokeError()}");
                break;
            case "directory":
                Directory.CreateDirectory(target);
                File.WriteAllText(Path.Combine(target, "inside.csv"), "a,b\n1,2\n");
                break;
            case "dev-zero":
                File.CreateSymbolicLink(target, "/dev/zero");
                break;
            case "dangling-symlink":
                File.CreateSymbolicLink(target, Path.Combine(Path.GetDirectoryName(target)!, "missing-" + c.File));
                break;
            case "symlink-loop":
                File.CreateSymbolicLink(target, Path.GetFileName(target));
                break;
            default:
                throw new InvalidOperationException($"no file-system mutation {c.Kind.Name}");
        }
        return mutation;
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);

    private void Check(FaultCase c, MutationResult mutation, List<CliRun> runs, string project, string outDir, string firstOut, List<string> secrets, List<Violation> violations)
    {
        CliRun run = runs[0];
        // Bounds.
        foreach (CliRun r in runs)
        {
            if (r.Killed is not null && r.Killed.Contains("after", StringComparison.Ordinal))
                violations.Add(new Violation("time", $"{r.Killed} (bound {bounds.Time.TotalSeconds:0} s): the CLI hung or ran away"));
            else if (r.Wall > bounds.Time)
                violations.Add(new Violation("time", $"{r.Wall.TotalSeconds:0.0} s, bound {bounds.Time.TotalSeconds:0} s"));
            if (r.PeakRssBytes > bounds.Memory)
                violations.Add(new Violation("memory", $"peak RSS {r.PeakRssBytes >> 20} MiB, bound {bounds.Memory >> 20} MiB{(r.Killed is null ? "" : "; " + r.Killed)}"));
        }
        if (run.Killed is not null) return;

        // Exit code and standard error.
        if (run.Exit is not (0 or 1 or 2)) violations.Add(new Violation("exit-code", $"exit {run.Exit}; stderr: {BaseProjects.Preview(run.Stderr)}"));
        List<string> errorLines = ErrorLines(run.Stderr);
        if (StackTrace().IsMatch(run.Stderr) || StackTrace().IsMatch(run.Stdout))
            violations.Add(new Violation("stderr", $"a stack trace: {BaseProjects.Preview(run.Stderr + run.Stdout)}"));
        else if (run.Exit == 2 && (errorLines.Count != 1 || !ErrorLine().IsMatch(errorLines[0])))
            violations.Add(new Violation("stderr", $"exit 2 with {errorLines.Count} line(s) on stderr, expected one 'payrollrecon: …' or 'file: …' line: {BaseProjects.Preview(string.Join(" | ", errorLines))}"));

        // Outputs, records, conservation.
        List<(string Project, string Summary)> summaries = [];
        if (c.Command == "check" && run.Exit is 0 or 1)
        {
            foreach (string name in CheckOutputs)
            {
                if (!File.Exists(Path.Combine(firstOut, name))) violations.Add(new Violation("outputs", $"exit {run.Exit} but no {name}"));
            }
            summaries.Add((project, Path.Combine(firstOut, "summary.json")));
        }
        else if (c.Command == "batch" && Directory.Exists(firstOut))
        {
            if (!File.Exists(Path.Combine(firstOut, "portfolio.csv"))) violations.Add(new Violation("outputs", $"exit {run.Exit} but no portfolio.csv"));
            foreach (string dir in Directory.GetDirectories(firstOut))
            {
                string summary = Path.Combine(dir, "summary.json");
                if (!File.Exists(summary)) continue;
                string code = Code(summary);
                bool mutated = code != ProjectCode(Path.Combine(Path.GetDirectoryName(project)!, "p0", "project.json"));
                summaries.Add((mutated ? project : Path.Combine(Path.GetDirectoryName(project)!, "p0"), summary));
            }
        }
        if (Directory.Exists(firstOut))
        {
            foreach (string tmp in Directory.EnumerateFiles(firstOut, "*.tmp", SearchOption.AllDirectories))
                violations.Add(new Violation("outputs", $"temporary file left behind: {Path.GetRelativePath(firstOut, tmp)}"));
        }
        foreach (var (dir, summary) in summaries)
        {
            if (!File.Exists(summary)) continue;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(summary));
                CheckRecords(c, mutation, dir, doc.RootElement, violations);
                CheckConservation(doc.RootElement, violations);
            }
            catch (JsonException e)
            {
                violations.Add(new Violation("outputs", $"summary.json is not JSON: {e.Message}"));
            }
        }

        // Masking: no roster ID or card number in any output, on stdout or on stderr.
        CheckMasking(runs, firstOut, outDir, secrets, violations);

        // Determinism.
        if (runs.Count == 2) CheckDeterminism(runs[0], runs[1], firstOut, outDir, violations);
    }

    private static string Code(string summaryPath)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        return doc.RootElement.GetProperty("project").GetProperty("code").GetString() ?? "";
    }

    private static string ProjectCode(string projectJson)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(projectJson));
            return doc.RootElement.GetProperty("code").GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>Standard error without batch progress lines (<c>3/3 projects, 0 MB/s, ETA …</c>, timed, so not part of the contract's one line).</summary>
    private static List<string> ErrorLines(string stderr) =>
        [.. stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !Progress().IsMatch(l))];

    /// <summary>The elapsed time batch prints (<c>3 projects checked … in 1.0 s</c>): a measurement, not an output.</summary>
    [GeneratedRegex(@"in \d+(\.\d+)? s\b")]
    private static partial Regex Untimed();

    [GeneratedRegex(@"^\d+/\d+ projects")]
    private static partial Regex Progress();

    /// <summary>The one line of a run that stops: <c>payrollrecon: …</c> (usage, the file system, a missing file), or an
    /// error of an input starting with the file it names (<c>bank.csv:17: …</c>, <c>GEN-1-0001/bank.xlsx: …</c>,
    /// <c>workers.csv:3 (month 2024-01): …</c>); not the first line of an exception (<c>System.FormatException: …</c>).</summary>
    [GeneratedRegex(@"^(payrollrecon: |(?![\w.]*Exception:)[^\s:]+(:\d+)?( \([^()]*\))?: )")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"(^\s+at \S.*\)|Unhandled exception|^\s*--- End of)", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    /// <summary>Every file's records: header + preamble + rows read (accepted or not) + footer = the records present (R2, R33, R35).</summary>
    private void CheckRecords(FaultCase c, MutationResult mutation, string projectDir, JsonElement summary, List<Violation> violations)
    {
        if (!summary.TryGetProperty("files", out JsonElement files)) return;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement f in files.EnumerateArray())
        {
            string name = f.GetProperty("file").GetString() ?? "";
            listed.Add(name);
            long read = f.GetProperty("rowsRead").GetInt64();
            long rejected = f.GetProperty("rowsRejected").GetInt64();
            long preamble = f.TryGetProperty("preambleRows", out JsonElement p) ? p.GetInt64() : 0;
            long footer = f.TryGetProperty("footerRows", out JsonElement ft) ? ft.GetInt64() : 0;
            long header = f.TryGetProperty("headerLine", out JsonElement h) && h.GetInt64() > 0 ? 1 : 0;
            long accounted = header + preamble + read + footer;
            string sum = $"{header} header + {preamble} preamble + {read} read ({rejected} rejected) + {footer} footer = {accounted}";
            if (rejected > read) violations.Add(new Violation("records", $"{name}: {rejected} rows rejected of {read} read"));
            string path = Path.Combine(projectDir, name);
            // A FIFO or /dev/zero in place of the file cannot be counted (reading it would block or never end).
            if (!File.Exists(path) || (name == c.File && c.Kind.Scope == MutationScope.FileSystem)) continue;
            byte[] bytes = File.ReadAllBytes(path);
            BaseProject owner = projectDir.EndsWith("p0", StringComparison.Ordinal) ? bases.First(b => b.Name != c.Base.Name && b.Name.StartsWith("gen-", StringComparison.Ordinal)) : c.Base;
            RecordCount count = Expected(owner, name, bytes, name == c.File ? mutation.ChangedBytes : 0);
            if (count.Holds(accounted)) continue;
            // A mismatch that only lone CR line ends explain gets its own name, so it can be told from every other.
            bool onlyLoneCr = owner.Format(name) == FileFormat.Csv && RecordCounter.HasLoneCr(bytes) && RecordCounter.CountCsv(bytes, loneCrBreaks: false).Holds(accounted);
            violations.Add(onlyLoneCr
                ? new Violation("records-cr", $"{name}: {sum}, but the file holds {count} records ({count.Why}); {accounted} is the count when a lone CR does not end a record")
                : new Violation("records", $"{name}: {sum}, but the file holds {count} records ({count.Why})"));
        }
        foreach (string f in Directory.EnumerateFileSystemEntries(projectDir).Select(Path.GetFileName).OfType<string>())
        {
            // Every input there (a regular file or not) is read or refused, never passed over in silence.
            if (!listed.Contains(f) && f != "project.json" && BaseProjects.IsInputName(f))
                violations.Add(new Violation("records", $"{f} is in the project folder but not in summary.json's files (exit 0/1): passed over in silence"));
        }
    }

    /// <summary>The records a file holds: exact for CSV; for workbooks, a bound (see README).</summary>
    private RecordCount Expected(BaseProject owner, string name, byte[] bytes, int changedBytes)
    {
        FileFormat format = owner.Format(name);
        if (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K') format = FileFormat.Xlsx;
        switch (format)
        {
            case FileFormat.Csv:
                return RecordCounter.CountCsv(bytes);
            case FileFormat.Html:
                long rows = Regex.Count(Encoding.Latin1.GetString(bytes), "<tr[\\s>]", RegexOptions.IgnoreCase);
                return new RecordCount(1, rows, "an HTML table: at most one record per <tr>");
            default:
                long baseline = Baseline(owner, name);
                return new RecordCount(1, baseline + changedBytes, $"a damaged workbook: at most the {baseline} records of the original plus one per changed byte ({changedBytes})");
        }
    }

    private readonly Dictionary<string, long> _baselines = [];

    private long Baseline(BaseProject owner, string name)
    {
        lock (_baselines)
        {
            string key = owner.Name + "/" + name;
            if (_baselines.TryGetValue(key, out long known)) return known;
            string outDir = Path.Combine(scratch, "baseline-" + owner.Name);
            CliRun run = cli.Run(["check", owner.Dir, "--out", outDir, "--lang", "en"], TimeSpan.FromMinutes(1), 2L << 30);
            if (run.Exit is not (0 or 1)) throw new InvalidOperationException($"the unmutated {owner.Name} does not check (exit {run.Exit}): {run.Stderr}");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "summary.json")));
            foreach (JsonElement f in doc.RootElement.GetProperty("files").EnumerateArray())
            {
                long accounted = (f.GetProperty("headerLine").GetInt64() > 0 ? 1 : 0) + f.GetProperty("preambleRows").GetInt64()
                    + f.GetProperty("rowsRead").GetInt64() + f.GetProperty("footerRows").GetInt64();
                _baselines[owner.Name + "/" + f.GetProperty("file").GetString()] = accounted;
            }
            Directory.Delete(outDir, recursive: true);
            return _baselines.TryGetValue(key, out long value) ? value : 0;
        }
    }

    /// <summary>SPEC §5: Σ debits = wage payments + batches + fees + misuse and Σ credits = refunds + interest + labour funds, to the fen.</summary>
    private static void CheckConservation(JsonElement summary, List<Violation> violations)
    {
        if (!summary.TryGetProperty("conservation", out JsonElement c))
        {
            violations.Add(new Violation("conservation", "summary.json has no conservation section"));
            return;
        }
        long F(string key) => Fen(c.GetProperty(key).GetString() ?? "");
        long debits = F("debits"), credits = F("credits");
        long outSum = checked(F("wagePayments") + F("batches") + F("fees") + F("misuse"));
        long inSum = checked(F("refunds") + F("interest") + F("laborFunds"));
        bool balanced = c.TryGetProperty("balanced", out JsonElement b) && b.ValueKind == JsonValueKind.True;
        if (debits != outSum) violations.Add(new Violation("conservation", $"debits {Yuan(debits)} ≠ wage payments + batches + fees + misuse = {Yuan(outSum)}"));
        if (credits != inSum) violations.Add(new Violation("conservation", $"credits {Yuan(credits)} ≠ refunds + interest + labour funds = {Yuan(inSum)}"));
        if (!balanced) violations.Add(new Violation("conservation", "summary.json says balanced: false"));
    }

    /// <summary>Parses the summary's money text (<c>-1234.50</c>) into fen.</summary>
    internal static long Fen(string yuan)
    {
        bool negative = yuan.StartsWith('-');
        string digits = negative ? yuan[1..] : yuan;
        int dot = digits.IndexOf('.');
        string whole = dot < 0 ? digits : digits[..dot];
        string cents = dot < 0 ? "00" : digits[(dot + 1)..].PadRight(2, '0');
        if (whole.Length == 0 || cents.Length != 2 || !whole.All(char.IsAsciiDigit) || !cents.All(char.IsAsciiDigit))
            throw new FormatException($"not an amount: '{yuan}'");
        long fen = checked(long.Parse(whole, System.Globalization.CultureInfo.InvariantCulture) * 100 + long.Parse(cents, System.Globalization.CultureInfo.InvariantCulture));
        return negative ? -fen : fen;
    }

    private static string Yuan(long fen) => $"{(fen < 0 ? "-" : "")}{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:00}";

    private static void CheckMasking(List<CliRun> runs, string firstOut, string outDir, List<string> secrets, List<Violation> violations)
    {
        if (secrets.Count == 0) return;
        var texts = new List<(string Where, string Text)>
        {
            ("stdout", runs[0].Stdout),
            ("stderr", runs[0].Stderr),
        };
        if (Directory.Exists(firstOut))
        {
            foreach (string f in Directory.EnumerateFiles(firstOut, "*", SearchOption.AllDirectories))
                texts.Add((Path.GetRelativePath(firstOut, f), Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        }
        foreach (var (where, text) in texts)
        {
            string upper = text.ToUpperInvariant();
            var leaked = secrets.Where(s => upper.Contains(s, StringComparison.Ordinal)).ToList();
            if (leaked.Count == 0) continue;
            int at = upper.IndexOf(leaked[0], StringComparison.Ordinal);
            string context = text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), leaked[0].Length + 100)).ReplaceLineEndings(" ");
            // The message names the leaked number masked, so the report itself does not spread it.
            string shown = context.Replace(leaked[0], Mask(leaked[0]), StringComparison.OrdinalIgnoreCase);
            violations.Add(new Violation("masking", $"{where}: {leaked.Count} roster ID/card number(s) unmasked, e.g. {Mask(leaked[0])} in '…{shown}…'"));
        }
    }

    private static string Mask(string value) => value.Length < 14 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    private static void CheckDeterminism(CliRun a, CliRun b, string firstOut, string secondOut, List<Violation> violations)
    {
        var differences = new List<string>();
        if (a.Exit != b.Exit) differences.Add($"exit {a.Exit} then {b.Exit}");
        if (Untimed().Replace(a.Stdout, "in # s") != Untimed().Replace(b.Stdout, "in # s")) differences.Add("stdout");
        if (!ErrorLines(a.Stderr).SequenceEqual(ErrorLines(b.Stderr))) differences.Add("stderr");
        var first = Files(firstOut);
        var second = Files(secondOut);
        foreach (string name in first.Keys.Union(second.Keys).Order(StringComparer.Ordinal))
        {
            if (!first.TryGetValue(name, out byte[]? x) || !second.TryGetValue(name, out byte[]? y)) differences.Add($"{name} written by one run only");
            else if (!x.AsSpan().SequenceEqual(y)) differences.Add($"{name} differs");
        }
        if (differences.Count > 0) violations.Add(new Violation("determinism", $"two runs of the same input differ: {string.Join(", ", differences)}"));
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];
}
