using System.Buffers;

namespace PayrollRecon.Parsing;

/// <summary>Keyword tests that classify bank lines (SPEC §3.2, R18): substring tests on the trimmed raw text.</summary>
/// <remarks>
/// Each test only looks for its keywords; it says nothing about empty text, which the classifier handles itself
/// (an empty counterparty is a fee candidate and a misuse, SPEC §3.2 steps 4–5).
/// </remarks>
internal static class Keywords
{
    private static readonly SearchValues<string> Firm = Create("公司", "有限", "集团", "项目部", "中心", "银行", "厂", "商行", "经营部");
    private static readonly SearchValues<string> Bank = Create("银行");
    private static readonly SearchValues<string> Fee = Create("手续费", "工本费", "年费", "短信", "管理费", "服务费", "邮电费");
    private static readonly SearchValues<string> Cash = Create("现金", "取现");
    private static readonly SearchValues<string> Refund = Create("退汇", "退款", "退回", "冲正");
    private static readonly SearchValues<string> Interest = Create("利息", "结息");

    /// <summary>The counterparty name contains 公司, 有限, 集团, 项目部, 中心, 银行, 厂, 商行 or 经营部.</summary>
    public static bool IsFirm(ReadOnlySpan<char> counterpartyName) => counterpartyName.ContainsAny(Firm);

    /// <summary>The counterparty name contains 银行.</summary>
    public static bool IsBank(ReadOnlySpan<char> counterpartyName) => counterpartyName.ContainsAny(Bank);

    /// <summary>The memo contains 手续费, 工本费, 年费, 短信, 管理费, 服务费 or 邮电费.</summary>
    public static bool IsFeeMemo(ReadOnlySpan<char> memo) => memo.ContainsAny(Fee);

    /// <summary>The memo contains 现金 or 取现.</summary>
    public static bool IsCashMemo(ReadOnlySpan<char> memo) => memo.ContainsAny(Cash);

    /// <summary>The memo contains 退汇, 退款, 退回 or 冲正.</summary>
    public static bool IsRefundMemo(ReadOnlySpan<char> memo) => memo.ContainsAny(Refund);

    /// <summary>The memo contains 利息 or 结息.</summary>
    public static bool IsInterestMemo(ReadOnlySpan<char> memo) => memo.ContainsAny(Interest);

    private static SearchValues<string> Create(params string[] keywords) => SearchValues.Create(keywords, StringComparison.Ordinal);
}
