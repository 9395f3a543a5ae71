using System.Globalization;
using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.FollowUp;

/// <summary>A previous run's history as the follow-up holds it: its row cap (lowered so the inputs stay small) and a long
/// history read and carried on whole.</summary>
public sealed class HistoryLimitTests
{
    private const string HistoryHeader = "id,code,severity,worker_id,period,first_seen,last_seen,resolved_on,runs_open,status\n";
    private const string FindingsHeader =
        "code,severity,project,employer,worker_id,worker_name,id_number,period,amount,expected,actual,due_date,event_date,days,txn_ids,source,message,status,first_seen,runs_open,ruling,finding_id\n";
    private static readonly DateOnly AsOf = new(2024, 4, 1);

    private static MemoryStream Summary(int findings) =>
        Utf8($$"""{ "project": { "code": "T-0001" }, "asOf": "2024-04-01", "counts": { "findings": {{findings}} } }""");

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Id(int n) => ((ulong)n * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture);

    private static string HistoryRows(int count)
    {
        var csv = new StringBuilder(HistoryHeader);
        for (int i = 0; i < count; i++) csv.Append(Id(i)).Append(",UNPAID,red,W").Append(i % 7).Append(",2024-01,2024-02-01,2024-04-01,,2,open\n");
        return csv.ToString();
    }

    private static PreviousRun Read(Stream summary, Stream? history, Stream? findings, int rowLimit) =>
        PreviousRun.Read("previous run out/prev", new LocalizedText(MessageKey.PreviousRunLabel, "out/prev"), summary, history, findings, rowLimit);

    [Fact]
    public void MaxHistoryRows_IsTheDocumentedCap()
    {
        Assert.Equal(1_000_000, PreviousRun.MaxHistoryRows);
    }

