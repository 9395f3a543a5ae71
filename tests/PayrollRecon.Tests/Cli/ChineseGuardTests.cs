using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PayrollRecon.Cli;
using PayrollRecon.Model;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Golden;
using PayrollRecon.Tests.Reading;

using CliMessageCatalog = PayrollRecon.Cli.MessageCatalog;
using CliMessageKey = PayrollRecon.Cli.MessageKey;
using MessageCatalog = PayrollRecon.Reporting.MessageCatalog;
using MessageKey = PayrollRecon.Reporting.MessageKey;

namespace PayrollRecon.Tests.Cli;

/// <summary>
/// Chinese (with <c>--lang zh</c>; the reports' default) everywhere a person reads: every message of the catalogue, and
/// what every command prints and writes when its inputs or its command line are wrong. An English word there is a
/// message that was added, or changed, without its Chinese text.
/// </summary>
public sealed partial class ChineseGuardTests
{
    [Fact]
    public void Catalogue_EveryChineseTemplate_HasNoEnglishWord()
    {
        var english = new List<string>();
        foreach (var key in Enum.GetValues<MessageKey>())
        {
            if (EnglishWords.In(MessageCatalog.Template(key, ReportLanguage.Zh)) is { Count: > 0 } words) english.Add($"{key}: {string.Join(", ", words)}");
        }
        foreach (var key in Enum.GetValues<CliMessageKey>())
        {
            if (EnglishWords.In(CliMessageCatalog.Template(key, ReportLanguage.Zh)) is { Count: > 0 } words) english.Add($"command line {key}: {string.Join(", ", words)}");
        }
        foreach (var reason in Enum.GetValues<DiagnosticReason>().Where(static r => r != DiagnosticReason.Other))
        {
            var d = new Diagnostic("bank.csv", 2, "amount", "x") { Reason = reason, Value = "v" };
            if (EnglishWords.In(MessageCatalog.Line(d, ReportLanguage.Zh)) is { Count: > 0 } words) english.Add($"{reason}: {string.Join(", ", words)}");
        }
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    [Fact]
    public void EnglishWords_FindsEnglishAndLeavesNamesAndValues()
    {
        Assert.Equal(["such", "folder"], EnglishWords.In("payrollrecon: /tmp/x: no such folder"));
        Assert.Equal(["column", "invalid"], EnglishWords.In("bank.csv:4 无法读取：column amount: invalid amount '12.3.4'"));
        Assert.Empty(EnglishWords.In("payrollrecon: project.json: payDay: 应为 1 到 31 之间的整数，实为 '40'（见 'payrollrecon check --help'）DATA_ERROR id_number UTF-8 <project-dir>"));
    }

    /// <summary>Runs a command line with <c>--lang zh</c> (the lines on stderr are English without it); returns what it
    /// printed and the text of what it wrote.</summary>
    private static string Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] chinese = args.Length > 0 && !args[0].StartsWith('-') ? [args[0], "--lang", "zh", .. args[1..]] : [.. args, "--lang", "zh"];
        int exit = Program.Run(Program.BuildRoot(), chinese, error, output);
        Assert.True(exit is 0 or 1 or 2, $"{string.Join(' ', args)}: exit {exit}: {error}");
        var text = new StringBuilder().Append(output).Append(error);
        int at = Array.IndexOf(args, "--out");
        if (at >= 0 && at + 1 < args.Length && Directory.Exists(args[at + 1])) text.Append(WrittenText(args[at + 1]));
        return text.ToString();
    }

    /// <summary>What a person reads of the outputs: the messages of findings.csv, the errors of portfolio.csv, the text of the pages.</summary>
    private static string WrittenText(string outDir)
    {
        var text = new StringBuilder();
        foreach (string file in Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name is "findings.csv" or "portfolio.csv")
            {
                foreach (var row in FixtureTests.ReadCsv(File.ReadAllBytes(file))) text.AppendLine(row.GetValueOrDefault("message") ?? row.GetValueOrDefault("error"));
            }
            else if (name.EndsWith(".html", StringComparison.Ordinal))
            {
                string page = Hidden().Replace(File.ReadAllText(file), " ");
                text.AppendLine(WebUtility.HtmlDecode(Tag().Replace(page, " ")));
            }
        }
        return text.ToString();
    }

    [GeneratedRegex(@"(?s)<style.*?</style>|<script.*?</script>|<svg.*?</svg>")]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    // Not here: no command at all (nothing to say --lang zh to) and --lang fr (not zh): both English on stderr.
    private static readonly string[][] CommandLines =
    [
        ["chek", "x"], ["reconcile"], ["--bogus"], ["check"], ["check", "p", "--bogus"], ["check", "a", "b"], ["merge", "s0"], ["check", "p", "--out"],
        ["check", "p", "--out", "a", "--out", "b"], ["check", "p", "--fail-on", "purple"],
        ["generate", "x", "--projects", "abc"], ["generate", "x", "--defect-rate", "lots"], ["generate", "x", "--defect-rate", "2"],
        ["batch", "r", "--shard", "3/2"], ["batch", "r", "--jobs", "0"], ["inspect"], ["inspect", "/nonexistent/project"], ["generate", "x", "--workers", "0"],
        ["check", "/nonexistent/project", "--as-of", "2024-13-01"], ["merge", "/nonexistent/a", "/nonexistent/b", "--out", "/nonexistent/m"],
    ];

    [Fact]
    public void CommandLine_EveryMistake_Chinese()
    {
        var english = CommandLines.Select(args => (Args: string.Join(' ', args), Words: EnglishWords.In(Run(args)))).Where(static r => r.Words.Count > 0).ToList();
        Assert.Empty(english);
    }

    /// <summary>Damaged inputs of one project, each a file name and its bytes (null: the file is removed).</summary>
    private static readonly (string Case, string File, byte[]? Bytes)[] Damages =
    [
        ("no project folder", "", null),
        ("project.json not JSON", "project.json", U("{\"code\":")),
        ("project.json unknown key", "project.json", U("{\"code\":\"T-1\",\"pyDay\":15}")),
        ("project.json wrong type", "project.json", U("{\"code\":\"T-1\",\"payDay\":true,\"asOf\":\"2024-04-01\"}")),
        ("project.json not UTF-8", "project.json", [.. U("{\"code\":\"X"), 0xC3, .. U("\"}")]),
        ("project.json empty", "project.json", U("")),
        ("no as-of", "project.json", U("{\"code\":\"T-1\"}")),
        ("workers.csv missing", "workers.csv", null),
        ("missing column", "workers.csv", U("worker_id,name\nW1,张三\n")),
        ("header only", "attendance.csv", U("id_number,time\n\n\n")),
        ("bad rows", "bank.csv", U("txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\nT1,2024-01-02 09:00,C,1.2.3,,某建设集团有限公司,41050100000000000009,人工费拨付\nT2,2024-13-02,X,1,,a,b,c\n\"open")),
        ("damaged workbook", "bank.xlsx", WorkbookReaderTests.Damaged("truncated.xlsx")),
        ("encrypted workbook", "bank.xlsx", File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "workbooks", "encrypted-agile.xlsx"))),
        ("html without table", "bank.xls", U("<html><body><p>会话已超时</p></body></html>")),
        ("bad rulings", "rulings.csv", U("finding_id,ruling,reason,reviewer\nnot-an-id,confirmed,,王\n0123456789abcdef,maybe,,王\n0123456789abcdef,false_alarm,,王\n")),
        ("statement of another account", "project.json", U("{\"code\":\"T-1\",\"asOf\":\"2024-04-01\",\"account\":\"41050100000000000001\"}")),
    ];

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void CheckInspectAndBatch_EveryDamagedInput_Chinese()
    {
        var english = new List<string>();
        foreach (var (name, file, bytes) in Damages)
        {
            var files = TempProject.Small();
            using var project = new TempProject(files);
            string dir = project.Dir;
            if (file.Length == 0) dir = project.Path_("missing");
            else if (bytes is null) File.Delete(project.Path_(file));
            else
            {
                if (file.StartsWith("bank.", StringComparison.Ordinal)) File.Delete(project.Path_("bank.csv"));
                File.WriteAllBytes(project.Path_(file), bytes);
            }
            string printed = Run("check", dir, "--out", project.Path_("out"))
                + Run("check", dir, "--out", project.Path_("strict"), "--strict")
                + Run("inspect", dir, "--max-diagnostics", "9");
            if (EnglishWords.In(printed) is { Count: > 0 } words) english.Add($"{name}: {string.Join(", ", words)}");
        }
        using (var root = new TempProject(new Dictionary<string, string>()))
        {
            int n = 0;
            foreach (var (_, file, bytes) in Damages.Where(static d => d.File.Length > 0))
            {
                string dir = root.Path_($"p{++n}");
                Directory.CreateDirectory(dir);
                foreach (var (f, content) in TempProject.Small()) File.WriteAllText(Path.Combine(dir, f), content.Replace("T-0001", $"T-{n}", StringComparison.Ordinal));
                if (bytes is null) File.Delete(Path.Combine(dir, file));
                else
                {
                    if (file.StartsWith("bank.", StringComparison.Ordinal)) File.Delete(Path.Combine(dir, "bank.csv"));
                    File.WriteAllBytes(Path.Combine(dir, file), bytes);
                }
            }
            string out0 = Path.Combine(Path.GetTempPath(), "payrollrecon-test-" + TempProject.UniqueName());
            try
            {
                if (EnglishWords.In(Run("batch", root.Dir, "--out", out0, "--jobs", "1")) is { Count: > 0 } words) english.Add($"batch: {string.Join(", ", words)}");
            }
            finally
            {
                if (Directory.Exists(out0)) Directory.Delete(out0, recursive: true);
            }
        }
        Assert.Empty(english);
    }

    [Fact]
    public void Check_RuleFixturesWithUnreadableRows_Chinese()
    {
        var english = new List<string>();
        foreach (string rule in new[] { "data-error", "bank-layout-b", "quoted-fields", "encoding-gb18030", "newest-first" })
        {
            string outDir = Path.Combine(Path.GetTempPath(), "payrollrecon-test-" + TempProject.UniqueName());
            try
            {
                if (EnglishWords.In(Run("check", Path.Combine(RepoPaths.Fixtures, "rules", rule), "--out", outDir)) is { Count: > 0 } words) english.Add($"{rule}: {string.Join(", ", words)}");
            }
            finally
            {
                if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            }
        }
        Assert.Empty(english);
    }

    [Fact]
    public void PreviousAndMerge_Damaged_Chinese()
    {
        using var project = new TempProject(TempProject.Small());
        string m1 = project.Path_("m1");
        Run("check", project.Dir, "--out", m1);
        File.WriteAllText(Path.Combine(m1, "history.csv"), File.ReadAllLines(Path.Combine(m1, "history.csv"))[0] + "\n0123456789abcdef,UNPAID,red,W2,2024-01,2024-04-01,2024-04-01,,1,gone\n");
        string printed = Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", m1)
            + Run("check", project.Dir, "--out", project.Path_("m3"), "--previous", project.Path_("none"))
            + Run("check", project.Dir, "--out", project.Path_("m4"), "--previous", project.Dir)
            + Run("batch", project.Dir, "--out", project.Path_("b"), "--previous", project.Path_("none"))
            + Run("merge", project.Dir, "--out", project.Path_("merged"))
            + Run("merge", project.Path_("none"), "--out", project.Path_("merged"));
        Assert.Empty(EnglishWords.In(printed));
    }
}
