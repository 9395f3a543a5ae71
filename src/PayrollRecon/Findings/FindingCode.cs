namespace PayrollRecon.Findings;

/// <summary>Every finding the engine can report (SPEC §3.4). Written in outputs as the UPPER_SNAKE name.</summary>
public enum FindingCode
{
    /// <summary>A due month with something owed and nothing paid (by age).</summary>
    Unpaid,
    /// <summary>A due month paid only in part (by age).</summary>
    Shortfall,
    /// <summary>A month paid in full, but partly after its due date (+ grace).</summary>
    Late,
    /// <summary>Money of a payment left over after every month owed was settled.</summary>
    Overpaid,
    /// <summary>Paid to a registered card, but the counterparty name differs from the worker's.</summary>
    NameMismatch,
    /// <summary>Paid to a worker identified by name, on a card that is not the registered one.</summary>
    AccountMismatch,
    /// <summary>Money out to a person not on the roster.</summary>
    UnknownPayee,
    /// <summary>Money out to a firm, in cash, or to nobody.</summary>
    NonWageDebit,
    /// <summary>A batch debit whose detail lines do not add up to it.</summary>
    BatchTotalMismatch,
    /// <summary>A debit with a batch id that has no detail lines.</summary>
    BatchDetailMissing,
    /// <summary>A refund that cancels no earlier payment.</summary>
    UnmatchedRefund,
    /// <summary>A second payment of the same amount for the same memo month.</summary>
    DuplicatePayment,
    /// <summary>A worker's payments in a month or year above the cap.</summary>
    ExcessivePayment,
    /// <summary>The running balance does not follow from the previous line.</summary>
    BalanceBreak,
    /// <summary>A transaction id seen before; the later line is left out.</summary>
    DuplicateTxn,
    /// <summary>Payments allocated to a month in which the worker has no punch.</summary>
    PaidWithoutAttendance,
    /// <summary>Payroll days differ from attendance days.</summary>
    DaysMismatch,
    /// <summary>A piece-rate worker with attendance and no payroll row.</summary>
    MissingPayroll,
    /// <summary>Payroll gross − deductions ≠ net.</summary>
    PayrollArithmetic,
    /// <summary>A month's wage (or an hourly rate) below the minimum wage.</summary>
    BelowMinimumWage,
    /// <summary>Workers with attendance but nothing paid for a due month.</summary>
    HeadcountMismatch,
    /// <summary>Punches of an id number not on the roster.</summary>
    UnregisteredWorker,
    /// <summary>Punches before the entry date or after the exit date.</summary>
    AttendanceOutsideTenure,
    /// <summary>Not a valid 18-character GB 11643 id number.</summary>
    InvalidIdNumber,
    /// <summary>Under 16 on the entry date (or first punch).</summary>
    UnderageWorker,
    /// <summary>An id number listed twice on the roster.</summary>
    DuplicateWorker,
    /// <summary>One wage card registered for two or more workers.</summary>
    SharedBankAccount,
    /// <summary>An empty, non-digit or wrong-length wage card number.</summary>
    InvalidBankAccount,
    /// <summary>Labour funds arrived after a schedule item's due date.</summary>
    LaborFundsLate,
    /// <summary>Labour funds still short of the schedule at the as-of date.</summary>
    LaborFundsShort,
    /// <summary>A row that could not be read.</summary>
    DataError,
    /// <summary>A ruling in <c>rulings.csv</c> that matches no finding of the run (SPEC §7).</summary>
    StaleRuling,
}
