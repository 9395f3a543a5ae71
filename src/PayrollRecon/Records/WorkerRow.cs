namespace PayrollRecon.Records;

/// <summary>One accepted row of <c>workers.csv</c>; text fields are trimmed UTF-8 bytes valid until the next read.</summary>
public readonly ref struct WorkerRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>工号 (may be empty).</summary>
    public required ReadOnlySpan<byte> WorkerId { get; init; }
    /// <summary>姓名.</summary>
    public required ReadOnlySpan<byte> Name { get; init; }
    /// <summary>身份证号 as written (compare upper-cased).</summary>
    public required ReadOnlySpan<byte> IdNumber { get; init; }
    /// <summary>工资卡号 as written (may be empty or hold non-digits).</summary>
    public required ReadOnlySpan<byte> BankAccount { get; init; }
    /// <summary>用工单位 (may be empty).</summary>
    public required ReadOnlySpan<byte> Employer { get; init; }
    /// <summary>班组 (may be empty).</summary>
    public required ReadOnlySpan<byte> Team { get; init; }
    /// <summary>工种 (may be empty).</summary>
    public required ReadOnlySpan<byte> Trade { get; init; }
    /// <summary>计薪方式.</summary>
    public required WageType WageType { get; init; }
    /// <summary>工资标准 in fen per day / month / hour; null for piece rate when empty.</summary>
    public required long? WageRateFen { get; init; }
    /// <summary>进场日期.</summary>
    public required DateOnly? EntryDate { get; init; }
    /// <summary>退场日期.</summary>
    public required DateOnly? ExitDate { get; init; }
}
