namespace PayrollRecon.Reading;

/// <summary>How a bank statement gives each line's direction and amount (SPEC §2, R6).</summary>
public enum BankLayout
{
    /// <summary>Layout A: a direction column (借/贷) and an unsigned amount.</summary>
    DirectionAndAmount,

    /// <summary>Layout B: separate debit and credit columns.</summary>
    DebitCredit,

    /// <summary>Layout C: one signed amount, negative = debit.</summary>
    SignedAmount,
}
