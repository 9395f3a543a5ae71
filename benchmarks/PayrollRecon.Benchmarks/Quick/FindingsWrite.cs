using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// The part of <c>--writers</c> for a project with many findings: <c>findings.csv</c>, <c>history.csv</c> and
/// <c>report.html</c> of 200,000 findings (fixed seed), written through <see cref="ReportWriter"/> to a stream that
/// discards the bytes.
/// </summary>
/// <remarks>
/// The findings are shaped as a large check gives them: mostly payments to payees not on the roster (a date, an amount,
/// a transaction id, a source line, the payee's name in the message), the rest worker findings with an employer, a
/// name, an 18-digit ID number (the worker_id of every seventh), a period and amounts; every one followed up against a
/// previous run (status, first seen, runs open, some rulings). Best of the rounds in thread CPU time, as for the ledger.
/// </remarks>
internal static class FindingsWrite
{
    private const int Findings = 200_000;

    /// <summary>Table rows for the three writers (or the one named <paramref name="only"/>), masked and with <c>--lang en --no-mask</c>.</summary>
    public static IEnumerable<string> Rows(int rounds, int repeat, string? only, string? project, TextWriter output)
    {
        ReconciliationResult result = project is null ? Project() : Check(project);
        var writers = new (string Name, int Rows, Action<ReconciliationResult, Stream, ReportOptions> Write)[]
        {
            ("findings.csv", result.Findings.Count, ReportWriter.WriteFindingsCsv),
            ("history.csv", result.History.Count, ReportWriter.WriteHistoryCsv),
            ("report.html", result.Findings.Count, ReportWriter.WriteReportHtml),
        };
        var variants = new[] { ("masked (default)", new ReportOptions()), ("--lang en --no-mask", new ReportOptions { Language = ReportLanguage.En, Mask = false }) };
        foreach (var (file, rows, write) in writers)
        {
            if (only is not null && only != file) continue;
            foreach (var (name, options) in variants)
            {
                using var hash = new HashStream();
                write(result, hash, options);
                long bytes = hash.Length;
                string sha = hash.Sha256();

                double best = double.MaxValue;
                long allocated = long.MaxValue;
                for (int r = 0; r < rounds; r++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    double start = Now();
                    for (int k = 0; k < repeat; k++) write(result, Stream.Null, options);
                    double end = Now();
                    allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
                    best = Math.Min(best, (end - start) / repeat);
                }
                string line = string.Create(CultureInfo.InvariantCulture,
                    $"| {file} | {name} | {rows:N0} | {bytes:N0} | {best * 1000:F1} | {rows / best / 1e6:F2} M | {bytes / 1e6 / best:F0} | {allocated / repeat:N0} | {(double)allocated / repeat / rows:F3} | `{sha[..16]}` | |");
                output.WriteLine(line);
                yield return line;
            }
        }
    }

    /// <summary>The result of checking the project folder <paramref name="dir"/> (its default file names).</summary>
    private static ReconciliationResult Check(string dir)
    {
        InputSource? Input(string name) => File.Exists(Path.Combine(dir, name)) ? InputSource.FromFile(Path.Combine(dir, name)) : null;
        using var settings = File.OpenRead(Path.Combine(dir, "project.json"));
        var inputs = new CheckInputs
        {
            Settings = ProjectSettingsReader.Read(settings),
            Workers = Input("workers.csv")!,
            Bank = Input("bank.csv")!,
            Attendance = Input("attendance.csv"),
            Payroll = Input("payroll.csv"),
            Batches = Input("batches.csv"),
            Calendar = Input("calendar.csv"),
        };
        return PayrollChecker.Check(inputs);
    }

