using System.Globalization;

namespace PayrollRecon.FaultInjection;

/// <summary>
/// The fault-injection suite's command line:
/// <c>run [--seconds N] [--cases N] [--kinds a,b] [--seed S] [--jobs J] [--save DIR] [--no-known]</c>,
/// <c>replay KIND SEED</c> (one case, its folder kept), <c>list</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "run" => Run(args[1..]),
                "replay" when args.Length >= 3 => Replay(args[1], Int(args[2], "SEED"), args[3..]),
                "list" => List(),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"fault-injection: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PayrollRecon.FaultInjection run [--seconds N] [--cases N] [--kinds a,b] [--seed S] [--jobs J] [--save DIR] [--no-known]");
        Console.Error.WriteLine("       PayrollRecon.FaultInjection replay KIND SEED [--seed S]");
        Console.Error.WriteLine("       PayrollRecon.FaultInjection list");
        return 2;
    }

    private static int List()
    {
        foreach (Mutation m in MutationCatalog.All) Console.WriteLine($"{m.Name,-24} {m.Scope}");
        return 0;
    }

    private static int Run(string[] args)
    {
        double seconds = 0;
        int cases = 1;
        int seed = 1;
        int jobs = Math.Min(2, Environment.ProcessorCount);
        string? save = null;
        bool useKnown = true;
        IReadOnlyList<Mutation> kinds = MutationCatalog.All;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cases": cases = Int(Next(), "--cases"); break;
                case "--seed": seed = Int(Next(), "--seed"); break;
                case "--jobs": jobs = Int(Next(), "--jobs"); break;
                case "--save": save = Path.GetFullPath(Next()); break;
                case "--no-known": useKnown = false; break;
                case "--kinds": kinds = [.. Next().Split(',').Select(MutationCatalog.Get)]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        using FaultSuite suite = FaultSuite.Create(new FaultOptions(seed, jobs, save, Bounds.Default), useKnown);
        Console.WriteLine($"fault injection: CLI {suite.Cli.Display}; {suite.Bases.Count} base projects; seed {seed}; {(seconds > 0 ? $"{seconds:0} s" : $"{cases} case(s) per kind")}; {jobs} job(s)");
        TimeSpan perKind = TimeSpan.FromSeconds(seconds / kinds.Count);
        foreach (Mutation kind in kinds)
        {
            suite.RunKind(kind, perKind, minCases: seconds > 0 ? 1 : cases, maxCases: seconds > 0 ? int.MaxValue : cases, r =>
            {
                if (r.Violations.Count == 0) return;
                lock (suite) Console.Write(r.Describe());
            });
        }
        string report = suite.Report();
        Console.WriteLine(report);
        return suite.Results.Any(r => r.Violations.Count > 0 && !r.OnlyKnown) ? 1 : 0;
    }

    private static int Replay(string kindName, int caseSeed, string[] args)
    {
        Mutation kind = MutationCatalog.Get(kindName);
        // The replay's scratch folder is kept under out/, so the mutated project and its outputs can be looked at.
        string scratch = Path.Combine(FaultSuite.FindRepoRoot(), "out", "fault-injection", "replay");
        using FaultSuite suite = FaultSuite.Create(new FaultOptions(1, 1, null, Bounds.Default), useKnown: !args.Contains("--no-known"), scratch);
        CaseResult r = suite.RunCase(kind, caseSeed, keep: true);
        string kept = suite.CaseFolder(r.Case);
        Console.WriteLine(r.Violations.Count == 0 ? $"PASS {r.Case.Id}\n  mutation: {r.Mutation}" : r.Describe().TrimEnd());
        foreach (CliRun run in r.Runs)
            Console.WriteLine($"  run: exit {run.Exit}, {run.Wall.TotalSeconds:0.00} s, peak {run.PeakRssBytes / 1048576.0:0.0} MiB{(run.Killed is null ? "" : ", " + run.Killed)}; stderr: {BaseProjects.Preview(run.Stderr.Trim(), 400)}");
        Console.WriteLine($"  mutated project and outputs: {kept}");
        return r.Violations.Count > 0 && !r.OnlyKnown ? 1 : 0;
    }

    private static int Int(string text, string what) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new ArgumentException($"{what}: not a number '{text}'");
}
