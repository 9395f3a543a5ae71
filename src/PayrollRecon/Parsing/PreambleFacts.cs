namespace PayrollRecon.Parsing;

/// <summary>Facts stated in the preamble rows of a bank export (R34): the statement's account and its period.</summary>
/// <remarks>Works on text (a preamble record's fields joined, or one field at a time); not a hot path.</remarks>
internal static class PreambleFacts
{
    /// <summary>Shortest run of digits, <c>*</c> and <c>-</c> taken for a stated account.</summary>
    public const int MinAccountLength = 6;

    /// <summary>Characters other than digits, <c>*</c> and <c>-</c> allowed between the word and the number (号, colons, <c>[一卡通:</c>).</summary>
    private const int MaxTextBeforeAccount = 12;

    /// <summary>
    /// Finds the account a preamble record states: 账号, 卡号 or 账户 (white space between the two characters ignored:
    /// <c>账　　号</c>), then at most 12 other characters (colons, white space, <c>号</c>, <c>[一卡通:</c>), then a run of at least
    /// <see cref="MinAccountLength"/> ASCII digits, <c>*</c> and <c>-</c>; <paramref name="account"/> is that run without
    /// its hyphens (<c>账号:10-5456010400</c> gives <c>105456010400</c>).
    /// </summary>
    /// <remarks>
    /// The first occurrence of a word that is followed by such a run wins (<c>账户名称：某公司 账号：6222…</c> finds the
    /// second). White space ends the run: <c>账户:6217 0000 1234</c> states no account (its first group is too short),
    /// so a caller joining a record's fields should join them with a tab or a comma, not run them together. A little other text
    /// between the word and the number (<c>账户号：</c>, <c>账号(CNY):</c>) is skipped. A run of hyphens only is a placeholder (R37),
    /// not an account. The variant characters 帐号 / 帐户 are not words of R34.
    /// </remarks>
    public static bool TryFindAccount(ReadOnlySpan<char> text, out string account)
    {
        account = "";
        if (!TryFindAccountRun(text, out int start, out int end)) return false;
        ReadOnlySpan<char> run = text[start..end];
        Span<char> digits = run.Length <= 256 ? stackalloc char[run.Length] : new char[run.Length];
        int n = 0;
        foreach (char ch in run)
        {
            if (ch != '-') digits[n++] = ch;
        }
        account = new string(digits[..n]);
        return true;
    }

    /// <summary>Where the run of the first account word followed by one lies (see <see cref="TryFindAccount"/>).</summary>
    private static bool TryFindAccountRun(ReadOnlySpan<char> text, out int start, out int end)
    {
        for (int i = 0; i < text.Length - 1; i++)
        {
            char c = text[i];
            if (c is not ('账' or '卡')) continue;
            int j = SkipWhiteSpace(text, i + 1);
            if (j >= text.Length) break;
            char next = text[j];
            if (!(next == '号' || (c == '账' && next == '户'))) continue;
            start = j + 1;
            // Real exports put a little text between the word and the number: 账户号：16-…, 账 号: [一卡通:6214****5678 人民币].
            // A bracketed annotation (查询账号[ Inquirer account number ]) is skipped whole.
            int limit = Math.Min(text.Length, start + MaxTextBeforeAccount);
            while (start < limit && !IsAccountChar(text[start]) && text[start] is not ('余' or '名'))
            {
                int close = text[start] switch { '[' => text[start..].IndexOf(']'), '(' => text[start..].IndexOf(')'), '（' => text[start..].IndexOf('）'), '【' => text[start..].IndexOf('】'), _ => -1 };
                // An annotation without digits; a bracket that holds the number ([一卡通:6214****5678 人民币]) is entered.
                if (close > 0 && text.Slice(start, close).IndexOfAnyInRange('0', '9') < 0)
                {
                    start += close + 1;
                    limit = Math.Min(text.Length, start + MaxTextBeforeAccount);
                }
                else
                {
                    start++;
                }
            }
            // 账户余额：12345678 and 账户名称 are not accounts.
            if (start < text.Length && text[start] is '余' or '名') continue;
            end = start;
            int hyphens = 0;
            while (end < text.Length && IsAccountChar(text[end]))
            {
                if (text[end] == '-') hyphens++;
                end++;
            }
            if (end - start >= MinAccountLength && hyphens < end - start) return true;
        }
        start = end = 0;
        return false;
    }

    /// <summary>
    /// Whether a stated (possibly masked) statement account is the project's account (R34): of equal length, every
    /// position holds the same digit or a <c>*</c>; of unequal length, the statement has a <c>*</c>, its digits before
    /// the first <c>*</c> begin the project account and its digits after the last <c>*</c> end it.
    /// </summary>
    /// <remarks>
    /// Both sides are normalised first: the statement account to its ASCII digits and <c>*</c>, the project account to
    /// its ASCII digits (spaces, hyphens and anything else dropped). Of unequal length R34 asks only that the prefix
    /// begin and the suffix end the project account, so the two may overlap in it (<c>6222*2234</c> agrees with
    /// <c>622234</c>). No <c>*</c> and unequal length disagree. The number of <c>*</c> is not checked against the
    /// length (<c>6222****1234</c> agrees with <c>62221234</c>, and a statement of stars only with any account).
    /// </remarks>
    public static bool AccountAgrees(ReadOnlySpan<char> statementAccount, ReadOnlySpan<char> projectAccount)
    {
        Span<char> statement = statementAccount.Length <= 128 ? stackalloc char[statementAccount.Length] : new char[statementAccount.Length];
        Span<char> project = projectAccount.Length <= 128 ? stackalloc char[projectAccount.Length] : new char[projectAccount.Length];
        int s = 0, p = 0;
        foreach (char c in statementAccount)
        {
            if (DigitHelpers.Value(c) <= 9 || c == '*') statement[s++] = c;
        }
        foreach (char c in projectAccount)
        {
            if (DigitHelpers.Value(c) <= 9) project[p++] = c;
        }
        statement = statement[..s];
        project = project[..p];

        if (statement.Length == project.Length)
        {
            for (int k = 0; k < statement.Length; k++)
            {
                if (statement[k] != '*' && statement[k] != project[k]) return false;
            }
            return true;
        }
        int first = statement.IndexOf('*');
        if (first < 0) return false;
        int last = statement.LastIndexOf('*');
        ReadOnlySpan<char> prefix = statement[..first];
        ReadOnlySpan<char> suffix = statement[(last + 1)..];
        return project.StartsWith(prefix) && project.EndsWith(suffix);
    }

