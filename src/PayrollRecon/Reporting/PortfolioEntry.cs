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

    /// <summary>True when the check was compared with a previous run (SPEC §7), so the follow-up counts mean something.</summary>
    public bool Tracked { get; init; }

    /// <summary>Findings not in the previous run.</summary>
    public int New { get; init; }

    /// <summary>Findings also in the previous run.</summary>
    public int Open { get; init; }

    /// <summary>Findings resolved before and reported again.</summary>
    public int Reopened { get; init; }

    /// <summary>Findings of the previous run gone in this one (销号).</summary>
    public int Resolved { get; init; }

    /// <summary>Findings ruled false alarms.</summary>
    public int Waived { get; init; }

    /// <summary>Days since the oldest finding still reported (and not waived) was first seen; null when none is.</summary>
    public int? OldestOpenDays { get; init; }

    /// <summary>Why the project has its level: the codes of its findings at that level (waived ones left out), most frequent first, at most three.</summary>
    public IReadOnlyList<PortfolioCode> TopCodes { get; init; } = [];

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

        int? oldest = null;
        var atLevel = new Dictionary<FindingCode, (int Count, long Fen, bool HasAmount)>();
        foreach (var f in result.Findings)
        {
            if (f.Status == FindingStatus.Waived || f.Severity == Severity.Info) continue;
            int age = s.AsOf.DayNumber - (f.FirstSeen ?? s.AsOf).DayNumber;
            if (oldest is null || age > oldest) oldest = age;
            if (f.Severity != s.WarningLevel) continue;
            var (count, fen, hasAmount) = atLevel.GetValueOrDefault(f.Code);
            atLevel[f.Code] = (count + 1, checked(fen + (f.Amount?.Fen ?? 0)), hasAmount || f.Amount is not null);
        }

        var top = atLevel
            .OrderByDescending(static kv => kv.Value.Count)
            .ThenByDescending(static kv => kv.Value.Fen)
            .ThenBy(static kv => FindingCodes.Name(kv.Key), StringComparer.Ordinal)
            .Take(3)
            .Select(static kv => new PortfolioCode(FindingCodes.Name(kv.Key), kv.Value.Count, kv.Value.HasAmount ? new Money(kv.Value.Fen) : null))
            .ToArray();

        return new PortfolioEntry
        {
            AsOf = s.AsOf,
            Tracked = result.PreviousAsOf is not null,
            New = s.CountsByStatus.GetValueOrDefault(FindingStatus.New),
            Open = s.CountsByStatus.GetValueOrDefault(FindingStatus.Open),
            Reopened = s.CountsByStatus.GetValueOrDefault(FindingStatus.Reopened),
            Waived = s.CountsByStatus.GetValueOrDefault(FindingStatus.Waived),
            Resolved = result.Resolved.Count,
            OldestOpenDays = oldest,
            TopCodes = top,
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

/// <summary>One finding code behind a project's warning level.</summary>
/// <param name="Code">The code name, e.g. <c>UNPAID</c>.</param>
/// <param name="Count">Findings of that code at the project's level.</param>
/// <param name="Amount">Σ their amounts, or null when none of them carries one (SPEC R31).</param>
public sealed record PortfolioCode(string Code, int Count, Money? Amount)
{
    /// <summary><c>CODE=count/amount</c>, as in <c>portfolio.csv</c>; <c>CODE=count</c> for a code whose findings carry no
    /// amount (SPEC R31: <c>LATE</c>, <c>DATA_ERROR</c>, …).</summary>
    public override string ToString() => Amount is { } amount
        ? $"{Code}={Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{amount}"
        : $"{Code}={Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
