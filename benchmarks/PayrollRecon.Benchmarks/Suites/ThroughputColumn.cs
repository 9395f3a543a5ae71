using System.Globalization;
using System.Reflection;

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

using PayrollRecon.Benchmarks.Inputs;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>MB/s of the input file (10^6 bytes as stored) from the mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => "Throughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Input megabytes (10^6 bytes of the file as stored) per second, from the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "NA";
        if (benchmarkCase.Descriptor.Type.GetCustomAttribute<InputFileAttribute>() is not { } input) return "NA";
        long bytes = new FileInfo(Path.Combine(BenchmarkInputs.Folder, input.FileName)).Length;
        return (bytes / 1e6 / (stats.Mean / 1e9)).ToString("F0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
