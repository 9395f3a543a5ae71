namespace PayrollRecon.Records;

/// <summary>The state a bank statement gives a line in its optional <c>status</c> column (交易状态, R39).</summary>
public enum BankLineStatus
{
    /// <summary>Empty, 成功, 交易成功 or success: the line counts.</summary>
    Succeeded,

    /// <summary>失败, 交易失败 or failed: the line takes part in nothing.</summary>
    Failed,

    /// <summary>已撤销, 撤销 or cancelled: the line takes part in nothing.</summary>
    Cancelled,

    /// <summary>已冲正, 冲正 or reversed: the line takes part in nothing.</summary>
    Reversed,
}