    private static double Now() => ThreadClock.IsAvailable ? ThreadClock.Seconds() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    /// <summary>A project of <see cref="Findings"/> findings followed up against a previous run, in the engine's order.</summary>
    private static ReconciliationResult Project()
    {
        var random = new Random(20240607);
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "秀英", "建国"];
        string[] employers = ["河南建工劳务有限公司", "中原钢筋班组", "某某防水工程有限公司", "洛阳市安装劳务分包有限公司, 二队", "木工班（张）"];
        var asOf = new DateOnly(2025, 1, 31);
        var previous = new DateOnly(2024, 12, 31);
        var findings = new Finding[Findings];
        var history = new HistoryEntry[Findings];
        for (int i = 0; i < Findings; i++)
        {
            string id = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            var day = new DateOnly(2024, 1 + random.Next(12), 1 + random.Next(28));
            bool open = random.Next(3) > 0;
            Finding f;
            if (i % 5 != 0)
            {
                // A payment to someone not on the roster.
                int line = 1000 + i;
                f = new Finding
                {
                    Code = FindingCode.UnknownPayee,
                    Severity = Severity.Red,
                    Amount = new Money(100 * random.Next(1, 900_000)),
                    EventDate = day,
                    TxnIds = [string.Create(CultureInfo.InvariantCulture, $"Y{i:D15}")],
                    Source = string.Create(CultureInfo.InvariantCulture, $"bank.csv:{line}"),
                    Detail = string.Create(CultureInfo.InvariantCulture, $"某人{i}"),
                    FindingId = id,
                };
            }
            else
            {
                string idNumber = IdNumber(random);
                var period = new YearMonth(2024, 1 + random.Next(12));
                var due = new Money(100 * random.Next(3_000, 9_000));
                f = new Finding
                {
                    Code = random.Next(2) == 0 ? FindingCode.Late : FindingCode.Shortfall,
                    Severity = Severity.Orange,
                    Employer = employers[random.Next(employers.Length)],
                    WorkerId = i % 7 == 0 ? idNumber : string.Create(CultureInfo.InvariantCulture, $"W{i:D6}"),
                    WorkerName = surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)],
                    IdNumber = idNumber,
                    Period = period,
                    Amount = new Money(due.Fen / 3),
                    Expected = due,
                    Actual = due - new Money(due.Fen / 3),
                    DueDate = period.FirstDay.AddMonths(1).AddDays(14),
                    EventDate = day,
                    Days = random.Next(1, 90),
                    TxnIds = random.Next(4) == 0 ? ["2024061100000493", "2024061100000494"] : [],
                    Source = "payroll.csv:17;bank.csv:494",
                    FindingId = id,
                };
            }
            FindingRuling? ruling = random.Next(50) == 0 ? new FindingRuling(id, (RulingKind)random.Next(3), "复核", "张三", previous, "rulings.csv:2") : null;
            findings[i] = f with
            {
                Status = ruling?.Kind == RulingKind.FalseAlarm ? FindingStatus.Waived : open ? FindingStatus.Open : FindingStatus.New,
                FirstSeen = open ? previous : asOf,
                RunsOpen = open ? 2 : 1,
                Ruling = ruling,
                FixNotConfirmed = ruling?.Kind == RulingKind.Fixed,
            };
            history[i] = new HistoryEntry
            {
                FindingId = id,
                Code = FindingCodes.Name(f.Code),
                Severity = Severities.Name(f.Severity),
                WorkerId = f.WorkerId ?? "",
                IdNumber = f.IdNumber,
                Period = f.Period?.ToString() ?? "",
                FirstSeen = open ? previous : asOf,
                LastSeen = asOf,
                RunsOpen = open ? 2 : 1,
                Status = open ? Statuses.Open : Statuses.New,
            };
        }

        // History order (first seen, code, id), as the engine gives it: random with respect to the findings' order.
        Array.Sort(history, static (a, b) =>
        {
            int c = a.FirstSeen.CompareTo(b.FirstSeen);
            if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.FindingId, b.FindingId);
        });

        var settings = new ProjectSettings { Code = "BENCH-FINDINGS", Name = "写出基准项目", AsOf = asOf };
        var summary = BenchResult.Summary(settings, asOf, Severity.Red, 0);
        return new ReconciliationResult
        {
            Settings = settings,
            Findings = findings,
            Ledger = [],
            Summary = summary,
            BankLines = [],
            Diagnostics = [],
            History = history,
            PreviousAsOf = previous,
        };
    }

    /// <summary>A stream that keeps only the SHA-256 and the length of what is written to it.</summary>
    private sealed class HashStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }

    private static string IdNumber(Random random)
    {
        Span<char> id = stackalloc char[18];
        "410305".CopyTo(id);
        random.Next(1960, 2005).TryFormat(id[6..], out _, "D4", CultureInfo.InvariantCulture);
        random.Next(1, 13).TryFormat(id[10..], out _, "D2", CultureInfo.InvariantCulture);
        random.Next(1, 29).TryFormat(id[12..], out _, "D2", CultureInfo.InvariantCulture);
        random.Next(0, 1000).TryFormat(id[14..], out _, "D3", CultureInfo.InvariantCulture);
        id[17] = random.Next(11) == 10 ? 'X' : (char)('0' + random.Next(10));
        return new string(id);
    }
}
