using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>The words of the human-readable outputs in one language.</summary>
internal sealed class Labels
{
    internal static readonly Labels Zh = CreateZh();
    internal static readonly Labels En = CreateEn();

    private Labels()
    {
    }

    internal static Labels For(ReportLanguage language) => language == ReportLanguage.En ? En : Zh;

    internal required string HtmlLang { get; init; }
    internal required string[] SeverityShort { get; init; }
    internal required string[] LevelBadge { get; init; }
    internal required string[] LevelText { get; init; }
    internal required string[] CodeTitles { get; init; }
    internal required string[] StatusText { get; init; }
    internal required string ReportTitle { get; init; }
    internal required string PortfolioTitle { get; init; }
    internal required string ProjectCode { get; init; }
    internal required string Contractor { get; init; }
    internal required string Account { get; init; }
    internal required string AsOf { get; init; }
    internal required string WarningLevel { get; init; }
    internal required string Totals { get; init; }
    internal required string Due { get; init; }
    internal required string Paid { get; init; }
    internal required string Outstanding { get; init; }
    internal required string LaborFundsIn { get; init; }
    internal required string WagePaymentsOut { get; init; }
    internal required string YuanUnit { get; init; }
    internal required string Workers { get; init; }
    internal required string FindingsCount { get; init; }
    internal required string Conservation { get; init; }
    internal required string Balanced { get; init; }
    internal required string Unbalanced { get; init; }
    internal required string StatementOrder { get; init; }
    internal required string NewestFirst { get; init; }
    internal required string LinesOutsideTotals { get; init; }
    internal required string ExcludedLines { get; init; }
    internal required string ZeroLines { get; init; }
    internal required string EmployerGrades { get; init; }
    internal required string Employer { get; init; }
    internal required string Grade { get; init; }
    internal required string[] GradeHint { get; init; }
    internal required string ChartDuePaid { get; init; }
    internal required string ChartOutstandingByEmployer { get; init; }
    internal required string ChartFindingsByCode { get; init; }
    internal required string Findings { get; init; }
    internal required string FilterBySeverity { get; init; }
    internal required string SortHint { get; init; }
    internal required string Severity { get; init; }
    internal required string Code { get; init; }
    internal required string WorkerId { get; init; }
    internal required string WorkerName { get; init; }
    internal required string IdNumber { get; init; }
    internal required string Period { get; init; }
    internal required string Amount { get; init; }
    internal required string Days { get; init; }
    internal required string Source { get; init; }
    internal required string Message { get; init; }
    internal required string NoFindings { get; init; }
    internal required string Arrears { get; init; }
    internal required string NoArrears { get; init; }
    internal required string DueDate { get; init; }
    internal required string LastPaid { get; init; }
    internal required string Status { get; init; }
    internal required string InputFiles { get; init; }
    internal required string File { get; init; }
    internal required string RowsRead { get; init; }
    internal required string RowsRejected { get; init; }
    internal required string Encoding { get; init; }
    internal required string GeneratedBy { get; init; }
    internal required string Masked { get; init; }
    internal required string Unmasked { get; init; }
    internal required string Projects { get; init; }
    internal required string ProjectsByLevel { get; init; }
    internal required string ChartOutstandingByProject { get; init; }
    internal required string Rank { get; init; }
    internal required string ProjectName { get; init; }
    internal required string EmployersC { get; init; }
    internal required string Error { get; init; }
    internal required string LoadFailed { get; init; }
    internal required string NoData { get; init; }
    internal required string Others { get; init; }

    internal string SeverityLabel(Severity s) => SeverityShort[(int)s];

    /// <summary>Level 0..3 = info/green, yellow, orange, red; the badge and text for the project warning.</summary>
    internal string LevelBadgeFor(Severity? level) => LevelBadge[LevelIndex(level)];

    internal string LevelTextFor(Severity? level) => LevelText[LevelIndex(level)];

    internal string CodeTitle(FindingCode code) => CodeTitles[(int)code];

