namespace PayrollRecon.Reading;

/// <summary>The tabular inputs of a project (SPEC §2).</summary>
public enum InputKind
{
    /// <summary><c>workers.csv</c>, the real-name roster.</summary>
    Workers,

    /// <summary><c>attendance.csv</c>, attendance punches.</summary>
    Attendance,

    /// <summary><c>payroll.csv</c>, the payroll sheet.</summary>
    Payroll,

    /// <summary><c>bank.csv</c>, the dedicated-account statement.</summary>
    Bank,

    /// <summary><c>batches.csv</c>, batch-payroll detail lines.</summary>
    Batches,

    /// <summary><c>calendar.csv</c>, holidays and swapped working days.</summary>
    Calendar,

    /// <summary><c>rulings.csv</c>, reviewers' rulings on finding ids (SPEC §7).</summary>
    Rulings,
}
