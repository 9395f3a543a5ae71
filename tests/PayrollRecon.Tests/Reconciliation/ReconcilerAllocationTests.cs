using System.Diagnostics;
using System.Text;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class ReconcilerAllocationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Workers = 200;
    private const int Months = 12;

    [Fact]
    public void AddPunch_MillionCallsAfterWarmUp_AllocateLessThanAByteEach()
    {
        var reconciler = new Reconciler(new ProjectSettings { Code = "ALLOC", AsOf = new DateOnly(2025, 6, 1) }, new ReconcilerOptions { AttendanceSupplied = true });
        var ids = new byte[Workers + 1][];
        for (int w = 0; w < Workers; w++)
        {
            string id = Scenario.Id(w + 1);
            // Lower-case x on the punches exercises the upper-casing path.
            ids[w] = Encoding.UTF8.GetBytes(id.ToLowerInvariant());
            reconciler.AddWorker(new WorkerRow
            {
                Line = w + 2,
                WorkerId = default,
                Name = Encoding.UTF8.GetBytes($"工人{w}"),
                IdNumber = Encoding.UTF8.GetBytes(id),
                BankAccount = Encoding.UTF8.GetBytes(Scenario.Card(w + 1)),
                Employer = "甲劳务"u8,
                Team = default,
                Trade = default,
                WageType = WageType.Daily,
                WageRateFen = 300_00,
                EntryDate = null,
                ExitDate = null,
            });
        }
        ids[Workers] = "110101199001019999"u8.ToArray(); // not on the roster

        var start = new DateTime(2024, 1, 1, 7, 0, 0);
        // Warm-up: every worker-month block and the unregistered id exist before measuring.
        long line = 2;
        for (int m = 0; m < Months; m++)
            for (int w = 0; w <= Workers; w++)
                Punch(reconciler, ids[w], start.AddMonths(m), line++);

        const int Calls = 1_000_000;
        var times = new DateTime[Months * 28];
        for (int i = 0; i < times.Length; i++) times[i] = start.AddMonths(i / 28).AddDays(i % 28).AddMinutes(i * 7 % 600);

        var stopwatch = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
            Punch(reconciler, ids[i % (Workers + 1)], times[i / (Workers + 1) % times.Length], line++);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        stopwatch.Stop();

        output.WriteLine($"{allocated} bytes, {stopwatch.Elapsed.TotalMilliseconds:F0} ms for {Calls} punches");
        Assert.True(allocated < Calls, $"{allocated} bytes for {Calls} punches");

        var result = reconciler.Complete();
        Assert.Equal(Workers * Months, result.Ledger.Count);
    }

    private static void Punch(Reconciler reconciler, byte[] id, DateTime time, long line) =>
        reconciler.AddPunch(new AttendanceRow { Line = line, IdNumber = id, Time = time, Direction = PunchDirection.In });
}
