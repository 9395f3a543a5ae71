namespace PayrollRecon.Records;

/// <summary>Direction of a bank statement line, seen from the dedicated account.</summary>
public enum BankDirection
{
    /// <summary>借 / 支出: money out of the account.</summary>
    Debit,
    /// <summary>贷 / 收入: money into the account.</summary>
    Credit,
}

/// <summary>Direction of an attendance punch (informational; hours ignore it).</summary>
public enum PunchDirection
{
    /// <summary>No direction column or empty value.</summary>
    Unknown,
    /// <summary>进 / in / E / 01.</summary>
    In,
    /// <summary>出 / out / L / 02.</summary>
    Out,
}

/// <summary>Outcome of one batch-payroll (代发) detail line.</summary>
public enum BatchStatus
{
    /// <summary>成功: the money reached the card.</summary>
    Success,
    /// <summary>失败: the line paid nobody.</summary>
    Failed,
}

/// <summary>Kind of a <c>calendar.csv</c> entry.</summary>
public enum CalendarKind
{
    /// <summary>A public holiday (rest day even on a weekday).</summary>
    Holiday,
    /// <summary>A swapped working day (working day even on a weekend).</summary>
    Workday,
}
