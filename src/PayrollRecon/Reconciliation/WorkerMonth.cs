using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>One worker's month: what was owed, when, and what was allocated to it.</summary>
internal sealed class WorkerMonth
{
    public WorkerMonth(RosterWorker worker, YearMonth period)
    {
        Worker = worker;
        Period = period;
    }

    public RosterWorker Worker { get; }
    public YearMonth Period { get; }

    /// <summary>Attendance block of the month, or -1 when the worker has no punch in it.</summary>
    public int AttendanceBlock { get; set; } = -1;
    public int Days { get; set; }
    public long Seconds { get; set; }
    public PayrollMonth? Payroll { get; set; }

    public long DueFen { get; set; }
    public DueSource DueSource { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>Due date + grace &lt; asOf.</summary>
    public bool IsDue { get; set; }

    /// <summary>Everything allocated, whatever the payment date (outstanding during allocation is against this).</summary>
    public long AllocatedFen { get; set; }
    /// <summary>Allocated from payments dated on or before asOf.</summary>
    public long PaidFen { get; set; }
    /// <summary>Allocated from payments dated on or before due date + grace.</summary>
    public long PaidOnTimeFen { get; set; }
    public DateOnly? LastPaidDate { get; set; }
    /// <summary>The processed line whose allocation made the month paid in full, or -1.</summary>
    public int CompletingLine { get; set; } = -1;
}

/// <summary>The payroll rows of one worker and month, summed.</summary>
internal sealed class PayrollMonth
{
    public long GrossFen { get; set; }
    public long DeductionsFen { get; set; }
    public long NetFen { get; set; }
    /// <summary>Σ of the rows' days, null when no row gave days.</summary>
    public int? Days { get; set; }
    public long FirstLine { get; set; }
}
