using BenchmarkDotNet.Attributes;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>attendance.csv parsed to typed values: id number, punch date-time, direction.</summary>
[Config(typeof(BenchmarkConfig))]
[InputFile("attendance.csv")]
public class AttendanceTypedBenchmarks
{
    private readonly string _path = Path.Combine(BenchmarkInputs.Folder, "attendance.csv");

    [GlobalSetup]
    public void Setup() => BenchmarkInputs.EnsureCreated();

    [Benchmark(Baseline = true, Description = "CsvHelper 34")]
    public long CsvHelper34() => CsvHelperScenarios.AttendanceTyped(_path).Checksum;

    [Benchmark(Description = "PayrollRecon")]
    public long PayrollRecon() => OursScenarios.AttendanceTyped(_path).Checksum;
}
