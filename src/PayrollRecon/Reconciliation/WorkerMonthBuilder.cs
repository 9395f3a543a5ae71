using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>Creates every worker-month (a payroll row or at least one punch) and works out what it owes (§3.1).</summary>
internal static class WorkerMonthBuilder
{
    /// <summary>Fills each roster worker's <see cref="RosterWorker.Months"/>, in month order, with due terms set; releases the punch days and payroll rows.</summary>
    /// <param name="roster">The workers whose months are built.</param>
    /// <param name="attendance">The attendance blocks: one month each.</param>
    /// <param name="payroll">The payroll months: joined to the attendance month of the same worker and month, else a month of their own.</param>
    /// <param name="calendar">Gives the due dates.</param>
    /// <param name="settings">Grace days.</param>
    /// <param name="asOf">Decides which months are due.</param>
    /// <param name="workersFile">Names a month in an overflow error.</param>
    /// <param name="sums">Notes the month being summed.</param>
    public static void Build(Roster roster, AttendanceLog attendance, PayrollSheet payroll, DueCalendar calendar, ProjectSettings settings, DateOnly asOf, string workersFile, SumSite sums)
    {
        // Every block's totals, in one pass down the punch store.
        int blocks = attendance.BlockCount;
        var days = new int[blocks];
        var seconds = new long[blocks];
        var firstDays = new int[blocks];
        attendance.Summaries(days, seconds, firstDays);
        for (int block = 0; block < blocks; block++) roster.NoteFirstPunchDay(attendance.WorkerOf(block), firstDays[block]);

        // The months are then made worker by worker, each worker's blocks in block order (a counting sort by worker),
        // so that a worker's months lie together in memory for every later walk over them (allocation, the rules,
        // the ledger), and each worker's list is sized once.
        var first = new int[roster.Count + 1];
        for (int block = 0; block < blocks; block++) first[attendance.WorkerOf(block) + 1]++;
        for (int w = 0; w < roster.Count; w++) first[w + 1] += first[w];
        var next = (int[])first.Clone();
        var byWorker = new int[blocks];
        for (int block = 0; block < blocks; block++) byWorker[next[attendance.WorkerOf(block)]++] = block;
        for (int w = 0; w < roster.Count; w++)
        {
            if (first[w + 1] == first[w]) continue;
            var worker = roster[w];
            worker.Months.EnsureCapacity(first[w + 1] - first[w]);
            for (int i = first[w]; i < first[w + 1]; i++)
            {
                int block = byWorker[i];
                worker.Months.Add(new WorkerMonth(worker, YearMonth.FromOrdinal(attendance.MonthOf(block)), block, days[block], seconds[block]));
            }
        }
        foreach (var (key, rows) in payroll)
        {
            int workerIndex = (int)(key >> 32);
            int ordinal = (int)(key & 0xFFFF_FFFF);
            var worker = roster[workerIndex];
            // The month of the block among the worker's (few) months, rather than a table of every block's month.
            var month = attendance.TryGetBlock(workerIndex, ordinal, out int block) ? MonthOfBlock(worker.Months, block, ordinal) : null;
            if (month is null)
            {
                month = new WorkerMonth(worker, YearMonth.FromOrdinal(ordinal));
                worker.Months.Add(month);
            }
            month.JoinPayroll(rows);
        }
        attendance.ReleaseDays();
        payroll.Release();

        foreach (var worker in roster.Workers)
        {
            // Punches and payroll rows usually come in month order, so most workers' months need no sort.
            if (!InPeriodOrder(worker.Months)) worker.Months.Sort(static (a, b) => a.Period.CompareTo(b.Period));
            foreach (var month in worker.Months)
            {
                sums.At(workersFile, worker.Line, month.Period.Ordinal);
                var (due, source) = Due(month);
                month.SetDue(due, source, calendar.DueDateOf(month.Period), settings.GraceDays, asOf);
            }
        }
    }

    /// <summary>The payroll's net when there is one, else the rate applied to the attendance (R13).</summary>
    private static (long DueFen, DueSource Source) Due(WorkerMonth month)
    {
        if (month.Payroll is { } payroll) return (payroll.NetFen, DueSource.Payroll);
        var worker = month.Worker;
        long due = worker.WageType switch
        {
            WageType.Daily => checked(worker.RateFen * month.Days),
            WageType.Hourly => FenMath.Hourly(worker.RateFen, month.Seconds),
            WageType.Monthly => FenMath.MonthlyProrated(worker.RateFen, month.Days),
            // R13: nothing can be computed for piece work; MISSING_PAYROLL says so and payments flow past.
            _ => 0,
        };
        return (due, DueSource.Computed);
    }

    /// <summary>The month of attendance block <paramref name="block"/> among a worker's months, or null.</summary>
    /// <remarks>A worker's attendance months come in block order, and its payroll-only months (block -1, the largest
    /// as unsigned) after them: the list is sorted by unsigned block.</remarks>
    private static WorkerMonth? MonthOfBlock(List<WorkerMonth> months, int block, int ordinal)
    {
        // A worker's months are usually consecutive: the month as many places after the first as it is months later.
        if (months.Count > 0)
        {
            int guess = ordinal - months[0].Period.Ordinal;
            if (guess >= 0 && guess < months.Count && months[guess].AttendanceBlock == block) return months[guess];
        }
        int lo = 0, hi = months.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint at = unchecked((uint)months[mid].AttendanceBlock);
            if (at == (uint)block) return months[mid];
            if (at < (uint)block) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    private static bool InPeriodOrder(List<WorkerMonth> months)
    {
        for (int i = 1; i < months.Count; i++)
        {
            if (months[i - 1].Period.Ordinal > months[i].Period.Ordinal) return false;
        }
        return true;
    }
}