    /// <summary>
    /// Best effort, for display (inspect): finds a period written as two dates joined by 至, 到, <c>~</c>, <c>～</c> or a
    /// dash (<c>-</c>, <c>－</c>, <c>—</c>, <c>–</c>), white space allowed around the joiner.
    /// </summary>
    /// <remarks>
    /// Each date is <c>yyyy-M-d</c>, <c>yyyy/M/d</c>, <c>yyyy.M.d</c>, <c>yyyy年M月d日</c> (日 optional) or <c>yyyyMMdd</c>,
    /// a real date of years <see cref="DateParser.MinYear"/>–<see cref="DateParser.MaxYear"/>, not inside a longer digit
    /// run; a time of day after the first date (<c>2024-01-01 00:00:00 至 …</c>) is skipped. The first such pair with
    /// <paramref name="from"/> ≤ <paramref name="to"/> wins (<c>起止日期：2024-01-01 至 2024-03-31</c>,
    /// <c>查询期间: 20240101-20240331</c>, <c>交易日期：2024/01/01—2024/03/31</c>). No keyword is required.
    /// </remarks>
    public static bool TryFindPeriod(ReadOnlySpan<char> text, out DateOnly from, out DateOnly to)
    {
        from = default;
        to = default;
        for (int i = 0; i < text.Length; i++)
        {
            if (DigitHelpers.Value(text[i]) > 9 || (i > 0 && DigitHelpers.Value(text[i - 1]) <= 9)) continue;
            if (!TryReadDate(text, i, out DateOnly first, out int end)) continue;
            int k = SkipWhiteSpace(text, SkipTime(text, end));
            if (k >= text.Length || !IsPeriodJoiner(text[k])) continue;
            k = SkipWhiteSpace(text, k + 1);
            if (!TryReadDate(text, k, out DateOnly second, out _) || second < first) continue;
            from = first;
            to = second;
            return true;
        }
        return false;
    }

    private static bool IsAccountChar(char c) => DigitHelpers.Value(c) <= 9 || c is '*' or '-';

    private static bool IsPeriodJoiner(char c) => c is '至' or '到' or '~' or '～' or '-' or '－' or '—' or '–';

    private static int SkipWhiteSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    /// <summary>Past white space and <c>H:mm</c> or <c>H:mm:ss</c> at <paramref name="i"/>, or <paramref name="i"/> itself when no time follows.</summary>
    private static int SkipTime(ReadOnlySpan<char> text, int i)
    {
        int k = SkipWhiteSpace(text, i);
        int hour = DigitHelpers.RunLength(text, k);
        if (hour is < 1 or > 2 || k + hour >= text.Length || text[k + hour] != ':' || DigitHelpers.RunLength(text, k + hour + 1) != 2) return i;
        k += hour + 3;
        if (k < text.Length && text[k] == ':' && DigitHelpers.RunLength(text, k + 1) == 2) k += 3;
        return k;
    }

    /// <summary>A date at <paramref name="i"/> not followed by a digit; <paramref name="end"/> is where it ends.</summary>
    private static bool TryReadDate(ReadOnlySpan<char> text, int i, out DateOnly date, out int end)
    {
        date = default;
        end = i;
        int run = DigitHelpers.RunLength(text, i);
        int year, month, day;
        if (run == 8)
        {
            year = Number(text.Slice(i, 4));
            month = Number(text.Slice(i + 4, 2));
            day = Number(text.Slice(i + 6, 2));
            end = i + 8;
        }
        else if (run == 4 && i + 4 < text.Length && text[i + 4] is '-' or '/' or '.' or '年')
        {
            char separator = text[i + 4];
            year = Number(text.Slice(i, 4));
            int k = i + 5;
            int m = DigitHelpers.RunLength(text, k);
            if (m is < 1 or > 2) return false;
            month = Number(text.Slice(k, m));
            k += m;
            char second = separator == '年' ? '月' : separator;
            if (k >= text.Length || text[k] != second) return false;
            k++;
            int d = DigitHelpers.RunLength(text, k);
            if (d is < 1 or > 2) return false;
            day = Number(text.Slice(k, d));
            k += d;
            if (separator == '年' && k < text.Length && text[k] == '日') k++;
            end = k;
        }
        else
        {
            return false;
        }
        if (end < text.Length && DigitHelpers.Value(text[end]) <= 9) return false;
        return year is >= DateParser.MinYear and <= DateParser.MaxYear && DateParser.TryMakeDate(year, month, day, out date);
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits) value = (value * 10) + (int)DigitHelpers.Value(c);
        return value;
    }
}
