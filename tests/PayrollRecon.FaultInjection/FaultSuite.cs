using System.Diagnostics;
using System.Text;

namespace PayrollRecon.FaultInjection;

/// <summary>Settings of a suite run.</summary>
/// <param name="Seed">The suite seed: case i of a kind has seed <c>Seed × 1,000,000 + i</c>.</param>
/// <param name="Jobs">Cases run at once.</param>
/// <param name="SaveDir">Where failing inputs are saved for triage (null: not saved).</param>
/// <param name="Bounds">Per-run time and memory bounds.</param>
public sealed record FaultOptions(int Seed, int Jobs, string? SaveDir, Bounds Bounds);

/// <summary>The fault-injection suite: base projects, the CLI, the runner and the running report.</summary>
public sealed class FaultSuite : IDisposable
{
    private readonly CaseRunner _runner;
    private readonly FaultOptions _options;
    private readonly string _scratch;
    private readonly List<CaseResult> _results = [];
    private int _saved;

    private readonly bool _keepScratch;

    private FaultSuite(string repoRoot, FaultOptions options, KnownFailures known, string? scratch)
    {
        RepoRoot = repoRoot;
        _options = options;
        Known = known;
        _keepScratch = scratch is not null;
        _scratch = scratch ?? Path.Combine(Path.GetTempPath(), $"payrollrecon-fault-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(_scratch);
        Cli = CliProcess.Locate(repoRoot);
        Bases = BaseProjects.Build(repoRoot, _scratch, Cli);
        _runner = new CaseRunner(Cli, _scratch, options.Bounds, known, Bases);
    }

    /// <summary>The repository root.</summary>
    public string RepoRoot { get; }

    /// <summary>The CLI under test.</summary>
    public CliProcess Cli { get; }

    /// <summary>The base projects.</summary>
    public IReadOnlyList<BaseProject> Bases { get; }

    /// <summary>The known failures in force.</summary>
    public KnownFailures Known { get; }

    /// <summary>Every case run so far.</summary>
    public IReadOnlyList<CaseResult> Results
    {
        get
        {
            lock (_results) return [.. _results];
        }
    }

    /// <summary>The path of the committed known-failures list.</summary>
    public static string KnownFailuresPath(string repoRoot) => Path.Combine(repoRoot, "tests", "PayrollRecon.FaultInjection", "known-failures.txt");

    /// <summary>Builds the suite (generates the base projects) for the repository above the current assembly.</summary>
    /// <remarks>With <paramref name="scratch"/> the work folders go there and are kept; otherwise into a temporary folder removed on dispose.</remarks>
    public static FaultSuite Create(FaultOptions options, bool useKnown = true, string? scratch = null)
    {
        string root = FindRepoRoot();
        return new FaultSuite(root, options, useKnown ? KnownFailures.Load(KnownFailuresPath(root)) : KnownFailures.None, scratch);
    }

    /// <summary>The folder holding PayrollRecon.sln, above the working directory or this assembly.</summary>
    public static string FindRepoRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PayrollRecon.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("PayrollRecon.sln not found above " + Environment.CurrentDirectory);
    }

    /// <summary>The seed of case <paramref name="index"/>.</summary>
    public int SeedOf(int index) => checked(_options.Seed * 1_000_000 + index);

