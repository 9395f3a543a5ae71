using System.Text;

using PayrollRecon.Cli;
using PayrollRecon.Generation;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Generation;

namespace PayrollRecon.Tests.EndToEnd;

/// <summary>
/// Attendance read in parts on several threads (<see cref="CheckOptions.MaxDegreeOfParallelism"/>): every output file
/// is the same, byte for byte, at 1, 2 and 4 threads, and the file really is read in parts where it can be.
/// </summary>
public sealed class ParallelAttendanceTests
{
    private static readonly int[] Threads = [1, 2, 4];

    [Fact]
    public void Check_SampleProject_SameOutputsAtOneTwoAndFourThreads()
    {
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        AssertSameOutputs(inputs, expectParts: true);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public void Check_GeneratedDialects_SameOutputsAtOneTwoAndFourThreads(bool chineseHeaders, bool gb18030, bool crlf)
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions
        {
            Projects = 1, Workers = 60, Months = 4, Seed = 11, DefectRate = 0.3, ChineseHeaders = chineseHeaders, Gb18030 = gb18030, Crlf = crlf,
        });
        AssertSameOutputs(ProjectFolder.Load(g.ProjectDir()), expectParts: true);
    }

    [Fact]
    public void Check_GeneratedDefectsAndBadRowsEverywhere_SameOutputsAtOneTwoAndFourThreads()
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions { Projects = 1, Workers = 60, Months = 4, Seed = 4, DefectRate = 0.6 });
        var inputs = ProjectFolder.Load(g.ProjectDir());
        string[] lines = File.ReadAllText(Path.Combine(g.ProjectDir(), "attendance.csv")).Split('\n');
        var text = new StringBuilder(lines[0]).Append('\n');
        var random = new Random(3);
        // Unreadable rows (more than a file lists, so the count of the rest is merged too), unregistered ids and
        // blank lines all over the file; the real rows keep their order.
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0) text.Append(lines[i]).Append('\n');
            switch (random.Next(12))
            {
                case 0: text.Append("410105199001011234,2024-13-45 07:00:00,进\n"); break;
                case 1: text.Append(",2024-02-01 07:00:00,进\n"); break;
                case 2: text.Append(CultureInfo($"41010519900101{random.Next(1000, 9999)},2024-0{random.Next(1, 5)}-0{random.Next(1, 9)} 0{random.Next(6, 9)}:00:00,进\n")); break;
                case 3: text.Append('\n'); break;
                case 4: text.Append("410105199001011234,2024-02-01 07:00:00,进,extra,fields\n"); break;
                default: break;
            }
        }
        var attendance = InputSource.FromBytes("attendance.csv", Encoding.UTF8.GetBytes(text.ToString()));
        var outputs = AssertSameOutputs(inputs with { Attendance = attendance }, expectParts: true);
        string findings = Encoding.UTF8.GetString(outputs["findings.csv"]);
        Assert.Contains("DATA_ERROR", findings, StringComparison.Ordinal);
        Assert.Contains("UNREGISTERED_WORKER", findings, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_QuoteInAttendance_ReadOnOneThreadWithSameOutputs()
    {
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        string text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"));
        // One quoted field at the end: a quote could hold a line end, so no cut is trusted.
        text = text.TrimEnd('\n') + "\n410303198506130135,2024-06-28 07:00:00,进,\"LY0017,GATE1\"\n";
        var attendance = InputSource.FromBytes("attendance.csv", Encoding.UTF8.GetBytes(text));
        AssertSameOutputs(inputs with { Attendance = attendance }, expectParts: false);
    }

    [Fact]
    public void Check_StrictWithBadRowsInLaterParts_FirstBadRowOfTheFileAtEveryThreadCount()
    {
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        string text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"));
        // The sample's bad row (line 2946 of about 7,400: the second of four parts) and one more in the last part.
        text = text.TrimEnd('\n') + "\n410105199001011234,not a time,进,LY0017-GATE1\n";
        var attendance = InputSource.FromBytes("attendance.csv", Encoding.UTF8.GetBytes(text));
        foreach (int threads in Threads)
        {
            var e = Assert.Throws<PayrollDataException>(() =>
                PayrollChecker.Check(inputs with { Attendance = attendance }, new CheckOptions { Strict = true, MaxDegreeOfParallelism = threads }));
            Assert.Equal("attendance.csv:2946: column time: invalid date-time '2024-03-32 17:22:15'", e.Message);
        }
    }

    [Fact]
    public void Check_BadRowsInEveryFileReadBeside_SameOutputsAtOneTwoAndFourThreads()
    {
        // Payroll, batches and the bank statement are read on another thread while the attendance is read: their
        // unreadable rows (a payroll month past 2199 is the engine's, the others the readers') and the attendance's
        // must come out in the same order and with the same lines as from one reader of every file in turn.
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        var outputs = AssertSameOutputs(inputs with
        {
            Attendance = Appended("attendance.csv", "410105199001011234,2024-13-45 07:00:00,进,LY0017-GATE1\n"),
            Payroll = Appended("payroll.csv", "410322197304100194,何建平,2200-01,20,6600.00,150.00,6450.00\n410322197304100194,何建平,2024-03,x,6600.00,150.00,6450.00\n"),
            Batches = Appended("batches.csv", "DF20240412001,6228480574572186280,王建国,七千,成功,2024年3月工资\n"),
            Bank = Appended("bank.csv", "20240630000099,2024-06-31 00:05:00,D,3.00,185597.00,中国建设银行洛阳分行,,短信服务费,\n"),
        }, expectParts: true);
        string findings = Encoding.UTF8.GetString(outputs["findings.csv"]);
        foreach (string source in new[] { "attendance.csv:7412", "payroll.csv:102", "payroll.csv:103", "batches.csv:18", "bank.csv:184" })
            Assert.Contains(source, findings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true, "attendance.csv:2946: column time: invalid date-time '2024-03-32 17:22:15'")]
    [InlineData(false, true, true, "payroll.csv:102: column period: invalid period '2024-13'")]
    [InlineData(false, false, true, "bank.csv:184: column time: invalid date-time '2024-06-31 00:05:00'")]
    public void Check_StrictWithBadRowsBeside_TheErrorOfAReaderInFileOrderAtEveryThreadCount(bool badAttendance, bool badPayroll, bool badBank, string expected)
    {
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        // The sample's attendance has one bad row (line 2946); without it the first error is in a file read beside.
        string attendance = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"));
        if (!badAttendance) attendance = attendance.Replace("2024-03-32 17:22:15", "2024-03-31 17:22:15", StringComparison.Ordinal);
        inputs = inputs with { Attendance = InputSource.FromBytes("attendance.csv", Encoding.UTF8.GetBytes(attendance)) };
        if (badPayroll) inputs = inputs with { Payroll = Appended("payroll.csv", "410322197304100194,何建平,2024-13,20,6600.00,150.00,6450.00\n") };
        if (badBank) inputs = inputs with { Bank = Appended("bank.csv", "20240630000099,2024-06-31 00:05:00,D,3.00,185597.00,中国建设银行洛阳分行,,短信服务费,\n") };
        foreach (int threads in Threads)
        {
            var e = Assert.Throws<PayrollDataException>(() => PayrollChecker.Check(inputs, new CheckOptions { Strict = true, MaxDegreeOfParallelism = threads }));
            Assert.Equal(expected, e.Message);
        }
    }

    /// <summary>A sample file with <paramref name="rows"/> after its last line.</summary>
    private static InputSource Appended(string name, string rows)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", name));
        return InputSource.FromBytes(name, Encoding.UTF8.GetBytes(text.TrimEnd('\n') + "\n" + rows));
    }

    [Theory]
    [InlineData(0.02, true)]
    [InlineData(0.49, false)]
    public void Check_FirstNonAsciiByteBeforeACut_ReadInPartsOnlyWhenItsEncodingSampleIsWhole(double at, bool expectParts)
    {
        // An ASCII header and directions: the encoding is decided on the 64 KiB after the one Chinese direction. Near the
        // file's start the part holding it holds the whole sample; just before the middle cut it does not, and the file
        // is read on one thread, so that the decision is a single reader's.
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        string[] lines = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"))
            .Replace("进", "in", StringComparison.Ordinal).Replace("出", "out", StringComparison.Ordinal).Split('\n');
        lines[0] = "id_number,time,direction,device";
        int row = (int)(lines.Length * at);
        lines[row] = lines[row].Replace(",in,", ",进,", StringComparison.Ordinal).Replace(",out,", ",出,", StringComparison.Ordinal);
        Assert.Contains(lines[row], static c => c > 0x7F);
        var attendance = InputSource.FromBytes("attendance.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        AssertSameOutputs(inputs with { Attendance = attendance }, expectParts);
    }

    [Fact]
    public void Check_NegativeDegreeOfParallelism_Refused()
    {
        var inputs = ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = -1 }));
        Assert.StartsWith("CheckOptions.MaxDegreeOfParallelism must be from 0 to 256, was -1", e.Message, StringComparison.Ordinal);
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Every output file of one project, as the CLI writes them.</summary>
    private static void WriteOutputs(ReconciliationResult result, string dir)
    {
        Directory.CreateDirectory(dir);
        void Write(string name, Action<ReconciliationResult, Stream> write)
        {
            using var s = File.Create(Path.Combine(dir, name));
            write(result, s);
        }
        Write(ReportWriter.FindingsFileName, static (r, s) => ReportWriter.WriteFindingsCsv(r, s));
        Write(ReportWriter.LedgerFileName, static (r, s) => ReportWriter.WriteLedgerCsv(r, s));
        Write(ReportWriter.SummaryFileName, static (r, s) => ReportWriter.WriteSummaryJson(r, s));
        Write(ReportWriter.ReportFileName, static (r, s) => ReportWriter.WriteReportHtml(r, s));
        Write(ReportWriter.HistoryFileName, static (r, s) => ReportWriter.WriteHistoryCsv(r, s));
        Write(ReportWriter.ResolvedFileName, static (r, s) => ReportWriter.WriteResolvedCsv(r, s));
    }

    /// <summary>Checks at 1, 2 and 4 threads; every output file must be the same bytes. Returns the files of one run.</summary>
    private static Dictionary<string, byte[]> AssertSameOutputs(CheckInputs inputs, bool expectParts)
    {
        Dictionary<string, byte[]>? baseline = null;
        foreach (int threads in Threads)
        {
            var timings = new CheckTimings();
            var result = PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = threads, Timings = timings });
            string described = timings.Describe();
            bool inParts = described.Contains("read attendance.csv, ", StringComparison.Ordinal);
            Assert.True((expectParts && threads > 1) == inParts, described);
            if (inParts) Assert.Contains($"read attendance.csv, {threads} parts", described, StringComparison.Ordinal);
            // From two threads on, the other files are read beside the attendance, in parts or not.
            Assert.Equal(threads > 1, described.Contains(" beside", StringComparison.Ordinal));

            string dir = Path.Combine(Path.GetTempPath(), "payrollrecon-par-" + Guid.NewGuid().ToString("N"));
            try
            {
                WriteOutputs(result, dir);
                var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                    .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes, StringComparer.Ordinal);
                Assert.True(files.Count >= 4, $"only {files.Count} output files");
                if (baseline is null)
                {
                    baseline = files;
                    continue;
                }
                Assert.Equal(baseline.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
                foreach (var (name, bytes) in baseline)
                    Assert.True(bytes.AsSpan().SequenceEqual(files[name]), $"{name} differs at {threads} threads");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        return baseline!;
    }
}
