using PayrollRecon.Project;

namespace PayrollRecon;

/// <summary>Everything one project's check reads: its settings and one source per input kind (SPEC §2).</summary>
public sealed record CheckInputs
{
    /// <summary>The project settings (from <c>project.json</c> or built by the host).</summary>
    public required ProjectSettings Settings { get; init; }
    /// <summary>The real-name roster (花名册); required.</summary>
    public required InputSource Workers { get; init; }
    /// <summary>The dedicated-account statement (专户流水); required.</summary>
    public required InputSource Bank { get; init; }
    /// <summary>Attendance punches (考勤); optional.</summary>
    public InputSource? Attendance { get; init; }
    /// <summary>The payroll sheet (工资支付表); optional.</summary>
    public InputSource? Payroll { get; init; }
    /// <summary>Batch-payroll detail lines (代发明细); optional.</summary>
    public InputSource? Batches { get; init; }
    /// <summary>Holidays and swapped working days; optional.</summary>
    public InputSource? Calendar { get; init; }
    /// <summary>Reviewers' rulings on finding ids (<c>rulings.csv</c>, SPEC §7); optional.</summary>
    public InputSource? Rulings { get; init; }
    /// <summary>The previous run of the project (SPEC §7 <c>--previous</c>); null: every finding is new.</summary>
    /// <remarks>Read it with <see cref="FollowUp.PreviousRun.Load"/> from the previous output folder.</remarks>
    public FollowUp.PreviousRun? Previous { get; init; }
}
