using PayrollRecon.Findings;
using PayrollRecon.Records;

namespace PayrollRecon.Generation;

/// <summary>Everything decided about one roster worker of a generated project, and what the attendance pass measured.</summary>
internal sealed class WorkerPlan
{
    public WorkerPlan(int index, int months)
    {
        Index = index;
        WorkerId = $"W{index + 1:D4}";
        Days = new int[months];
        Seconds = new long[months];
        Due = new long[months];
        Payroll = new PayrollLine[months];
    }

    /// <summary>0-based roster position.</summary>
    public int Index { get; }
    public string WorkerId { get; }
    public string Name { get; set; } = "";
    /// <summary>The name as written on bank lines (a spacing or dot variant that normalises to <see cref="Name"/>).</summary>
    public string PayName { get; set; } = "";
    /// <summary>The id as registered in the roster.</summary>
    public string IdNumber { get; set; } = "";
    /// <summary>The id as the attendance device writes it (a lower-case x on some devices).</summary>
    public byte[] AttendanceId { get; set; } = [];
    /// <summary>Registered wage card as written (may be empty or invalid for a planted defect).</summary>
    public string BankAccount { get; set; } = "";
    /// <summary>The card the money actually goes to.</summary>
    public string PayAccount { get; set; } = "";
    public int Employer { get; set; }
    public string Team { get; set; } = "";
    public string Trade { get; set; } = "";
    public WageType WageType { get; set; }
    /// <summary>Fen per day, month or hour; 0 for piece rate.</summary>
    public long RateFen { get; set; }
    public DateOnly? Entry { get; set; }
    public DateOnly? Exit { get; set; }
    /// <summary>First date the worker may punch (inside tenure).</summary>
    public DateOnly AttendFrom { get; set; }
    /// <summary>Last date the worker may punch (inside tenure).</summary>
    public DateOnly AttendTo { get; set; }
    /// <summary>Punches out and in again at lunch.</summary>
    public bool MidDayPunches { get; set; }
    /// <summary>The employer hands in a payroll sheet for this worker.</summary>
    public bool HasPayroll { get; set; }
    /// <summary>Paid through the employer's batch payroll (代发) rather than one transfer each.</summary>
    public bool ByBatch { get; set; }
    /// <summary>Attendance device number (1-based).</summary>
    public int Device { get; set; }

    /// <summary>The planted defect, or null for a clean worker.</summary>
    public FindingCode? Defect { get; set; }
    /// <summary>Month index the defect concerns (-1 when none).</summary>
    public int DefectMonth { get; set; } = -1;
    /// <summary>Which variant of the defect.</summary>
    public int Variant { get; set; }
    /// <summary>Takes part in another worker's defect (the first holder of a shared card): kept free of random extras.</summary>
    public bool Reserved { get; set; }
    /// <summary>Another person's name written on a payment (NAME_MISMATCH).</summary>
    public string? AltName { get; set; }
    /// <summary>A card not on the roster that a payment goes to (ACCOUNT_MISMATCH).</summary>
    public string? AltAccount { get; set; }
    /// <summary>Month index with no punches at all (-1 when none).</summary>
    public int SkipMonth { get; set; } = -1;
    /// <summary>Punch dates outside tenure.</summary>
    public DateOnly[] ExtraDates { get; set; } = [];

    /// <summary>Distinct punch dates per month.</summary>
    public int[] Days { get; }
    /// <summary>Σ (last − first punch) seconds per month.</summary>
    public long[] Seconds { get; }
    /// <summary>Net due per month in fen (payroll net, else computed).</summary>
    public long[] Due { get; }
    /// <summary>Payroll row per month (when <see cref="PayrollLine.Present"/>).</summary>
    public PayrollLine[] Payroll { get; }

    /// <summary>A clean worker that random extras (batch failures, refunds, name variants) may touch.</summary>
    public bool IsPlain => Defect is null && !Reserved;
}

/// <summary>One payroll-sheet row of a worker-month.</summary>
internal struct PayrollLine
{
    public bool Present;
    public long Gross;
    public long Deductions;
    public long Net;
    /// <summary>出勤天数 written, or -1 for an empty cell.</summary>
    public int Days;
}
