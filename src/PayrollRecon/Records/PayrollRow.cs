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
    /// <summary>出勤天数 when given as a whole number of days (null for <c>21.5</c>: see <see cref="DaysCentis"/>).</summary>
    public required int? Days { get; init; }
    /// <summary>出勤天数 in hundredths when given, whole or not (21.5 days = 2150); when set, the engine reads it rather than
    /// <see cref="Days"/> (a row made with <see cref="Days"/> alone counts <see cref="Days"/> × 100).</summary>
    public long? DaysCentis { get; init; }
    /// <summary>Hours in hundredths when given (e.g. 8.5 h = 850); informational.</summary>
    public required long? HoursCentis { get; init; }
    /// <summary>应发.</summary>
    public required Money Gross { get; init; }
    /// <summary>扣款 (0 when empty).</summary>
    public required Money Deductions { get; init; }
    /// <summary>实发.</summary>
    public required Money Net { get; init; }
}
