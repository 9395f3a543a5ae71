using BenchmarkDotNet.Attributes;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Suites;

/// <summary>bank.csv split into fields only (the CSV core), nothing converted.</summary>
[Config(typeof(BenchmarkConfig))]
[InputFile("bank.csv")]
public class BankTokenizeBenchmarks
{
    private readonly string _path = Path.Combine(BenchmarkInputs.Folder, "bank.csv");

    [GlobalSetup]
    public void Setup() => BenchmarkInputs.EnsureCreated();

    [Benchmark(Baseline = true, Description = "CsvHelper 34")]
    public long CsvHelper34() => CsvHelperScenarios.Tokenize(_path).Checksum;

    [Benchmark(Description = "PayrollRecon")]
    public long PayrollRecon() => OursScenarios.Tokenize(_path).Checksum;
}