    internal string StatusLabel(LedgerStatus status) => StatusText[(int)status];

    internal static int LevelIndex(Severity? level) => level is null ? 0 : (int)level.Value;

    private static Labels CreateZh() => new()
    {
        HtmlLang = "zh-CN",
        SeverityShort = ["提示", "黄", "橙", "红"],
        LevelBadge = ["绿", "黄", "橙", "红"],
        LevelText = ["绿色 · 无预警", "黄色预警", "橙色预警", "红色预警"],
        CodeTitles =
        [
            "欠薪未付", "工资少发", "工资迟发", "多付工资", "户名不符", "非登记工资卡", "非花名册收款人", "非工资支出",
            "代发批次金额不符", "代发明细缺失", "退汇无法匹配", "重复支付", "支付金额超限", "余额不连续", "流水号重复",
            "无考勤发薪", "出勤天数不符", "缺少工资表", "工资表计算错误", "低于最低工资", "发薪人数不符", "未实名登记人员",
            "在职期外考勤", "身份证号无效", "未成年用工", "重复登记", "共用工资卡", "工资卡号无效", "人工费用拨付迟延",
            "人工费用拨付不足", "数据错误", "认定失效",
        ],
        StatusText = ["正常", "迟发", "少发", "未付", "未到期"],
        ReportTitle = "农民工工资专用账户对账报告",
        PortfolioTitle = "农民工工资专用账户监测汇总",
        ProjectCode = "项目编号",
        Contractor = "施工总承包单位",
        Account = "工资专户",
        AsOf = "截至日期",
        WarningLevel = "预警等级",
        Totals = "资金汇总",
        Due = "应付工资",
        Paid = "已付工资",
        Outstanding = "拖欠工资",
        LaborFundsIn = "人工费用到账",
        WagePaymentsOut = "工资支付",
        YuanUnit = "元",
        Workers = "实名登记人数",
        FindingsCount = "问题数",
        Conservation = "资金守恒",
        Balanced = "借贷分类平衡",
        Unbalanced = "借贷分类不平衡",
        StatementOrder = "流水顺序",
        NewestFirst = "倒序（最新在前），已按时间先后核对",
        LinesOutsideTotals = "未计入借贷合计",
        ExcludedLines = "失败/撤销/冲正 {0} 笔",
        ZeroLines = "零金额 {0} 笔",
        EmployerGrades = "用工单位诚信等级",
        Employer = "用工单位",
        Grade = "等级",
        GradeHint = ["A：无问题", "B：有迟发或橙色问题", "C：有欠薪或红色问题"],
        ChartDuePaid = "各月应付与已付",
        ChartOutstandingByEmployer = "各用工单位拖欠工资",
        ChartFindingsByCode = "各类问题数量",
        Findings = "问题清单",
        FilterBySeverity = "按级别筛选",
        SortHint = "点击表头排序",
        Severity = "级别",
        Code = "问题",
        WorkerId = "工号",
        WorkerName = "姓名",
        IdNumber = "身份证号",
        Period = "月份",
        Amount = "金额（元）",
        Days = "天数",
        Source = "来源",
        Message = "说明",
        NoFindings = "未发现问题。",
        Arrears = "欠薪台账（已到期且仍有拖欠的工人月份）",
        NoArrears = "没有到期未付清的工资。",
        DueDate = "应发日",
        LastPaid = "最近支付日",
        Status = "状态",
        InputFiles = "输入文件",
        File = "文件",
        RowsRead = "读取行数",
        RowsRejected = "无法读取",
        Encoding = "编码",
        GeneratedBy = "由 PayrollRecon 生成",
        Masked = "身份证号和银行卡号已脱敏",
        Unmasked = "本报告含未脱敏的身份证号和银行卡号，请妥善保管",
        Projects = "项目数",
        ProjectsByLevel = "各预警等级项目数",
        ChartOutstandingByProject = "拖欠工资最多的项目（前 20）",
        Rank = "序号",
        ProjectName = "项目名称",
        EmployersC = "C级单位",
        Error = "错误",
        LoadFailed = "无法检查",
        NoData = "无数据",
        Others = "其他",
    };

