using BenchmarkDotNet.Attributes;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>attendance.csv split into fields only (the CSV core), nothing converted.</summary>
[Config(typeof(BenchmarkConfig))]
[InputFile("attendance.csv")]
public class AttendanceTokenizeBenchmarks
{
    private readonly string _path = Path.Combine(BenchmarkInputs.Folder, "attendance.csv");

    [GlobalSetup]
    public void Setup() => BenchmarkInputs.EnsureCreated();

    [Benchmark(Baseline = true, Description = "CsvHelper 34")]
    public long CsvHelper34() => CsvHelperScenarios.Tokenize(_path).Checksum;

    [Benchmark(Description = "PayrollRecon")]
    public long PayrollRecon() => OursScenarios.Tokenize(_path).Checksum;
}
