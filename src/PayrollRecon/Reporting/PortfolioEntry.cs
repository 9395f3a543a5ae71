using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>One project's line in a batch portfolio (<c>portfolio.csv</c>, <c>portfolio.html</c>).</summary>
public sealed record PortfolioEntry
{
    /// <summary>Project code.</summary>
    public required string Code { get; init; }

    /// <summary>Project name, when known.</summary>
    public string? Name { get; init; }

    /// <summary>Highest severity among the project's findings; null for green (or when the project failed to load).</summary>
    public Severity? WarningLevel { get; init; }

    /// <summary>Number of red findings.</summary>
    public int Red { get; init; }

    /// <summary>Number of orange findings.</summary>
    public int Orange { get; init; }

    /// <summary>Number of yellow findings.</summary>
    public int Yellow { get; init; }

    /// <summary>Number of info findings.</summary>
    public int Info { get; init; }

    /// <summary>Total due on the project's worker-months.</summary>
    public Money Due { get; init; }

    /// <summary>Total paid.</summary>
    public Money Paid { get; init; }

    /// <summary>Total outstanding on due months.</summary>
    public Money Outstanding { get; init; }

    /// <summary>Roster workers.</summary>
    public int Workers { get; init; }

    /// <summary>Employers graded C.</summary>
    public int EmployersC { get; init; }

    /// <summary>Relative link to the project's report, e.g. <c>LY-2023-0017/report.html</c>; null for none.</summary>
    public string? ReportLink { get; init; }

    /// <summary>The as-of date the project was checked at; null when it could not be checked.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Why the project could not be checked; null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>The portfolio line of a checked project, linking to <c>&lt;code&gt;/report.html</c>.</summary>
    public static PortfolioEntry FromResult(ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Summary;
        int employersC = 0;
        foreach (var g in s.EmployerGrades)
        {
            if (g.Grade == 'C') employersC++;
        }

        return new PortfolioEntry
        {
            Code = s.ProjectCode,
            Name = s.ProjectName ?? result.Settings.Name,
            WarningLevel = s.WarningLevel is null or Severity.Info ? null : s.WarningLevel,
            Red = s.CountsBySeverity.GetValueOrDefault(Severity.Red),
            Orange = s.CountsBySeverity.GetValueOrDefault(Severity.Orange),
            Yellow = s.CountsBySeverity.GetValueOrDefault(Severity.Yellow),
            Info = s.CountsBySeverity.GetValueOrDefault(Severity.Info),
            Due = s.TotalDue,
            Paid = s.TotalPaid,
            Outstanding = s.TotalOutstanding,
            Workers = s.Workers,
            EmployersC = employersC,
            ReportLink = DefaultReportLink(s.ProjectCode),
            AsOf = s.AsOf,
        };
    }

    /// <summary>The portfolio line of a project that could not be loaded or checked.</summary>
    public static PortfolioEntry Failed(string code, string? name, string error) => new()
    {
        Code = code,
        Name = name,
        Error = error,
    };

    /// <summary>The relative link <c>&lt;code&gt;/report.html</c> with the code percent-encoded as one path segment.</summary>
    public static string DefaultReportLink(string code) => Uri.EscapeDataString(code) + "/report.html";
}
