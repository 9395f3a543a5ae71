using BenchmarkDotNet.Attributes;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>bank-gb18030.csv (the same statement in GB18030) parsed to typed values.</summary>
[Config(typeof(BenchmarkConfig))]
[InputFile("bank-gb18030.csv")]
public class BankGb18030TypedBenchmarks
{
    private readonly string _path = Path.Combine(BenchmarkInputs.Folder, "bank-gb18030.csv");

    [GlobalSetup]
    public void Setup() => BenchmarkInputs.EnsureCreated();

    [Benchmark(Baseline = true, Description = "CsvHelper 34")]
    public long CsvHelper34() => CsvHelperScenarios.BankGb18030Typed(_path).Checksum;

    [Benchmark(Description = "PayrollRecon")]
    public long PayrollRecon() => OursScenarios.BankTyped(_path).Checksum;
}
