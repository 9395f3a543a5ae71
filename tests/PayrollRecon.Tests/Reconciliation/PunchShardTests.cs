using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>Punches read in parts, each into a shard of the engine, and taken back in file order.</summary>
public sealed class PunchShardTests
{
    private static Reconciler Engine(int workers, int limit = Reconciler.MaxWorkerMonths)
    {
        var r = new Reconciler(
            new ProjectSettings { Code = "T-1", AsOf = new DateOnly(2024, 4, 1), PayDay = 15 },
            new ReconcilerOptions { AttendanceSupplied = true, WorkerMonthLimit = limit });
        for (int i = 1; i <= workers; i++)
        {
            r.AddWorker(new WorkerRow
            {
                Line = i + 1, WorkerId = default, Name = Encoding.UTF8.GetBytes("工人" + i), IdNumber = Encoding.ASCII.GetBytes(Scenario.Id(i)),
                BankAccount = Encoding.ASCII.GetBytes(Scenario.Card(i)), Employer = Encoding.UTF8.GetBytes("甲劳务"), Team = default, Trade = default,
                WageType = WageType.Daily, WageRateFen = 300_00, EntryDate = null, ExitDate = null,
            });
        }
        return r;
    }

    private static void Punch(Reconciler r, string id, DateTime time, long line) => r.AddPunch(Row(id, time, line));

    private static void Punch(PunchShard s, string id, DateTime time, long line) => s.AddPunch(Row(id, time, line));

    private static AttendanceRow Row(string id, DateTime time, long line) =>
        new() { Line = line, IdNumber = Encoding.ASCII.GetBytes(id), Time = time, Direction = PunchDirection.Unknown };

    private static readonly (string Id, DateTime Time, long Line)[] FourWorkerMonths =
    [
        (Scenario.Id(1), new DateTime(2024, 1, 8, 8, 0, 0), 2),
        (Scenario.Id(1), new DateTime(2024, 2, 8, 8, 0, 0), 3),
        (Scenario.Id(2), new DateTime(2024, 1, 8, 8, 0, 0), 4),
        (Scenario.Id(2), new DateTime(2024, 2, 8, 8, 0, 0), 5),
    ];

    [Fact]
    public void TakePunchShards_TogetherPastTheCap_FalseAndTheEngineStopsWhereOneReaderWould()
    {
        var engine = Engine(2, limit: 3);
        var shards = new[] { engine.CreatePunchShard(), engine.CreatePunchShard() };
        // Two worker-months a part: each part is under the cap, the file is not.
        for (int i = 0; i < FourWorkerMonths.Length; i++)
        {
            var (id, time, line) = FourWorkerMonths[i];
            Punch(shards[i / 2], id, time, line);
        }

        Assert.False(engine.TakePunchShards(shards));

        // Nothing was taken: read on one thread, the fourth worker-month (line 5) is the one over the cap.
        for (int i = 0; i < 3; i++) Punch(engine, FourWorkerMonths[i].Id, FourWorkerMonths[i].Time, FourWorkerMonths[i].Line);
        var error = Assert.Throws<PayrollDataException>(() => Punch(engine, FourWorkerMonths[3].Id, FourWorkerMonths[3].Time, FourWorkerMonths[3].Line));
        Assert.Equal("attendance.csv:5: more than 3 worker-months (a worker's months with punches or payroll rows); a project holds at most 3", error.Message);
    }

