using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>
/// The library's messages outside the finding templates — reasons of unreadable rows and errors of whole files — in
/// English and Chinese, keyed by what they say. The command line's own messages are in its catalogue.
/// </summary>
/// <remarks>
/// Templates are composite formats (<c>{0}</c>, <c>{1:F1}</c>); values from the inputs are arguments, never part of a
/// template. A message names its subject first and then <c>": "</c> in both languages (<c>bank.csv: …</c>), so a batch
/// can put the project folder in front of either. The English texts are the contract of the exact-message tests.
/// </remarks>
internal static partial class MessageCatalog
{
    /// <summary>The template of <paramref name="key"/> in <paramref name="language"/>.</summary>
    public static string Template(MessageKey key, ReportLanguage language)
    {
        var (en, zh) = Templates(key);
        return language == ReportLanguage.En ? en : zh;
    }

    private static (string En, string Zh) Templates(MessageKey key) => key switch
    {
        MessageKey.MissingColumn => ("{0}: missing required column {1} (found on line {2}: {3})", "{0}: 缺少必需的列 {1}（第 {2} 行的表头为：{3}）"),
        MessageKey.MissingColumns => ("{0}: missing required columns {1} (found on line {2}: {3})", "{0}: 缺少必需的列 {1}（第 {2} 行的表头为：{3}）"),
        MessageKey.NoHeaderRow => ("{0}: no header row", "{0}: 找不到表头行"),
        // {0} is the refusal of the file without a header (MissingColumn, NoHeaderRow), said with why no later record was looked at.
        MessageKey.HeaderNotAmongFirstRecords => ("{0}; the header must be among the first {1} non-blank records (R33)", "{0}；表头须在前 {1} 个非空记录之中（R33）"),
        MessageKey.HtmlFirstTableOnly => ("{0}; the first <table> of the document is read (R32)", "{0}；只读取该文档的第一个 <table>（R32）"),
        MessageKey.HtmlNotNamedXls => ("{0}: an HTML document, not a workbook or CSV text: web-banking HTML tables are read when named .xls (R32; rename it {1})",
            "{0}: 这是 HTML 文档，不是工作簿，也不是 CSV 文本：网银导出的 HTML 表格须以 '.xls' 为扩展名才会读取（R32；请改名为 {1}）"),
        MessageKey.StatementOfOtherAccount => ("{0}: statement of account {1}, not the project's account {2} (project.json 'account')",
            "{0}: 这是账户 {1} 的流水，不是本项目专户 {2}（project.json 'account'）"),
        MessageKey.NoDirection => ("{0}: no direction column (借贷, 收支 …), no debit/credit columns and no negative amounts: money out cannot be told from money in",
            "{0}: 没有借贷方向列（借贷、收支……），没有借方/贷方金额列，也没有负数金额：无法区分支出与收入"),
        MessageKey.CausedBy => (" (may follow from the unreadable row {0})", "（可能由无法读取的 {0} 行引起）"),
        MessageKey.NoSuchFolder => ("{0}: no such folder", "{0}: 文件夹不存在"),
        MessageKey.CannotBeRead => ("{0}: cannot be read ({1})", "{0}: 无法读取（{1}）"),
        _ => InputTemplates(key),
    };

