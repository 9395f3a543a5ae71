using System.Globalization;
using System.Text;
using System.Text.Json;

using PayrollRecon.Findings;
using PayrollRecon.Generation;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Generation;

public sealed class ProjectGeneratorTests
{
    private static readonly string[] WageTypes = ["日薪", "月薪", "时薪", "计件"];
    private static readonly string[] PunchDirections = ["进", "出"];

    private static readonly string[] ProjectFiles =
        ["project.json", "workers.csv", "attendance.csv", "payroll.csv", "bank.csv", "batches.csv", "calendar.csv", "expected-findings.csv"];

    private static GeneratorOptions Small(int seed = 11, double rate = 0.3) =>
        new() { Projects = 3, Workers = 40, Months = 5, Seed = seed, DefectRate = rate };

    [Fact]
    public void Generate_SameSeedDifferentParallelism_IdenticalBytes()
    {
        using var a = GeneratedFiles.Generate(Small() with { MaxDegreeOfParallelism = 1 });
        using var b = GeneratedFiles.Generate(Small() with { MaxDegreeOfParallelism = -1 });
        var x = a.AllBytes();
        var y = b.AllBytes();
        Assert.Equal(x.Keys, y.Keys);
        foreach (var (file, bytes) in x) Assert.True(bytes.AsSpan().SequenceEqual(y[file]), $"{file} differs");
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentAttendance()
    {
        using var a = GeneratedFiles.Generate(Small(seed: 1) with { Projects = 1 });
        using var b = GeneratedFiles.Generate(Small(seed: 2) with { Projects = 1 });
        Assert.False(File.ReadAllBytes(Path.Combine(a.ProjectDir(), "attendance.csv"))
            .AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.ProjectDir(), "attendance.csv"))));
    }

    [Fact]
    public void Generate_DefaultAttendanceOrder_TimeOrderInterleavedNearlySorted()
    {
        using var g = GeneratedFiles.Generate(Small() with { Projects = 1 });
        var rows = g.Read("attendance.csv").Rows;
        var times = rows.Select(r => r[1]).ToList();
        // Workers interleave: consecutive punches mostly belong to different people.
        int sameIdAsPrevious = Enumerable.Range(1, rows.Count - 1).Count(i => rows[i][0] == rows[i - 1][0]);
        Assert.True(sameIdAsPrevious < rows.Count / 10, $"{sameIdAsPrevious} of {rows.Count} punches follow one of the same id");
        // Not perfectly sorted (one gate's upload follows another's), but no punch comes more than one two-hour upload
        // window after a later one.
        var parsed = times.Select(t => DateTime.ParseExact(t, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).ToList();
        int backwards = Enumerable.Range(1, parsed.Count - 1).Count(i => parsed[i] < parsed[i - 1]);
        Assert.True(backwards > 0);
        var latest = parsed[0];
        foreach (var t in parsed)
        {
            Assert.True(t > latest.AddHours(-2), $"{t:s} after {latest:s}");
            if (t > latest) latest = t;
        }
    }

    [Fact]
    public void Generate_WorkerOrder_SamePunchesGroupedByWorker()
    {
        using var time = GeneratedFiles.Generate(Small() with { Projects = 1 });
        using var worker = GeneratedFiles.Generate(Small() with { Projects = 1, AttendanceOrder = AttendanceOrder.Worker });
        var a = time.Read("attendance.csv").Rows.Select(r => string.Join(',', r)).Order(StringComparer.Ordinal).ToList();
        var byWorker = worker.Read("attendance.csv").Rows;
        Assert.Equal(a, byWorker.Select(r => string.Join(',', r)).Order(StringComparer.Ordinal).ToList());
        int sameIdAsPrevious = Enumerable.Range(1, byWorker.Count - 1).Count(i => byWorker[i][0] == byWorker[i - 1][0]);
        Assert.True(sameIdAsPrevious > byWorker.Count / 2);
        // Everything else (and so every expected finding) is the same whatever the order.
        foreach (var file in ProjectFiles.Where(f => f != "attendance.csv"))
            Assert.Equal(File.ReadAllBytes(Path.Combine(time.ProjectDir(), file)), File.ReadAllBytes(Path.Combine(worker.ProjectDir(), file)));
    }

    [Fact]
    public void Generate_ThreeProjects_WritesEveryFileUnderSeedCodes()
    {
        using var g = GeneratedFiles.Generate(Small(seed: 42));
        Assert.Equal(["GEN-42-0001", "GEN-42-0002", "GEN-42-0003"], g.Result.Projects.Select(p => p.Code));
        foreach (var p in g.Result.Projects)
        {
            Assert.Equal(Path.Combine(g.Root, p.Code), p.Directory);
            foreach (var f in ProjectFiles) Assert.True(File.Exists(Path.Combine(p.Directory, f)), f);
            long size = ProjectFiles.Sum(f => new FileInfo(Path.Combine(p.Directory, f)).Length);
            Assert.Equal(size, p.Bytes);
        }
        Assert.Equal(g.Result.Projects.Sum(p => p.Bytes), g.Result.Bytes);
    }

    [Fact]
    public void Generate_DefaultDialect_EnglishHeaders()
    {
        using var g = GeneratedFiles.Generate(Small() with { Projects = 1 });
        Assert.Equal("worker_id,name,id_number,bank_account,employer,team,trade,wage_type,wage_rate,entry_date,exit_date",
            string.Join(',', g.Read("workers.csv").Header));
        Assert.Equal("id_number,time,direction,device", string.Join(',', g.Read("attendance.csv").Header));
        Assert.Equal("id_number,name,period,days,hours,gross,deductions,net", string.Join(',', g.Read("payroll.csv").Header));
        Assert.Equal("txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id",
            string.Join(',', g.Read("bank.csv").Header));
        Assert.Equal("batch_id,bank_account,name,amount,status,memo", string.Join(',', g.Read("batches.csv").Header));
        Assert.Equal("date,kind", string.Join(',', g.Read("calendar.csv").Header));
        Assert.Equal("code,worker_id,period", string.Join(',', g.Read("expected-findings.csv").Header));
    }

    [Fact]
    public void Generate_ChineseHeadersLayoutB_AliasHeaders()
    {
        using var g = GeneratedFiles.Generate(Small() with { Projects = 1, ChineseHeaders = true, BankLayoutB = true });
        Assert.Equal("工号,姓名,身份证号,工资卡号,用工单位,班组,工种,计薪方式,工资标准,进场日期,退场日期",
            string.Join(',', g.Read("workers.csv").Header));
        Assert.Equal("身份证号,考勤时间,方向,设备编号", string.Join(',', g.Read("attendance.csv").Header));
        Assert.Equal("身份证号,姓名,工资月份,出勤天数,hours,应发工资,扣款,实发工资", string.Join(',', g.Read("payroll.csv").Header));
        Assert.Equal("交易日期,交易时间,借方发生额(元),贷方发生额(元),余额(元),对方户名,对方账号,摘要,流水号,批次号",
            string.Join(',', g.Read("bank.csv").Header));
        var rows = g.Read("workers.csv").Rows;
        Assert.All(rows, r => Assert.Contains(r[7], WageTypes));
        Assert.All(g.Read("attendance.csv").Rows, r => Assert.Contains(r[2], PunchDirections));
    }

    [Fact]
    public void Generate_Gb18030_CsvIsGb18030AndNotUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding(54936);
        using var g = GeneratedFiles.Generate(Small() with { Projects = 1, Gb18030 = true, ChineseHeaders = true });
        foreach (var f in new[] { "workers.csv", "bank.csv", "payroll.csv", "attendance.csv" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(g.ProjectDir(), f));
            Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        }
        Assert.Equal("工号", g.Read("workers.csv", encoding: gb).Header[0]);
        // expected-findings.csv stays UTF-8.
        _ = g.Read("expected-findings.csv");
    }

    [Fact]
    public void Generate_Crlf_EveryLineEndsWithCrlf()
    {
        using var g = GeneratedFiles.Generate(Small() with { Projects = 1, Crlf = true });
        foreach (var f in new[] { "workers.csv", "bank.csv", "attendance.csv", "payroll.csv", "batches.csv", "calendar.csv" })
        {
            string text = File.ReadAllText(Path.Combine(g.ProjectDir(), f));
            Assert.EndsWith("\r\n", text);
            Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        }
    }

    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, true, true, true)]
    public void Generate_CleanProject_EmptyExpectedListAndRectangularFiles(bool zh, bool gb, bool layoutB, bool crlf)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var enc = gb ? Encoding.GetEncoding(54936) : null;
        using var g = GeneratedFiles.Generate(new GeneratorOptions
        {
            Projects = 2, Workers = 60, Months = 4, Seed = 5, DefectRate = 0,
            ChineseHeaders = zh, Gb18030 = gb, BankLayoutB = layoutB, Crlf = crlf,
        });
        for (int p = 0; p < 2; p++)
        {
            Assert.Equal("code,worker_id,period\n", File.ReadAllText(Path.Combine(g.ProjectDir(p), "expected-findings.csv")));
            Assert.Equal(0, g.Result.Projects[p].ExpectedFindings);
            foreach (var f in new[] { "workers.csv", "attendance.csv", "payroll.csv", "bank.csv", "batches.csv", "calendar.csv" })
            {
                var (header, rows) = g.Read(f, p, enc);
                Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
            }
        }
    }

    [Fact]
    public void Generate_CleanProject_IdNumbersValidAdultsAndUnique()
    {
        using var g = GeneratedFiles.Generate(Small(rate: 0) with { Workers = 200 });
        for (int p = 0; p < 3; p++)
        {
            var ids = g.Read("workers.csv", p).Rows.Select(r => r[2]).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var start = new DateOnly(2024, 1, 1);
            foreach (var id in ids)
            {
                Assert.True(IdNumbers.IsValid(id, new DateOnly(2025, 1, 1)), id);
                var birth = DateOnly.ParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
                Assert.InRange(birth, start.AddYears(-61), start.AddYears(-18));
            }
        }
    }

    [Fact]
    public void Generate_CleanProject_CardsUniqueNineteenDigitsWithLuhn()
    {
        using var g = GeneratedFiles.Generate(Small(rate: 0) with { Workers = 200, Projects = 1 });
        var cards = g.Read("workers.csv").Rows.Select(r => r[3]).ToList();
        Assert.Equal(cards.Count, cards.Distinct().Count());
        Assert.All(cards, c =>
        {
            Assert.Matches("^[0-9]{19}$", c);
            Assert.True(LuhnValid(c), c);
        });
    }

    [Fact]
    public void Generate_WithDefects_ExpectedFindingsWellFormed()
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions { Projects = 2, Workers = 80, Months = 8, Seed = 3, DefectRate = 0.5 });
        var projectLevel = new HashSet<string> { "HEADCOUNT_MISMATCH", "LABOR_FUNDS_LATE", "LABOR_FUNDS_SHORT", "BALANCE_BREAK",
            "DUPLICATE_TXN", "UNKNOWN_PAYEE", "NON_WAGE_DEBIT", "BATCH_TOTAL_MISMATCH", "BATCH_DETAIL_MISSING", "UNMATCHED_REFUND", "DATA_ERROR" };
        var withPeriod = new HashSet<string> { "UNPAID", "SHORTFALL", "LATE", "PAID_WITHOUT_ATTENDANCE", "DAYS_MISMATCH", "MISSING_PAYROLL",
            "PAYROLL_ARITHMETIC", "HEADCOUNT_MISMATCH", "UNREGISTERED_WORKER", "ATTENDANCE_OUTSIDE_TENURE", "DUPLICATE_PAYMENT",
            "EXCESSIVE_PAYMENT", "LABOR_FUNDS_LATE", "LABOR_FUNDS_SHORT", "BELOW_MINIMUM_WAGE" };
        for (int p = 0; p < 2; p++)
        {
            var workerIds = g.Read("workers.csv", p).Rows.Select(r => r[0]).ToHashSet();
            var (header, rows) = g.Read("expected-findings.csv", p);
            Assert.Equal(["code", "worker_id", "period"], header);
            Assert.NotEmpty(rows);
            Assert.Equal(g.Result.Projects[p].ExpectedFindings, rows.Count);
            var sorted = rows.OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal)
                .ThenBy(r => r[2], StringComparer.Ordinal).ToList();
            Assert.Equal(sorted.Select(r => string.Join(',', r)), rows.Select(r => string.Join(',', r)));
            foreach (var r in rows)
            {
                Assert.Equal(3, r.Length);
                Assert.True(FindingCodes.TryParse(r[0], out _), r[0]);
                if (r[0] == "UNREGISTERED_WORKER") Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", r[1]);
                else if (projectLevel.Contains(r[0])) Assert.Equal("", r[1]);
                else Assert.Contains(r[1], workerIds);
                if (r[2].Length > 0) Assert.Matches("^20[0-9]{2}-[01][0-9]$", r[2]);
                if (!withPeriod.Contains(r[0])) Assert.Equal("", r[2]);
            }
        }
    }

    [Fact]
    public void Generate_HighDefectRate_PlantsEveryFindingCode()
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions { Projects = 2, Workers = 80, Months = 14, Seed = 9, DefectRate = 0.6 });
        var planted = new HashSet<string>();
        for (int p = 0; p < 2; p++) planted.UnionWith(g.Read("expected-findings.csv", p).Rows.Select(r => r[0]));
        // STALE_RULING comes from rulings.csv, which the generator does not write.
        var all = Enum.GetValues<FindingCode>().Where(c => c != FindingCode.StaleRuling).Select(FindingCodes.Name).ToHashSet();
        Assert.Empty(all.Except(planted));
    }

    [Fact]
    public void Generate_DefectsFilter_PlantsOnlyChosenCodesAndSideEffects()
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions
        {
            Projects = 1, Workers = 60, Months = 6, Seed = 4, DefectRate = 0.5,
            Defects = new HashSet<FindingCode> { FindingCode.Unpaid, FindingCode.BalanceBreak },
        });
        var codes = g.Read("expected-findings.csv").Rows.Select(r => r[0]).ToHashSet();
        Assert.Contains("UNPAID", codes);
        Assert.Contains("BALANCE_BREAK", codes);
        // An unpaid month of a worker with attendance is also a headcount mismatch (R25).
        Assert.Equal(new HashSet<string> { "UNPAID", "BALANCE_BREAK", "HEADCOUNT_MISMATCH" }, codes);
    }

    [Fact]
    public void Generate_CleanProject_BalanceChainAndBatchTotalsConsistent()
    {
        using var g = GeneratedFiles.Generate(Small(rate: 0) with { Workers = 120, Months = 6 });
        for (int p = 0; p < 3; p++)
        {
            var (_, bank) = g.Read("bank.csv", p);
            long? previous = null;
            DateOnly lastDate = default;
            var lumps = new Dictionary<string, long>();
            foreach (var r in bank)
            {
                var date = DateOnly.ParseExact(r[1][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.True(date >= lastDate, "statement in date order");
                lastDate = date;
                long amount = GeneratedFiles.Fen(r[3]) * (r[2] == "D" ? -1 : 1);
                long balance = GeneratedFiles.Fen(r[4]);
                if (previous is { } prev) Assert.Equal(prev + amount, balance);
                previous = balance;
                if (r[8].Length > 0) lumps[r[8]] = -amount;
            }
            var details = g.Read("batches.csv", p).Rows.GroupBy(r => r[0]).ToDictionary(x => x.Key, x => x.Sum(r => GeneratedFiles.Fen(r[3])));
            Assert.Equal(lumps.OrderBy(x => x.Key), details.OrderBy(x => x.Key));
        }
    }

    [Fact]
    public void Generate_CleanProject_PaymentsEqualDueOfEveryDueMonth()
    {
        using var g = GeneratedFiles.Generate(Small(rate: 0) with { Workers = 150, Months = 5 });
        for (int p = 0; p < 3; p++) CheckPaymentsEqualDue(g, p);
    }

    [Theory]
    [InlineData(0, 10, 3, 0.1)]
    [InlineData(1, 0, 3, 0.1)]
    [InlineData(1, 10, 0, 0.1)]
    [InlineData(1, 10, 3, 1.5)]
    [InlineData(1, 10, 3, -0.1)]
    public void Generate_OptionOutOfRange_Throws(int projects, int workers, int months, double rate)
    {
        var o = new GeneratorOptions { Projects = projects, Workers = workers, Months = months, DefectRate = rate };
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectGenerator.Generate(Path.GetTempPath(), o));
    }

    /// <summary>Independent §3.1 arithmetic: Σ money reaching each worker's card by asOf equals Σ due over due months.</summary>
    private static void CheckPaymentsEqualDue(GeneratedFiles g, int p)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(g.ProjectDir(p), "project.json")));
        var asOf = DateOnly.Parse(json.RootElement.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        int payDay = json.RootElement.GetProperty("payDay").GetInt32();
        var holidays = new HashSet<DateOnly>();
        var workdays = new HashSet<DateOnly>();
        foreach (var r in g.Read("calendar.csv", p).Rows)
            (r[1] == "holiday" ? holidays : workdays).Add(DateOnly.Parse(r[0], CultureInfo.InvariantCulture));
        bool Rest(DateOnly d) => holidays.Contains(d) || (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !workdays.Contains(d));
        bool IsDue(int year, int month)
        {
            var pay = new DateOnly(year, month, 1).AddMonths(1);
            var due = new DateOnly(pay.Year, pay.Month, Math.Min(payDay, DateTime.DaysInMonth(pay.Year, pay.Month)));
            while (Rest(due)) due = due.AddDays(-1);
            return due < asOf;
        }

        var roster = g.Read("workers.csv", p).Rows.ToDictionary(r => r[2], r => (Type: r[7], Rate: r[8].Length > 0 ? GeneratedFiles.Fen(r[8]) : 0, Card: r[3]));
        var punches = new Dictionary<(string Id, DateOnly Date), (TimeSpan First, TimeSpan Last)>();
        foreach (var r in g.Read("attendance.csv", p).Rows)
        {
            var t = DateTime.ParseExact(r[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var key = (r[0].ToUpperInvariant(), DateOnly.FromDateTime(t));
            punches[key] = punches.TryGetValue(key, out var v) ? (t.TimeOfDay < v.First ? t.TimeOfDay : v.First, t.TimeOfDay > v.Last ? t.TimeOfDay : v.Last) : (t.TimeOfDay, t.TimeOfDay);
        }
        var payroll = g.Read("payroll.csv", p).Rows.ToDictionary(r => (r[0], r[2]), r => GeneratedFiles.Fen(r[7]));

        var due = new Dictionary<string, long>();
        foreach (var month in punches.GroupBy(x => (x.Key.Id, x.Key.Date.Year, x.Key.Date.Month)))
        {
            var (id, year, m) = month.Key;
            if (!IsDue(year, m)) continue;
            var w = roster[id];
            int days = month.Count();
            long seconds = month.Sum(x => (long)(x.Value.Last - x.Value.First).TotalSeconds);
            string period = $"{year:D4}-{m:D2}";
            long owed = payroll.TryGetValue((id, period), out long net) ? net : w.Type switch
            {
                "daily" => days * w.Rate,
                // rate × days / 21.75 = 4·rate·days / 87, rounded half up (all positive).
                "monthly" => days >= 22 ? w.Rate : ((8 * w.Rate * days) + 87) / 174,
                "hourly" => ((2 * w.Rate * seconds) + 3600) / 7200,
                _ => throw new InvalidOperationException("piece-rate month without payroll in a clean project"),
            };
            due[id] = due.GetValueOrDefault(id) + owed;
        }

        var byCard = roster.ToDictionary(x => x.Value.Card, x => x.Key);
        var paid = new Dictionary<string, long>();
        var details = g.Read("batches.csv", p).Rows.Where(r => r[4] == "success").ToLookup(r => r[0]);
        foreach (var r in g.Read("bank.csv", p).Rows)
        {
            var date = DateOnly.ParseExact(r[1][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date > asOf) continue;
            long amount = GeneratedFiles.Fen(r[3]);
            if (r[8].Length > 0)
            {
                foreach (var d in details[r[8]]) paid[byCard[d[1]]] = paid.GetValueOrDefault(byCard[d[1]]) + GeneratedFiles.Fen(d[3]);
            }
            else if (byCard.TryGetValue(r[6], out var id))
            {
                paid[id] = paid.GetValueOrDefault(id) + (r[2] == "D" ? amount : -amount);
            }
        }
        foreach (var (id, owed) in due) Assert.True(owed == paid.GetValueOrDefault(id), $"{id}: due {owed}, paid {paid.GetValueOrDefault(id)}");
        Assert.Empty(paid.Keys.Except(due.Keys));
    }

    private static bool LuhnValid(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
