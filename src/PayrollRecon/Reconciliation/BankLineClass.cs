namespace PayrollRecon.Reconciliation;

/// <summary>The class every bank statement line ends up in (SPEC §3.2).</summary>
public enum BankLineClass
{
    /// <summary>Step 1: a lump debit with a batch_id (expanded, or its detail missing); also a detail line that pays nobody.</summary>
    Batch,
    /// <summary>Steps 2–3 (and batch details): a wage payment to a roster worker.</summary>
    WagePayment,
    /// <summary>Step 4: a bank fee.</summary>
    Fee,
    /// <summary>Step 5: money out to a firm, cash, nobody, or a person not on the roster.</summary>
    Misuse,
    /// <summary>Step 6: a refund cancelling an earlier wage payment (or unmatched).</summary>
    Refund,
    /// <summary>Step 7: interest.</summary>
    Interest,
    /// <summary>Step 8: labour funds from the client.</summary>
    LaborFunds,
    /// <summary>A line repeating an earlier one (same txn_id, date, direction and amount, R15): left out of everything.</summary>
    DuplicateTxn,
    /// <summary>A zero-amount line (R41): takes part in the balance chain only; no classification, not in the totals.</summary>
    Zero,
    /// <summary>A line whose status is failed, cancelled or reversed (R39): listed, and takes part in nothing.</summary>
    Excluded,
}

/// <summary>The rule of SPEC §3.2 that placed a line in its class.</summary>
public enum BankLineRule
{
    /// <summary>Step 1: the batch_id is in batches.csv; the detail lines follow the lump.</summary>
    BatchExpanded,
    /// <summary>Step 1: the batch_id is not in batches.csv (or there is no batches.csv); the debit pays nobody.</summary>
    BatchDetailMissing,
    /// <summary>Step 2: the counterparty account's digits are a registered card.</summary>
    RosterAccount,
    /// <summary>Step 3: the counterparty name matches exactly one roster worker.</summary>
    RosterName,
    /// <summary>Step 4: a bank (or nobody) with a fee memo.</summary>
    FeeMemo,
    /// <summary>Step 5: a firm, cash, or nobody.</summary>
    NonWageDebit,
    /// <summary>Step 5: a person not on the roster.</summary>
    UnknownPayee,
    /// <summary>Step 6: a refund that cancelled an earlier wage payment.</summary>
    RefundMatched,
    /// <summary>Step 6: a refund with no payment to cancel.</summary>
    RefundUnmatched,
    /// <summary>Step 7: an interest memo.</summary>
    InterestMemo,
    /// <summary>Step 8: any other credit.</summary>
    LaborFunds,
    /// <summary>An earlier line in date order has the same txn_id, date, direction and amount (R15); the line takes part in nothing.</summary>
    DuplicateTxn,
    /// <summary>A batch detail line that identified a worker by account or name.</summary>
    BatchDetailPayment,
    /// <summary>A batch detail line that failed or identified nobody.</summary>
    BatchDetailNoPayee,
    /// <summary>The amount is zero (R41): only the balance chain reads the line.</summary>
    ZeroAmount,
    /// <summary>The statement's status column says the line did not succeed (R39); see <see cref="BankLineExplanation.Status"/>.</summary>
    StatusNotSucceeded,
}
