using System.CommandLine;
using PayrollRecon.Generation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon generate &lt;out-dir&gt;</c>: write synthetic projects with planted defects and their expected findings.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var outDir = new Argument<string>("out-dir") { Description = "Folder to write the projects into (one sub-folder per project)." };
        var projects = new Option<int>("--projects") { Description = "Number of projects.", DefaultValueFactory = _ => 1 };
        var workers = new Option<int>("--workers") { Description = "Workers per project.", DefaultValueFactory = _ => 50 };
        var months = new Option<int>("--months") { Description = "Months of attendance and payments.", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same bytes.", DefaultValueFactory = _ => 1 };
        var defectRate = new Option<double>("--defect-rate") { Description = "Share of workers given a planted defect (0..1).", DefaultValueFactory = _ => 0.05 };
        var chinese = new Option<bool>("--chinese-headers") { Description = "Use the Chinese column names." };
        var gb = new Option<bool>("--gb18030") { Description = "Encode the CSV files in GB18030." };
        var layoutB = new Option<bool>("--bank-layout-b") { Description = "Bank statement with separate debit and credit columns." };
        var crlf = new Option<bool>("--crlf") { Description = "CRLF line ends." };
        var attendanceOrder = new Option<string>("--attendance-order")
        {
            Description = "Order of attendance punches: time (all workers interleaved, as devices export them) or worker (grouped by worker).",
            DefaultValueFactory = _ => "time",
        };
        attendanceOrder.AcceptOnlyFromAmong("time", "worker");
        var lang = CommonOptions.NewLang();
        var command = new Command("generate", "Write realistic synthetic projects with planted defects and expected-findings.csv.")
        {
            outDir, projects, workers, months, seed, defectRate, chinese, gb, layoutB, crlf, attendanceOrder, lang,
        };
        command.SetAction((parsed, ct) =>
        {
            var options = new GeneratorOptions
            {
                Projects = InRange(parsed.GetValue(projects), "--projects", MaxProjects),
                Workers = InRange(parsed.GetValue(workers), "--workers", MaxWorkers),
                Months = InRange(parsed.GetValue(months), "--months", MaxMonths),
                Seed = parsed.GetValue(seed),
                DefectRate = Rate(parsed.GetValue(defectRate)),
                ChineseHeaders = parsed.GetValue(chinese),
                Gb18030 = parsed.GetValue(gb),
                BankLayoutB = parsed.GetValue(layoutB),
                Crlf = parsed.GetValue(crlf),
                AttendanceOrder = parsed.GetValue(attendanceOrder) == "worker" ? AttendanceOrder.Worker : AttendanceOrder.Time,
            };
            string target = parsed.GetRequiredValue(outDir);
            if (File.Exists(target)) throw new CliException(MessageKey.GenerateOutIsFile, target);
            var result = ProjectGenerator.Generate(target, options, ct);
            double seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
            var language = parsed.GetValue(lang) == "en" ? ReportLanguage.En : ReportLanguage.Zh;
            parsed.InvocationConfiguration.Output.WriteLine(new LocalizedText(MessageKey.GenerateSummary, LocalizedText.Count(result.Projects.Count, MessageKey.ProjectCountOne, MessageKey.ProjectCount), BatchProgress.Size(result.Bytes), seconds, BatchProgress.Size(result.Bytes / seconds)).Render(language));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static double Rate(double rate) =>
        rate is >= 0 and <= 1 ? rate : throw new CliException(MessageKey.DefectRateRange, rate);

    /// <summary>Most projects, workers per project and months one run generates (README; the generator's own limits).</summary>
    internal const int MaxProjects = 100_000, MaxWorkers = 1_000_000, MaxMonths = 240;

    private static int InRange(int value, string name, int max) =>
        value is >= 1 && value <= max ? value : throw new CliException(MessageKey.OptionRange, name, max, value);
}
