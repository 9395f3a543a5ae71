using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>One unreadable statement row must not look like five unrelated problems: the findings it may have set off name it.</summary>
public sealed class CausedByTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Fixtures, "sample-project");

    /// <summary>The sample project with bank.csv line 41 (the 110 000.00 labour-fund credit of 2024-03-03) made unreadable.</summary>
    private static ReconciliationResult CheckWithBadLine41(bool makeBad = true)
    {
        var lines = File.ReadAllLines(Path.Combine(Sample, "bank.csv"), Encoding.UTF8);
        Assert.StartsWith("20240303000040,2024-03-03 09:41:00,C,110000.00,", lines[40]);
        if (makeBad) lines[40] = lines[40].Replace("2024-03-03 09:41:00", "2024-02-30 09:41:00", StringComparison.Ordinal);
        static InputSource File_(string name) => InputSource.FromFile(Path.Combine(Sample, name));
        var inputs = new CheckInputs
        {
            Settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(Sample, "project.json"))),
            Workers = File_("workers.csv"),
            Bank = InputSource.FromBytes("bank.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")),
            Attendance = File_("attendance.csv"),
            Payroll = File_("payroll.csv"),
            Batches = File_("batches.csv"),
            Calendar = File_("calendar.csv"),
        };
        return PayrollChecker.Check(inputs, new CheckOptions { AsOf = new DateOnly(2024, 7, 10) });
    }

    [Fact]
    public void CausedBy_UnreadableLabourFundCredit_BreakAndLabourFundFindingsNameTheRow()
    {
        var result = CheckWithBadLine41();
        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError && f.Source == "bank.csv:41");
        Assert.Equal(Model.DiagnosticReason.InvalidDateTime, error.Diagnostic!.Reason);
        Assert.Null(error.CausedBy);

        var brk = Assert.Single(result.Findings, f => f.Code == FindingCode.BalanceBreak);
        Assert.Equal("bank.csv:42", brk.Source);
        Assert.Equal("bank.csv:41", brk.CausedBy);
        var funds = result.Findings.Where(f => f.Code is FindingCode.LaborFundsLate or FindingCode.LaborFundsShort).ToList();
        Assert.Equal(5, funds.Count);
        Assert.All(funds, f => Assert.Equal("bank.csv:41", f.CausedBy));
        // Findings the row cannot have changed keep no link: a debit months later, a repeated transaction, a roster check.
        Assert.All(result.Findings.Where(f => f.Code is FindingCode.NonWageDebit or FindingCode.DuplicateTxn or FindingCode.UnregisteredWorker or FindingCode.AccountMismatch),
            f => Assert.Null(f.CausedBy));
        // A shortfall of May: the missing line (dated between 2024-03-0x and 2024-03-14) cannot be a May payment.
        Assert.Null(Assert.Single(result.Findings, f => f.Code == FindingCode.Shortfall).CausedBy);
    }

    [Fact]
    public void CausedBy_CleanStatement_NoFindingHasACause()
    {
        var result = CheckWithBadLine41(makeBad: false);
        Assert.All(result.Findings, f => Assert.Null(f.CausedBy));
    }

    [Fact]
    public void CausedBy_InFindingsCsvMessageAndReportHtml_BothLanguages()
    {
        var result = CheckWithBadLine41();
        string Csv(ReportLanguage language)
        {
            using var s = new MemoryStream();
            ReportWriter.WriteFindingsCsv(result, s, new ReportOptions { Language = language });
            return Encoding.UTF8.GetString(s.ToArray());
        }
        var en = Csv(ReportLanguage.En);
        Assert.Contains("\"Balance break on 2024-03-14: the previous balance gives 194698.12 yuan, the statement shows 304698.12 yuan (may follow from the unreadable row bank.csv:41).\"", en);
        Assert.Contains("bank.csv:41 could not be read and was skipped: column time: invalid date-time '2024-02-30 09:41:00'.", en);
        // The columns stay those of SPEC §4: the link is in the message, not a column.
        Assert.StartsWith("\uFEFFcode,severity,project,employer,worker_id,worker_name,id_number,period,amount,expected,actual,due_date,event_date,days,txn_ids,source,message,status,first_seen,runs_open,ruling,finding_id\n", en);
        var zh = Csv(ReportLanguage.Zh);
        Assert.Contains("2024-03-14 余额不连续：按上一笔余额推算应为 194698.12 元，流水记载为 304698.12 元（可能由无法读取的 bank.csv:41 行引起）。", zh);
        Assert.Contains("bank.csv:41 无法读取，已跳过：时间（time）列：日期时间无效 '2024-02-30 09:41:00'。", zh);

        using var html = new MemoryStream();
        ReportWriter.WriteReportHtml(result, html, new ReportOptions());
        var page = Encoding.UTF8.GetString(html.ToArray());
        Assert.Matches("data-code=\"DATA_ERROR\" data-status=\"new\" data-id=\"[0-9a-f]{16}\" id=\"row-bank.csv:41\">", page);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(page, "data-caused-by=\"bank.csv:41\"") - CountWageLinks(result));
        Assert.Contains("<small class=\"cause\"><a href=\"#row-bank.csv:41\">← bank.csv:41</a></small>", page);
    }

    private static int CountWageLinks(ReconciliationResult result) =>
        result.Findings.Count(f => f.CausedBy is not null && f.Code is FindingCode.Unpaid or FindingCode.Shortfall or FindingCode.Late);

    [Fact]
    public void CausedBy_WageFindingInTheWindow_Linked()
    {
        // 罗铁柱's March wages are unpaid; the missing line lies in March, so it may have been that payment.
        var result = CheckWithBadLine41();
        var unpaid = Assert.Single(result.Findings, f => f.Code == FindingCode.Unpaid);
        Assert.Equal(new Model.YearMonth(2024, 3), unpaid.Period);
        Assert.Equal("bank.csv:41", unpaid.CausedBy);
    }
}