    private static Labels CreateEn() => new()
    {
        HtmlLang = "en",
        SeverityShort = ["Info", "Yellow", "Orange", "Red"],
        LevelBadge = ["GREEN", "YELLOW", "ORANGE", "RED"],
        LevelText = ["Green · no warning", "Yellow warning", "Orange warning", "Red warning"],
        CodeTitles =
        [
            "Unpaid wages", "Wage shortfall", "Late wages", "Overpayment", "Name mismatch", "Unregistered card",
            "Payee not on roster", "Non-wage debit", "Batch total mismatch", "Batch detail missing", "Unmatched refund",
            "Duplicate payment", "Excessive payment", "Balance break", "Duplicate transaction", "Paid without attendance",
            "Days mismatch", "Missing payroll", "Payroll arithmetic", "Below minimum wage", "Headcount mismatch",
            "Unregistered worker", "Attendance outside tenure", "Invalid ID number", "Underage worker", "Duplicate worker",
            "Shared bank account", "Invalid bank account", "Labour funds late", "Labour funds short", "Data error", "Stale ruling",
        ],
        StatusText = ["OK", "Late", "Short", "Unpaid", "Pending"],
        ReportTitle = "Migrant-worker wage account reconciliation",
        PortfolioTitle = "Migrant-worker wage accounts: portfolio",
        ProjectCode = "Project code",
        Contractor = "General contractor",
        Account = "Wage account",
        AsOf = "As of",
        WarningLevel = "Warning level",
        Totals = "Totals",
        Due = "Wages due",
        Paid = "Wages paid",
        Outstanding = "Outstanding",
        LaborFundsIn = "Labour funds in",
        WagePaymentsOut = "Wage payments out",
        YuanUnit = "CNY",
        Workers = "Registered workers",
        FindingsCount = "Findings",
        Conservation = "Conservation",
        Balanced = "debits and credits fully classified",
        Unbalanced = "debits and credits NOT fully classified",
        StatementOrder = "Statement order",
        NewestFirst = "newest first, read oldest first",
        LinesOutsideTotals = "Outside the totals",
        ExcludedLines = "{0} failed, cancelled or reversed",
        ZeroLines = "{0} zero-amount",
        EmployerGrades = "Employer grades",
        Employer = "Employer",
        Grade = "Grade",
        GradeHint = ["A: no issues", "B: late wages or orange findings", "C: arrears or red findings"],
        ChartDuePaid = "Due vs paid per month",
        ChartOutstandingByEmployer = "Outstanding per employer",
        ChartFindingsByCode = "Findings per code",
        Findings = "Findings",
        FilterBySeverity = "Filter by severity",
        SortHint = "click a header to sort",
        Severity = "Severity",
        Code = "Finding",
        WorkerId = "Worker ID",
        WorkerName = "Name",
        IdNumber = "ID number",
        Period = "Month",
        Amount = "Amount",
        Days = "Days",
        Source = "Source",
        Message = "Details",
        NoFindings = "No findings.",
        Arrears = "Arrears ledger (due worker-months still outstanding)",
        NoArrears = "No due wages are outstanding.",
        DueDate = "Due date",
        LastPaid = "Last paid",
        Status = "Status",
        InputFiles = "Input files",
        File = "File",
        RowsRead = "Rows read",
        RowsRejected = "Rejected",
        Encoding = "Encoding",
        GeneratedBy = "Generated by PayrollRecon",
        Masked = "ID and card numbers are masked",
        Unmasked = "This report holds unmasked ID and card numbers: keep it confidential",
        Projects = "Projects",
        ProjectsByLevel = "Projects per warning level",
        ChartOutstandingByProject = "Projects with the most outstanding wages (top 20)",
        Rank = "#",
        ProjectName = "Project name",
        EmployersC = "Employers C",
        Error = "Error",
        LoadFailed = "Not checked",
        NoData = "No data",
        Others = "Others",
    };
}