    [Fact]
    public void Read_HistoryOneRowPastTheCap_OneLineNamingFileLineAndCap()
    {
        var error = Assert.Throws<PayrollDataException>(() => Read(Summary(4), Utf8(HistoryRows(4)), null, rowLimit: 3));

        Assert.Equal("previous run out/prev: history.csv:5: more than 3 finding ids; a run's history holds at most 3", error.Message);
        Assert.Equal("上次运行 out/prev 的 history.csv:5: 问题编号超过 3 个；一次运行的历史最多 3 个", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void Read_FindingsCsvOneRowPastTheCap_OneLineNamingFileLineAndCap()
    {
        var csv = new StringBuilder(FindingsHeader);
        for (int i = 0; i < 3; i++) csv.Append("UNPAID,red,T-0001,甲劳务,W1,张三,,2024-01,,,,,,,,,message,open,2024-02-01,2,,").Append(Id(i)).Append('\n');

        var error = Assert.Throws<PayrollDataException>(() => Read(Summary(3), null, Utf8(csv.ToString()), rowLimit: 2));

        Assert.Equal("previous run out/prev: findings.csv:4: more than 2 finding ids; a run's history holds at most 2", error.Message);
        Assert.Equal("上次运行 out/prev 的 findings.csv:4: 问题编号超过 2 个；一次运行的历史最多 2 个", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void Read_HistoryAtTheCap_Accepted()
    {
        var previous = Read(Summary(3), Utf8(HistoryRows(3)), null, rowLimit: 3);

        Assert.Equal(3, previous.History.Count);
    }

    [Fact]
    public void Apply_FiftyThousandRowHistory_ReadWholeAndCarriedOn()
    {
        // Every fourth row resolved in an earlier run; the others reported by the previous one, two of them reported again now.
        const int rows = 50_000;
        var csv = new StringBuilder(HistoryHeader);
        int reported = 0;
        for (int i = 0; i < rows; i++)
        {
            string worker = "W" + (i % 5_000).ToString("D4", CultureInfo.InvariantCulture);
            if (i % 4 == 3) csv.Append(Id(i)).Append(",LATE,orange,").Append(worker).Append(",2024-01,2024-01-01,2024-02-01,2024-03-01,1,resolved\n");
            else
            {
                csv.Append(Id(i)).Append(",UNPAID,red,").Append(worker).Append(",2024-02,2024-03-01,2024-04-01,,").Append(1 + (i % 3)).Append(",open\n");
                reported++;
            }
        }
        var previous = PreviousRun.Read("out/prev", Summary(reported), Utf8(csv.ToString()), null);
        Assert.Equal(rows, previous.History.Count);
        Assert.Equal(
            new HistoryEntry
            {
                FindingId = Id(7), Code = "LATE", Severity = "orange", WorkerId = "W0007", Period = "2024-01", FirstSeen = new DateOnly(2024, 1, 1),
                LastSeen = new DateOnly(2024, 2, 1), ResolvedOn = new DateOnly(2024, 3, 1), RunsOpen = 1, Status = Statuses.Resolved,
            },
            previous.History[7]);
        Finding[] now =
        [
            new Finding { Code = FindingCode.Unpaid, Severity = Severity.Red, WorkerId = "W0004", FindingId = Id(4) },
            new Finding { Code = FindingCode.Late, Severity = Severity.Orange, WorkerId = "W0011", FindingId = Id(11) },
        ];

        var outcome = FollowUpTracker.Apply("T-0001", new DateOnly(2024, 5, 1), now, [.. now.Select(static f => f.FindingId)], [], previous, static f => [.. f]);

        Assert.Equal(rows, outcome.History.Count);
        Assert.Equal(reported - 1, outcome.Resolved.Count);
        Assert.Equal((FindingStatus.Open, 3), (outcome.Findings[0].Status, outcome.Findings[0].RunsOpen));
        Assert.Equal((FindingStatus.Reopened, 1), (outcome.Findings[1].Status, outcome.Findings[1].RunsOpen));
        Assert.Equal(reported - 1, outcome.History.Count(static e => e.Status == Statuses.Resolved && e.ResolvedOn == new DateOnly(2024, 5, 1)));
        Assert.Equal(rows / 4 - 1, outcome.History.Count(static e => e.Status == Statuses.Resolved && e.ResolvedOn == new DateOnly(2024, 3, 1)));
        var resolved = outcome.Resolved[0];
        Assert.Equal(new ResolvedFinding(resolved.FindingId, "UNPAID", "red", resolved.WorkerId, "2024-02", new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 1), 61), resolved);
        Assert.True(string.CompareOrdinal(resolved.FindingId, outcome.Resolved[1].FindingId) < 0);
    }

    [Fact]
    public void Apply_HostsHistoryWithAnIdOfAnotherForm_ResolvedAndCarriedAsGiven()
    {
        HistoryEntry[] given =
        [
            new() { FindingId = "legacy-7", Code = "UNPAID", Severity = "red", WorkerId = "W1", Period = "2024-01", FirstSeen = new DateOnly(2024, 2, 1), LastSeen = AsOf, RunsOpen = 2, Status = Statuses.Open },
            new() { FindingId = Id(1), Code = "LATE", Severity = "orange", FirstSeen = new DateOnly(2024, 1, 1), LastSeen = new DateOnly(2024, 2, 1), ResolvedOn = new DateOnly(2024, 3, 1), RunsOpen = 1, Status = Statuses.Resolved },
        ];
        var previous = new PreviousRun("host", "T-0001", AsOf, given);
        Assert.Same(given, previous.History);

        var outcome = FollowUpTracker.Apply("T-0001", new DateOnly(2024, 5, 1), [], [], [], previous, static f => [.. f]);

        Assert.Equal([given[1], given[0] with { ResolvedOn = new DateOnly(2024, 5, 1), Status = Statuses.Resolved }], outcome.History);
        Assert.Equal([new ResolvedFinding("legacy-7", "UNPAID", "red", "W1", "2024-01", new DateOnly(2024, 2, 1), new DateOnly(2024, 5, 1), 90)], outcome.Resolved);
    }
}
