namespace PayrollRecon.Reporting;

/// <summary>The words of the follow-up parts of the pages (SPEC §7) in one language.</summary>
internal sealed class FollowUpLabels
{
    internal static readonly FollowUpLabels Zh = new()
    {
        Id = "编号",
        FollowUp = "整改跟踪",
        Since = "与上次检查（{0}）相比",
        NoPrevious = "未提供上次检查结果，所有问题均为新发现",
        StatusText = ["新发现", "持续", "复发", "已豁免"],
        Resolved = "本次销号",
        ResolvedList = "销号清单",
        NoResolved = "本次没有销号的问题",
        FirstSeen = "首次发现",
        ResolvedOn = "销号日期",
        DaysOpen = "挂牌天数",
        RunsOpen = "连续检查次数",
        Rulings = "复核认定",
        Ruling = "认定",
        RulingText = ["核实属实", "误报（已豁免）", "已整改"],
        FixNotConfirmed = "整改未见效",
        Reason = "理由",
        Reviewer = "复核人",
        RulingDate = "认定日期",
        Matched = "对应问题",
        Stale = "未找到（认定失效）",
        Worker = "工人",
        Code = "问题类型",
        Period = "月份",
        Source = "来源",
        NewCount = "新发现",
        OpenCount = "持续",
        ReopenedCount = "复发",
        WaivedCount = "已豁免",
        ResolvedCount = "已销号",
        OldestOpen = "最久未销号（天）",
        WhyLevel = "预警原因",
        Clearing = "整改进度",
    };

    internal static readonly FollowUpLabels En = new()
    {
        Id = "ID",
        FollowUp = "Follow-up",
        Since = "Compared with the previous check ({0})",
        NoPrevious = "No previous check given: every finding is new",
        StatusText = ["new", "open", "reopened", "waived"],
        Resolved = "Resolved this run",
        ResolvedList = "Resolved findings",
        NoResolved = "Nothing was resolved since the previous check",
        FirstSeen = "First seen",
        ResolvedOn = "Resolved on",
        DaysOpen = "Days open",
        RunsOpen = "Runs open",
        Rulings = "Rulings",
        Ruling = "Ruling",
        RulingText = ["confirmed", "false alarm (waived)", "fixed"],
        FixNotConfirmed = "fix not confirmed",
        Reason = "Reason",
        Reviewer = "Reviewer",
        RulingDate = "Date",
        Matched = "Finding",
        Stale = "not found (stale ruling)",
        Worker = "Worker",
        Code = "Code",
        Period = "Period",
        Source = "Source",
        NewCount = "New",
        OpenCount = "Open",
        ReopenedCount = "Reopened",
        WaivedCount = "Waived",
        ResolvedCount = "Resolved",
        OldestOpen = "Oldest open (days)",
        WhyLevel = "Why this level",
        Clearing = "Clearing",
    };

    private FollowUpLabels()
    {
    }

    internal static FollowUpLabels For(ReportLanguage language) => language == ReportLanguage.En ? En : Zh;

    internal required string Id { get; init; }
    internal required string FollowUp { get; init; }
    internal required string Since { get; init; }
    internal required string NoPrevious { get; init; }
    internal required string[] StatusText { get; init; }
    internal required string Resolved { get; init; }
    internal required string ResolvedList { get; init; }
    internal required string NoResolved { get; init; }
    internal required string FirstSeen { get; init; }
    internal required string ResolvedOn { get; init; }
    internal required string DaysOpen { get; init; }
    internal required string RunsOpen { get; init; }
    internal required string Rulings { get; init; }
    internal required string Ruling { get; init; }
    internal required string[] RulingText { get; init; }
    internal required string FixNotConfirmed { get; init; }
    internal required string Reason { get; init; }
    internal required string Reviewer { get; init; }
    internal required string RulingDate { get; init; }
    internal required string Matched { get; init; }
    internal required string Stale { get; init; }
    internal required string Worker { get; init; }
    internal required string Code { get; init; }
    internal required string Period { get; init; }
    internal required string Source { get; init; }
    internal required string NewCount { get; init; }
    internal required string OpenCount { get; init; }
    internal required string ReopenedCount { get; init; }
    internal required string WaivedCount { get; init; }
    internal required string ResolvedCount { get; init; }
    internal required string OldestOpen { get; init; }
    internal required string WhyLevel { get; init; }
    internal required string Clearing { get; init; }
}
