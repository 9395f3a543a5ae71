using System.Buffers;
using System.Text;

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

    private static readonly byte[][] FirmUtf8 = Utf8("公司", "有限", "集团", "项目部", "中心", "银行", "厂", "商行", "经营部");
    private static readonly byte[][] BankUtf8 = Utf8("银行");
    private static readonly byte[][] FeeUtf8 = Utf8("手续费", "工本费", "年费", "短信", "管理费", "服务费", "邮电费");
    private static readonly byte[][] CashUtf8 = Utf8("现金", "取现");
    private static readonly byte[][] RefundUtf8 = Utf8("退汇", "退款", "退回", "冲正");
    private static readonly byte[][] InterestUtf8 = Utf8("利息", "结息");

    /// <summary><see cref="IsFirm(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsFirm(ReadOnlySpan<byte> counterpartyName) => ContainsAny(counterpartyName, FirmUtf8);

    /// <summary><see cref="IsBank(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsBank(ReadOnlySpan<byte> counterpartyName) => ContainsAny(counterpartyName, BankUtf8);

    /// <summary><see cref="IsFeeMemo(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsFeeMemo(ReadOnlySpan<byte> memo) => ContainsAny(memo, FeeUtf8);

    /// <summary><see cref="IsCashMemo(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsCashMemo(ReadOnlySpan<byte> memo) => ContainsAny(memo, CashUtf8);

    /// <summary><see cref="IsRefundMemo(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsRefundMemo(ReadOnlySpan<byte> memo) => ContainsAny(memo, RefundUtf8);

    /// <summary><see cref="IsInterestMemo(ReadOnlySpan{char})"/> on UTF-8 text.</summary>
    public static bool IsInterestMemo(ReadOnlySpan<byte> memo) => ContainsAny(memo, InterestUtf8);

    // UTF-8 is self-synchronising, so a byte substring match of a whole keyword is a character substring match.
    private static bool ContainsAny(ReadOnlySpan<byte> utf8, byte[][] keywords)
    {
        foreach (byte[] keyword in keywords)
        {
            if (utf8.IndexOf(keyword) >= 0) return true;
        }
        return false;
    }

    private static byte[][] Utf8(params string[] keywords) => Array.ConvertAll(keywords, Encoding.UTF8.GetBytes);

    private static SearchValues<string> Create(params string[] keywords) => SearchValues.Create(keywords, StringComparison.Ordinal);
}
