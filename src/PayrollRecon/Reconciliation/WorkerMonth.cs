using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>One worker's month: what was owed, when, and what was allocated to it.</summary>
/// <remarks>
/// Built in three steps, each once: created from attendance (<see cref="AttendanceBlock"/>, days, seconds), joined to
/// its payroll rows (<see cref="JoinPayroll"/>), given its due terms (<see cref="SetDue"/>); then payments are
/// allocated to it (<see cref="Allocate"/>). Nothing else changes it.
/// </remarks>
internal sealed class WorkerMonth
{
    public WorkerMonth(RosterWorker worker, YearMonth period, int attendanceBlock = -1, int days = 0, long seconds = 0)
    {
        Worker = worker;
        Period = period;
        AttendanceBlock = attendanceBlock;
        Days = days;
        Seconds = seconds;
    }

    public RosterWorker Worker { get; }
    public YearMonth Period { get; }

    /// <summary>Attendance block of the month, or -1 when the worker has no punch in it.</summary>
    public int AttendanceBlock { get; }
    public int Days { get; }
    public long Seconds { get; }
    public PayrollMonth? Payroll { get; private set; }

    public long DueFen { get; private set; }
    public DueSource DueSource { get; private set; }
    public DateOnly DueDate { get; private set; }
    /// <summary>Due date + grace &lt; asOf.</summary>
    public bool IsDue { get; private set; }

    /// <summary>Everything allocated, whatever the payment date (outstanding during allocation is against this).</summary>
    public long AllocatedFen { get; private set; }
    /// <summary>Allocated from payments dated on or before asOf.</summary>
    public long PaidFen { get; private set; }
    /// <summary>Allocated from payments dated on or before due date + grace.</summary>
    public long PaidOnTimeFen { get; private set; }
    public DateOnly? LastPaidDate { get; private set; }
    /// <summary>True when nothing more can be allocated to the month: all it owes is allocated (or it owes nothing).</summary>
    public bool IsSettled => DueFen - AllocatedFen <= 0;

    /// <summary>The processed line whose allocation made the month paid in full, or -1.</summary>
    public int CompletingLine { get; private set; } = -1;

    /// <summary>Joins the month's payroll rows to it.</summary>
    public void JoinPayroll(PayrollMonth payroll) => Payroll = payroll;

    /// <summary>Sets what is owed, from where, and when (§3.1); <paramref name="asOf"/> decides whether it is due yet.</summary>
    public void SetDue(long dueFen, DueSource source, DateOnly dueDate, int graceDays, DateOnly asOf)
    {
        DueFen = dueFen;
        DueSource = source;
        DueDate = dueDate;
        IsDue = dueDate.AddDays(graceDays) < asOf;
    }

    /// <summary>
    /// Takes up to <paramref name="available"/> fen of payment processed line <paramref name="line"/>, dated
    /// <paramref name="date"/>, towards what is still owed; returns the fen taken (0 when nothing is owed).
    /// </summary>
    /// <param name="available">Fen of the payment not yet allocated.</param>
    /// <param name="line">The processed line paying.</param>
    /// <param name="date">The payment's date.</param>
    /// <param name="terms">As-of date, tolerance and grace days.</param>
    public long Allocate(long available, int line, DateOnly date, in PaymentTerms terms)
    {
        long take = Math.Min(available, DueFen - AllocatedFen);
        if (take <= 0) return 0;
        AllocatedFen = checked(AllocatedFen + take);
        if (date <= terms.AsOf)
        {
            PaidFen = checked(PaidFen + take);
            LastPaidDate = date;
            if (CompletingLine < 0 && PaidFen >= DueFen - terms.ToleranceFen) CompletingLine = line;
        }
        // The on-time limit (due date + grace) is worked out here rather than kept: a field more per worker-month costs more than the addition.
        if (date <= DueDate.AddDays(terms.GraceDays)) PaidOnTimeFen = checked(PaidOnTimeFen + take);
        return take;
    }
}

/// <summary>What decides how a payment counts for a month: paid by <paramref name="AsOf"/>, in full within
/// <paramref name="ToleranceFen"/>, on time by the due date + <paramref name="GraceDays"/>.</summary>
/// <param name="AsOf">Payments after it are allocated but not paid yet.</param>
/// <param name="ToleranceFen">A month short by at most this much counts as paid in full.</param>
/// <param name="GraceDays">Days after the due date a payment is still on time.</param>
internal readonly record struct PaymentTerms(DateOnly AsOf, long ToleranceFen, int GraceDays);