    /// <summary>Runs cases of one kind until <paramref name="budget"/> is spent (at least <paramref name="minCases"/>, at most <paramref name="maxCases"/>).</summary>
    public IReadOnlyList<CaseResult> RunKind(Mutation kind, TimeSpan budget, int minCases, int maxCases, Action<CaseResult>? onResult = null)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<CaseResult>();
        int next = -1;
        void Worker()
        {
            while (true)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= maxCases || (i >= minCases && clock.Elapsed >= budget)) return;
                CaseResult r = RunCase(kind, SeedOf(i));
                lock (results) results.Add(r);
                onResult?.Invoke(r);
            }
        }
        Task[] workers = [.. Enumerable.Range(0, Math.Max(1, _options.Jobs)).Select(_ => Task.Run(Worker))];
        Task.WaitAll(workers);
        return [.. results.OrderBy(r => r.Case.Seed)];
    }

    /// <summary>Runs one case (and saves it when it fails and a save folder is set).</summary>
    public CaseResult RunCase(Mutation kind, int seed, bool keep = false)
    {
        FaultCase c = FaultCase.Plan(kind, seed, Bases);
        CaseResult result = _runner.Run(c, keep);
        lock (_results) _results.Add(result);
        if (result.Violations.Count > 0 && _options.SaveDir is { } save && Interlocked.Increment(ref _saved) <= 200)
        {
            CaseRunner.Save(result, save);
        }
        return result;
    }

    /// <summary>The folder a kept case was run in.</summary>
    public string CaseFolder(FaultCase c) => Path.Combine(_scratch, "cases", $"{c.Kind.Name}-{c.Seed}");

    /// <summary>The report of every case run so far: totals, per kind, failures with their replay commands, known failures, bounds measured.</summary>
    public string Report()
    {
        List<CaseResult> all = [.. Results.OrderBy(r => KindOrder(r.Case.Kind.Name)).ThenBy(r => r.Case.Seed)];
        var sb = new StringBuilder();
        int failed = all.Count(r => r.Violations.Count > 0 && !r.OnlyKnown);
        int known = all.Count(r => r.Violations.Count > 0 && r.OnlyKnown);
        int passed = all.Count - failed - known;
        int runs = all.Sum(r => r.Runs.Count);
        sb.AppendLine($"fault injection: {all.Count} mutated inputs over {all.Select(r => r.Case.Kind.Name).Distinct().Count()} mutation kinds, {runs} CLI runs: {passed} passed, {failed} failed, {known} known failures");
        var runsWithCase = all.SelectMany(r => r.Runs.Select(run => (Run: run, r.Case))).ToList();
        if (runsWithCase.Count > 0)
        {
            var slowest = runsWithCase.MaxBy(x => x.Run.Wall);
            var biggest = runsWithCase.MaxBy(x => x.Run.PeakRssBytes);
            sb.AppendLine($"  worst time {slowest.Run.Wall.TotalSeconds:0.00} s ({slowest.Case.Id}); peak memory {biggest.Run.PeakRssBytes / 1048576.0:0.0} MiB ({biggest.Case.Id}); bounds {_options.Bounds.Time.TotalSeconds:0} s, {_options.Bounds.Memory >> 20} MiB per run");
            var finished = runsWithCase.Where(x => x.Run.Killed is null).ToList();
            if (finished.Count > 0 && finished.Count < runsWithCase.Count)
            {
                var slowestFinished = finished.MaxBy(x => x.Run.Wall);
                sb.AppendLine($"  slowest run that finished: {slowestFinished.Run.Wall.TotalSeconds:0.00} s ({slowestFinished.Case.Id}); {runsWithCase.Count - finished.Count} run(s) killed at the time bound");
            }
        }
        sb.AppendLine("  per kind (cases: passed / failed / known; inputs damaged):");
        foreach (var g in all.GroupBy(r => r.Case.Kind.Name))
        {
            int f = g.Count(r => r.Violations.Count > 0 && !r.OnlyKnown);
            int k = g.Count(r => r.Violations.Count > 0 && r.OnlyKnown);
            string inputs = string.Join(" ", g.Select(r => BaseProject.InputKind(r.Case.File)).Distinct().Order(StringComparer.Ordinal));
            sb.AppendLine($"    {g.Key,-24} {g.Count(),4}: {g.Count() - f - k,4} / {f,3} / {k,3}   {inputs}");
        }
        var failures = all.Where(r => r.Violations.Count > 0 && !r.OnlyKnown).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine("  failures by kind and invariant (seeds):");
            foreach (var g in failures.SelectMany(r => r.Violations.Where(v => v.Known is null).Select(v => (r.Case, v.Invariant))).GroupBy(x => (x.Case.Kind.Name, x.Invariant)))
                sb.AppendLine($"    {g.Key.Name} {g.Key.Invariant}: {g.Count()} ({string.Join(", ", g.Select(x => x.Case.Seed).Distinct().Take(10))})");
            sb.AppendLine("  new failures:");
            foreach (CaseResult r in failures.Take(40)) sb.Append(Indent(r.Describe(), "    "));
            if (failures.Count > 40) sb.AppendLine($"    … and {failures.Count - 40} more");
        }
        var knownSeen = all.SelectMany(r => r.Violations.Where(v => v.Known is not null).Select(v => (r.Case, v))).ToList();
        if (knownSeen.Count > 0)
        {
            sb.AppendLine("  known failures seen (known-failures.txt):");
            foreach (var g in knownSeen.GroupBy(x => x.v.Known))
            {
                var example = g.First();
                sb.AppendLine($"    {g.Key}");
                sb.AppendLine($"      {g.Select(x => x.Case.Seed).Distinct().Count()} case(s), e.g. {example.Case.Id}: {example.v.Invariant}: {BaseProjects.Preview(example.v.Message, 200)}");
                sb.AppendLine($"      replay: {example.Case.ReplayCommand}");
            }
        }
        var unused = Known.Entries.Where(e => !knownSeen.Any(x => x.v.Known!.StartsWith($"known-failures.txt:{e.Line}:", StringComparison.Ordinal))).ToList();
        var tried = all.Select(r => r.Case.Kind.Name).ToHashSet();
        foreach (KnownFailure e in unused.Where(e => e.Kind == "*" || tried.Contains(e.Kind)))
            sb.AppendLine($"  known-failures.txt:{e.Line} did not fail in this run ({e}): delete the line once its fix has landed");
        return sb.ToString();
    }

    private static int KindOrder(string name)
    {
        for (int i = 0; i < MutationCatalog.All.Count; i++)
        {
            if (MutationCatalog.All[i].Name == name) return i;
        }
        return int.MaxValue;
    }

    private static string Indent(string text, string prefix) =>
        string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => prefix + l + "\n"));

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose()
    {
        if (_keepScratch) return;
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