    [Fact]
    public void TakePunchShards_UnregisteredIdsAndOneWorkerDayAcrossParts_SameFindingsAsOneReader()
    {
        // Unregistered id 8 first seen in the first part, id 7 only in the second, and id 8's earliest punch (the evidence)
        // in the second part; worker 1's punches on both sides of the cut in one month.
        (string Id, DateTime Time, long Line)[] punches =
        [
            (Scenario.Id(8), new DateTime(2024, 1, 10, 8, 0, 0), 2),
            (Scenario.Id(1), new DateTime(2024, 1, 10, 7, 0, 0), 3),
            (Scenario.Id(1), new DateTime(2024, 1, 10, 17, 0, 0), 4),
            (Scenario.Id(7), new DateTime(2024, 1, 12, 8, 0, 0), 5),
            (Scenario.Id(8), new DateTime(2024, 1, 3, 8, 0, 0), 6),
            (Scenario.Id(1), new DateTime(2024, 1, 10, 19, 0, 0), 7),
            (Scenario.Id(1), new DateTime(2024, 1, 11, 6, 0, 0), 8),
        ];
        var single = Engine(2);
        foreach (var (id, time, line) in punches) Punch(single, id, time, line);

        var engine = Engine(2);
        var shards = new[] { engine.CreatePunchShard(), engine.CreatePunchShard() };
        for (int i = 0; i < punches.Length; i++) Punch(shards[i < 3 ? 0 : 1], punches[i].Id, punches[i].Time, punches[i].Line);
        Assert.True(engine.TakePunchShards(shards));

        static string Describe(ReconciliationResult r) =>
            string.Join("\n", r.Findings.Select(static f => FormattableString.Invariant($"{f.Code}|{f.IdNumber}|{f.Period}|{f.Days}|{f.EventDate:yyyy-MM-dd}|{f.Source}")))
            + "\n" + string.Join("\n", r.Ledger.Select(static e => FormattableString.Invariant($"{e.IdNumber}|{e.Period}|{e.Days}|{e.Seconds}")));
        string expected = Describe(single.Complete());
        Assert.Equal(expected, Describe(engine.Complete()));
        Assert.Contains($"{FindingCode.UnregisteredWorker}|{Scenario.Id(8)}|2024-01|2|2024-01-03|attendance.csv:6", expected, StringComparison.Ordinal);
        Assert.Contains($"{FindingCode.UnregisteredWorker}|{Scenario.Id(7)}|2024-01|1|2024-01-12|attendance.csv:5", expected, StringComparison.Ordinal);
        // Worker 1 in January: 10 January from 07:00 (first part) to 19:00 (second part), and one punch on the 11th.
        Assert.Contains($"{Scenario.Id(1)}|2024-01|2|43200", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPunch_OfAShard_SameResultAsTheEngineGivenEachPunch()
    {
        // Any sequence of roster ids (also with a lower-case x), unregistered ids, ids of other lengths and dates outside
        // the years held, given to a shard and taken back, ends as when each punch is given to the engine.
        string[] ids =
        [
            Scenario.Id(1), Scenario.Id(2), Scenario.Id(3), Scenario.Id(3).ToLowerInvariant(), Scenario.Id(8),
            "W-17", "11010519491231002", "1101051949123100299",
        ];
        var punch = from id in Gen.Elements(ids)
                    from month in Gen.Choose(1, 3)
                    from day in Gen.Choose(1, 28)
                    from second in Gen.Choose(0, 86_399)
                    from outOfRange in Gen.Frequency((19, Gen.Constant(false)), (1, Gen.Constant(true)))
                    select (Id: id, Time: new DateTime(outOfRange ? 1899 : 2024, month, day).AddSeconds(second));
        Prop.ForAll(Arb.From(Gen.ListOf(punch).Select(static l => l.ToArray())), punches =>
        {
            var single = Engine(3);
            var engine = Engine(3);
            var shard = engine.CreatePunchShard();
            for (int i = 0; i < punches.Length; i++)
            {
                Punch(single, punches[i].Id, punches[i].Time, i + 2);
                Punch(shard, punches[i].Id, punches[i].Time, i + 2);
            }
            Assert.True(engine.TakePunchShards([shard]));
            Assert.Equal(Describe(single.Complete()), Describe(engine.Complete()));
        }).Check(PropertyConfig.Quick(300));

        static string Describe(ReconciliationResult r) =>
            string.Join("\n", r.Findings.Select(static f => FormattableString.Invariant($"{f.Code}|{f.IdNumber}|{f.Period}|{f.Days}|{f.EventDate:yyyy-MM-dd}|{f.Source}")))
            + "\n" + string.Join("\n", r.Ledger.Select(static e => FormattableString.Invariant($"{e.IdNumber}|{e.Period}|{e.Days}|{e.Seconds}")))
            + "\n" + string.Join("\n", r.Diagnostics.Select(static d => FormattableString.Invariant($"{d.File}:{d.Line}|{d.Column}|{d.Message}")));
    }
}
