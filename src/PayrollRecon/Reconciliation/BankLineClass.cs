namespace PayrollRecon.Reconciliation;

/// <summary>The class every bank statement line ends up in (SPEC §3.2).</summary>
public enum BankLineClass
{
    /// <summary>Step 1: a lump debit replaced by its batch detail lines.</summary>
    Batch,
    /// <summary>Steps 2–3 (and batch details): a wage payment to a roster worker.</summary>
    WagePayment,
    /// <summary>Step 4: a bank fee.</summary>
    Fee,
    /// <summary>Step 5 (and a batch whose detail is missing): money out that pays nobody on the roster.</summary>
    Misuse,
    /// <summary>Step 6: a refund cancelling an earlier wage payment (or unmatched).</summary>
    Refund,
    /// <summary>Step 7: interest.</summary>
    Interest,
    /// <summary>Step 8: labour funds from the client.</summary>
    LaborFunds,
    /// <summary>A repeated txn_id: left out of everything.</summary>
    DuplicateTxn,
}

/// <summary>The rule of SPEC §3.2 that placed a line in its class.</summary>
public enum BankLineRule
{
    BatchExpanded,
    BatchDetailMissing,
    RosterAccount,
    RosterName,
    FeeMemo,
    NonWageDebit,
    UnknownPayee,
    RefundMatched,
    RefundUnmatched,
    InterestMemo,
    LaborFunds,
    DuplicateTxn,
    /// <summary>A batch detail line that identified a worker by account or name.</summary>
    BatchDetailPayment,
    /// <summary>A batch detail line that failed or identified nobody.</summary>
    BatchDetailNoPayee,
}
