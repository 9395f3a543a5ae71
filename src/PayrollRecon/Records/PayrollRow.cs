using PayrollRecon.Model;

namespace PayrollRecon.Records;

/// <summary>One accepted row of <c>payroll.csv</c>.</summary>
public readonly ref struct PayrollRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>身份证号 as written (compare upper-cased).</summary>
    public required ReadOnlySpan<byte> IdNumber { get; init; }
    /// <summary>工资月份.</summary>
    public required YearMonth Period { get; init; }
    /// <summary>出勤天数 when given.</summary>
    public required int? Days { get; init; }
    /// <summary>Hours in hundredths when given (e.g. 8.5 h = 850); informational.</summary>
    public required long? HoursCentis { get; init; }
    /// <summary>应发.</summary>
    public required Money Gross { get; init; }
    /// <summary>扣款 (0 when empty).</summary>
    public required Money Deductions { get; init; }
    /// <summary>实发.</summary>
    public required Money Net { get; init; }
}
