using PayrollRecon.Model;

namespace PayrollRecon.Project;

/// <summary>The settings of one project (<c>project.json</c>, SPEC §2.2), with defaults applied.</summary>
public sealed record ProjectSettings
{
    /// <summary>Project code (required), e.g. <c>LY-2023-0017</c>.</summary>
    public required string Code { get; init; }
    /// <summary>Project name.</summary>
    public string? Name { get; init; }
    /// <summary>The general contractor (施工总承包单位).</summary>
    public string? Contractor { get; init; }
    /// <summary>The dedicated account number.</summary>
    public string? Account { get; init; }
    /// <summary>Reference date; null means "today" (resolved by the caller).</summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>Day of month wages are paid (1..31, clipped to the month's end).</summary>
    public int PayDay { get; init; } = 31;
    /// <summary>Wages for month M are paid in M + offset (0 or more).</summary>
    public int PayMonthOffset { get; init; } = 1;
    /// <summary>Days after the due date still counted as on time.</summary>
    public int GraceDays { get; init; }
    /// <summary>Shortfalls up to this amount are tolerated.</summary>
    public Money AmountTolerance { get; init; } = Money.Zero;
    /// <summary>Monthly minimum wage; null disables the monthly check.</summary>
    public Money? MinimumWageMonthly { get; init; }
    /// <summary>Hourly minimum wage; null disables the hourly check.</summary>
    public Money? MinimumWageHourly { get; init; }
    /// <summary>Per worker per calendar month cap on payments.</summary>
    public Money MonthlyCap { get; init; } = Money.FromYuan(50_000);
    /// <summary>Per worker per calendar year cap on payments.</summary>
    public Money YearlyCap { get; init; } = Money.FromYuan(300_000);
    /// <summary>Labour-fund schedule; empty disables the labour-fund checks.</summary>
    public IReadOnlyList<LaborFundItem> LaborFunds { get; init; } = [];
}

/// <summary>One scheduled labour-cost transfer into the account.</summary>
/// <param name="Period">The month it is for.</param>
/// <param name="Amount">Scheduled amount.</param>
/// <param name="DueDate">Date by which it must have arrived.</param>
public sealed record LaborFundItem(YearMonth Period, Money Amount, DateOnly DueDate);
