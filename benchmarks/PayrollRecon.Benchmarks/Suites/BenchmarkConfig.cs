using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>
/// A short, in-process job: ours and the baseline run in the same process (as the targets ask), one launch, one
/// warm-up and three measured iterations, with allocations and an MB/s column.
/// </summary>
/// <remarks>In-process also skips generating and building a project per run, which matters on a shared two-core machine.</remarks>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithId("InProcess-3"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn());
        AddColumn(RankColumn.Arabic);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        WithOption(ConfigOptions.JoinSummary, false);
    }
}
