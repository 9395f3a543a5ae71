using PayrollRecon.Benchmarks.Inputs;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>One input read by ours and by the baseline (CsvHelper 34), with the target ours should reach, and by the extra baselines.</summary>
internal sealed record Scenario(string Name, Func<string> Path, Func<string, ParseResult> Ours, Func<string, ParseResult> Baseline, string Target)
{
    /// <summary>Other CSV libraries read the same input the same way (same field parsers, same checksum): Sep 0.18 and Sylvan.Data.Csv 1.4.</summary>
    public IReadOnlyList<(string Library, Func<string, ParseResult> Run)> Extra { get; init; } = [];

    /// <summary>All scenarios, in the order the tables show them.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("bank typed (UTF-8)", () => BenchmarkInputs.BankPath, OursScenarios.BankTyped, CsvHelperScenarios.BankTyped,
            "≥ 1.2× CsvHelper, aim ≥ 1300 MB/s")
        {
            Extra = [("Sep 0.18", SepScenarios.BankTyped), ("Sylvan.Data.Csv 1.4", SylvanScenarios.BankTyped)],
        },
        new("attendance typed", () => BenchmarkInputs.AttendancePath, OursScenarios.AttendanceTyped, CsvHelperScenarios.AttendanceTyped,
            "≥ 1500 MB/s")
        {
            Extra = [("Sep 0.18", SepScenarios.AttendanceTyped), ("Sylvan.Data.Csv 1.4", SylvanScenarios.AttendanceTyped)],
        },
        new("bank typed (GB18030)", () => BenchmarkInputs.BankGb18030Path, OursScenarios.BankTyped, CsvHelperScenarios.BankGb18030Typed,
            "≥ 400 MB/s")
        {
            Extra = [("Sep 0.18", SepScenarios.BankGb18030Typed), ("Sylvan.Data.Csv 1.4", SylvanScenarios.BankGb18030Typed)],
        },
        new("bank tokenize only", () => BenchmarkInputs.BankPath, OursScenarios.Tokenize, CsvHelperScenarios.Tokenize, "—")
        {
            Extra = [("Sep 0.18", SepScenarios.Tokenize), ("Sylvan.Data.Csv 1.4", SylvanScenarios.Tokenize)],
        },
        // The CSV core with the baseline's conversion loop instead of BankReader: against "bank typed", what the typed reader layer costs.
        new("bank core + baseline's loop", () => BenchmarkInputs.BankPath, OursScenarios.BankCoreWithHandLoop, CsvHelperScenarios.BankTyped, "—"),
        new("attendance tokenize only", () => BenchmarkInputs.AttendancePath, OursScenarios.Tokenize, CsvHelperScenarios.Tokenize, "—")
        {
            Extra = [("Sep 0.18", SepScenarios.Tokenize), ("Sylvan.Data.Csv 1.4", SylvanScenarios.Tokenize)],
        },
    ];
}