    /// <summary>The reason of an unreadable row, e.g. <c>invalid amount '12.3.4'</c> / <c>金额无效 '12.3.4'</c>.</summary>
    public static string Reason(Diagnostic d, ReportLanguage language)
    {
        if (d.Reason == DiagnosticReason.Other) return d.Message;
        var template = ReasonTemplate(d.Reason, language, d.Expected);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, d.Value, d.Expected, d.Found);
    }

    /// <summary>The English reason for a diagnostic being built: the <see cref="Diagnostic.Message"/>.</summary>
    public static string EnglishReason(DiagnosticReason reason, string? value = null, long expected = 0, long found = 0) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ReasonTemplate(reason, ReportLanguage.En, expected), value, expected, found);

    /// <summary>The column and the reason, e.g. <c>column amount: invalid amount '12.3.4'</c> / <c>金额（amount）列：金额无效 '12.3.4'</c>.</summary>
    public static string Detail(Diagnostic d, ReportLanguage language)
    {
        string reason = Reason(d, language);
        if (d.Column is null) return reason;
        return language == ReportLanguage.En ? $"column {d.Column}: {reason}" : $"{ColumnName(d.Column)}列：{reason}";
    }

    /// <summary>A whole diagnostic, e.g. <c>bank.csv:17: column amount: invalid amount '12.3.4'</c>.</summary>
    public static string Line(Diagnostic d, ReportLanguage language) => $"{d.File}:{d.Line}: {Detail(d, language)}";

    private static string ReasonTemplate(DiagnosticReason reason, ReportLanguage language, long expected)
    {
        var (en, zh) = reason switch
        {
            // A quote still open at the end of the file took every line after its own: how many is said, so that nothing is lost unseen.
            DiagnosticReason.UnterminatedQuote when expected > 0 => ("unterminated quoted field: the quote runs to the end of the file, taking in the {1} lines after this one",
                "引号字段未闭合：引号一直延续到文件末尾，其后的 {1} 行都被并入此字段"),
            DiagnosticReason.MissingValue => ("missing value", "缺少值"),
            DiagnosticReason.InvalidAmount => ("invalid amount '{0}'", "金额无效 '{0}'"),
            DiagnosticReason.NegativeAmount => ("negative amount '{0}'", "金额为负 '{0}'"),
            DiagnosticReason.InvalidDate => ("invalid date '{0}'", "日期无效 '{0}'"),
            DiagnosticReason.InvalidDateTime => ("invalid date-time '{0}'", "日期时间无效 '{0}'"),
            DiagnosticReason.InvalidTime => ("invalid time '{0}'", "时间无效 '{0}'"),
            DiagnosticReason.InvalidPeriod => ("invalid period '{0}'", "月份无效 '{0}'"),
            DiagnosticReason.InvalidNumber => ("invalid number '{0}'", "数字无效 '{0}'"),
            DiagnosticReason.UnknownDirection => ("unknown direction '{0}'", "无法识别的方向 '{0}'"),
            DiagnosticReason.UnknownStatus => ("unknown status '{0}'", "无法识别的状态 '{0}'"),
            DiagnosticReason.UnknownKind => ("unknown kind '{0}'", "无法识别的日期类型 '{0}'"),
            DiagnosticReason.UnknownWageType => ("unknown wage type '{0}'", "无法识别的计薪方式 '{0}'"),
            DiagnosticReason.DebitAndCredit => ("both debit and credit are non-zero", "借方与贷方金额都不为零"),
            DiagnosticReason.FieldCount => ("expected {1} fields, found {2}", "应有 {1} 个字段，实有 {2} 个"),
            DiagnosticReason.LineTooLong => ("line longer than {1} bytes", "行长超过 {1} 字节"),
            DiagnosticReason.UnterminatedQuote => ("unterminated quoted field", "引号字段未闭合"),
            DiagnosticReason.StrayQuote => ("stray quote in quoted field", "引号字段中有多余的引号"),
            DiagnosticReason.InvalidUtf8 => ("invalid UTF-8 byte sequence", "无效的 UTF-8 字节序列"),
            DiagnosticReason.InvalidGb18030 => ("invalid GB18030 byte sequence", "无效的 GB18030 字节序列"),
            DiagnosticReason.TooManyFields => ("more than {1} fields", "字段数超过 {1} 个"),
            DiagnosticReason.InvalidFindingId => ("invalid finding id '{0}'", "无效的问题编号 '{0}'"),
            DiagnosticReason.UnknownRuling => ("unknown ruling '{0}'", "无法识别的核查结论 '{0}'"),
            DiagnosticReason.FalseAlarmWithoutReason => ("missing value (a false alarm needs a reason)", "缺少值（误报须说明理由）"),
            DiagnosticReason.PeriodOutOfRange => ("period outside {1}-01..{2}-12", "工资月份超出 {1}-01..{2}-12 的范围"),
            DiagnosticReason.DateTimeOutOfRange => ("date-time outside {1}–{2}", "日期时间超出 {1}–{2} 年的范围"),
            DiagnosticReason.MoreUnreadableRows => ("{1} more unreadable rows from this line on are counted, not listed (only the first {2} of a file are)",
                "自此行起另有 {1} 行无法读取，只计数不列出（每个文件只列出前 {2} 行）"),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "no template for this reason"),
        };
        return language == ReportLanguage.En ? en : zh;
    }

    /// <summary>A column's Chinese name with its canonical name, e.g. <c>身份证号（id_number）</c>.</summary>
    public static string ColumnName(string column) => ChineseColumns.TryGetValue(column, out var zh) ? $"{zh}（{column}）" : column;

    private static readonly Dictionary<string, string> ChineseColumns = new(StringComparer.Ordinal)
    {
        ["id_number"] = "身份证号", ["time"] = "时间", ["date"] = "日期", ["direction"] = "方向", ["txn_id"] = "流水号",
        ["amount"] = "金额", ["debit"] = "借方金额", ["credit"] = "贷方金额", ["balance"] = "余额",
        ["counterparty_name"] = "对方户名", ["counterparty_account"] = "对方账号", ["counterparty"] = "对方信息",
        ["payer_name"] = "付款人名称", ["payee_name"] = "收款人名称", ["payer_account"] = "付款人账号", ["payee_account"] = "收款人账号",
        ["memo"] = "摘要", ["batch_id"] = "批次号", ["status"] = "状态", ["bank_account"] = "工资卡号", ["name"] = "姓名",
        ["kind"] = "类型", ["period"] = "工资月份", ["days"] = "出勤天数", ["hours"] = "出勤工时", ["gross"] = "应发工资",
        ["deductions"] = "扣款", ["net"] = "实发工资", ["worker_id"] = "工号", ["employer"] = "用工单位", ["team"] = "班组",
        ["trade"] = "工种", ["wage_type"] = "计薪方式", ["wage_rate"] = "工资标准", ["entry_date"] = "进场日期", ["exit_date"] = "退场日期",
        ["finding_id"] = "问题编号", ["ruling"] = "认定", ["reason"] = "理由", ["reviewer"] = "审核人",
        ["first_seen"] = "首次发现", ["last_seen"] = "最近发现", ["resolved_on"] = "销号日期", ["runs_open"] = "未销号次数",
    };
}
