using BenchmarkDotNet.Attributes;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>bank.csv (UTF-8, layout A) parsed to typed values: date-time, direction, amount, balance, text fields.</summary>
[Config(typeof(BenchmarkConfig))]
[InputFile("bank.csv")]
public class BankTypedBenchmarks
{
    private readonly string _path = Path.Combine(BenchmarkInputs.Folder, "bank.csv");

    [GlobalSetup]
    public void Setup() => BenchmarkInputs.EnsureCreated();

    [Benchmark(Baseline = true, Description = "CsvHelper 34")]
    public long CsvHelper34() => CsvHelperScenarios.BankTyped(_path).Checksum;

    [Benchmark(Description = "PayrollRecon")]
    public long PayrollRecon() => OursScenarios.BankTyped(_path).Checksum;
}
