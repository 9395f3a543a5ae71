using PayrollRecon.Benchmarks.Inputs;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>One input read by ours and by the baseline, with the target ours should reach.</summary>
internal sealed record Scenario(string Name, Func<string> Path, Func<string, ParseResult> Ours, Func<string, ParseResult> Baseline, string Target)
{
    /// <summary>All scenarios, in the order the tables show them.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("bank typed (UTF-8)", () => BenchmarkInputs.BankPath, OursScenarios.BankTyped, CsvHelperScenarios.BankTyped,
            "≥ 1.2× CsvHelper, aim ≥ 1300 MB/s"),
        new("attendance typed", () => BenchmarkInputs.AttendancePath, OursScenarios.AttendanceTyped, CsvHelperScenarios.AttendanceTyped,
            "≥ 1500 MB/s"),
        new("bank typed (GB18030)", () => BenchmarkInputs.BankGb18030Path, OursScenarios.BankTyped, CsvHelperScenarios.BankGb18030Typed,
            "≥ 400 MB/s"),
        new("bank tokenize only", () => BenchmarkInputs.BankPath, OursScenarios.Tokenize, CsvHelperScenarios.Tokenize, "—"),
        new("attendance tokenize only", () => BenchmarkInputs.AttendancePath, OursScenarios.Tokenize, CsvHelperScenarios.Tokenize, "—"),
    ];
}
