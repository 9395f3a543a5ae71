using System.Text.Json;

using PayrollRecon.Tests.Batch;
using PayrollRecon.Tests.Golden;

namespace PayrollRecon.Tests.FollowUp;

/// <summary>
/// <c>fixtures/followup/</c>: one project over four monthly runs (SPEC §7). Each run is replayed with the previous run's
/// output folder, through <c>check --previous</c> and through <c>batch --previous</c>; the statuses, rulings and
/// resolved ids must be the committed ones, whose ids were computed by the fixture's generator from the spec's formula.
/// </summary>
public sealed class FollowUpFixtureTests
{
    private static readonly string[] Runs =
        [.. Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "followup")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>new / open / reopened / waived / resolved per run, as the story of the fixture has them.</summary>
    private static readonly (int New, int Open, int Reopened, int Waived, int Resolved)[] Figures =
        [(4, 0, 0, 0, 0), (1, 3, 0, 1, 0), (2, 1, 0, 1, 3), (0, 1, 2, 1, 2)];

    [Fact]
    public void Check_MonthlyRunsWithPrevious_StatusesRulingsAndResolvedAsExpected()
    {
        using var folder = new BatchFolder();
        Assert.Equal(4, Runs.Length);
        string? previous = null;
        for (int i = 0; i < Runs.Length; i++)
        {
            string input = Path.Combine(RepoPaths.Fixtures, "followup", Runs[i]);
            string output = folder.Out(Runs[i]);
            string[] args = previous is null
                ? ["check", input, "--out", output]
                : ["check", input, "--out", output, "--previous", previous];
            var (exit, error) = BatchFolder.Run(args);
            Assert.True(exit == 0, error);
            AssertRun(input, output, i);
            previous = output;
        }
    }

    [Fact]
    public void Batch_MonthlyRunsWithPrevious_SameFindingsAsCheck()
    {
        using var folder = new BatchFolder();
        string? previousBatch = null;
        string? previousCheck = null;
        for (int i = 0; i < Runs.Length; i++)
        {
            string input = Path.Combine(RepoPaths.Fixtures, "followup", Runs[i]);
            // A batch root holds the month's project folder alone (the four runs share one project code).
            string root = folder.Out("root-" + i);
            CopyFolder(input, Path.Combine(root, "FU"));
            string batchOut = folder.Out("batch-" + i);
            string checkOut = folder.Out("check-" + i);
            string[] batchArgs = previousBatch is null
                ? ["batch", root, "--out", batchOut, "--jobs", "1"]
                : ["batch", root, "--out", batchOut, "--jobs", "1", "--previous", previousBatch];
            var (exit, error) = BatchFolder.Run(batchArgs);
            Assert.True(exit == 0, error);
            string[] checkArgs = previousCheck is null
                ? ["check", input, "--out", checkOut]
                : ["check", input, "--out", checkOut, "--previous", previousCheck];
            Assert.Equal(0, BatchFolder.Run(checkArgs).Exit);

            string project = Path.Combine(batchOut, "FU-2024-0001");
            AssertRun(input, project, i);
            foreach (var name in new[] { "findings.csv", "history.csv", "resolved.csv", "summary.json" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(checkOut, name)), File.ReadAllBytes(Path.Combine(project, name)));

            var portfolio = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(batchOut, "portfolio.csv")));
            var row = Assert.Single(portfolio);
            var f = Figures[i];
            Assert.Equal((f.New, f.Open, f.Reopened, f.Resolved, f.Waived),
                (int.Parse(row["new"]), int.Parse(row["open"]), int.Parse(row["reopened"]), int.Parse(row["resolved"]), int.Parse(row["waived"])));
            Assert.Equal(Runs[i][^10..], row["as_of"]);
            previousBatch = batchOut;
            previousCheck = checkOut;
        }

        // The oldest open finding of the last run was first seen in the first run: 2024-03-01 to 2024-06-01.
        var last = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(previousBatch!, "portfolio.csv")))[0];
        Assert.Equal("92", last["oldest_open_days"]);
        Assert.Equal("UNPAID=1/6000.00;HEADCOUNT_MISMATCH=1", last["top_codes"]);
        string html = File.ReadAllText(Path.Combine(previousBatch!, "portfolio.html"));
        Assert.Contains("<b id=\"as-of\"><time datetime=\"2024-06-01\">2024-06-01</time></b>", html);
        Assert.Contains("href=\"FU-2024-0001/report.html\"", html);
    }

    private static void AssertRun(string input, string output, int run)
    {
        var findings = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(output, "findings.csv")));
        var expected = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(input, "expected-statuses.csv")));
        string[] columns = ["finding_id", "code", "worker_id", "period", "status", "ruling"];
        Assert.Equal(Keys(expected, columns), Keys(findings, columns));

        var resolved = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(output, "resolved.csv")));
        var expectedResolved = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(input, "expected-resolved.csv")));
        Assert.Equal(Keys(expectedResolved, ["id"]), Keys(resolved, ["id"]));

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var byStatus = summary.RootElement.GetProperty("counts").GetProperty("byStatus");
        var f = Figures[run];
        Assert.Equal((f.New, f.Open, f.Reopened, f.Waived, f.Resolved), (
            byStatus.GetProperty("new").GetInt32(), byStatus.GetProperty("open").GetInt32(), byStatus.GetProperty("reopened").GetInt32(),
            byStatus.GetProperty("waived").GetInt32(), byStatus.GetProperty("resolved").GetInt32()));
        Assert.Equal(f.Resolved, summary.RootElement.GetProperty("followUp").GetProperty("resolved").GetArrayLength());

        // history.csv carries every id ever seen, so the next run needs only this folder.
        var history = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(output, "history.csv")));
        foreach (var r in findings) Assert.Contains(history, h => h["id"] == r["finding_id"] && h["status"] == r["status"]);
        foreach (var r in resolved) Assert.Contains(history, h => h["id"] == r["id"] && h["status"] == "resolved");

        string report = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var r in findings) Assert.Contains($"data-status=\"{r["status"]}\" data-id=\"{r["finding_id"]}\"", report);
        foreach (var r in resolved) Assert.Contains($"<tr class=\"resolved\" data-id=\"{r["id"]}\">", report);
    }

    private static List<string> Keys(List<Dictionary<string, string>> rows, string[] columns) =>
        rows.Select(r => string.Join(",", columns.Select(c => r[c]))).Order(StringComparer.Ordinal).ToList();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
