namespace PayrollRecon.Parsing;

internal static class FooterWords
{
    public static bool IsFooterWord(ReadOnlySpan<byte> f)
    {
        string s = System.Text.Encoding.UTF8.GetString(f).Trim();
        if (s.Contains("合计") || s.Contains("总计") || s.Contains("小计") || s.Contains("笔数")) return true;
        foreach (var p in new[] { "累计", "本页", "以上", "说明", "注:", "注：" }) if (s.StartsWith(p, StringComparison.Ordinal)) return true;
        return s.StartsWith('共') && s[1..].TrimStart().Length > 0 && char.IsAsciiDigit(s[1..].TrimStart()[0]);
    }
}

internal static class FieldValues
{
    public static bool IsPlaceholder(ReadOnlySpan<byte> f)
    {
        string s = System.Text.Encoding.UTF8.GetString(f);
        return s.Length > 0 && s.All(c => c is '-' or '－' or '—' or '–');
    }
}

internal static class PendingParse
{
    public static bool TryParseBankStatus(ReadOnlySpan<byte> f, out PayrollRecon.Records.BankLineStatus s)
    {
        string v = new string([.. System.Text.Encoding.UTF8.GetString(f).Where(c => !char.IsWhiteSpace(c))]).ToLowerInvariant();
        s = v switch
        {
            "" or "成功" or "交易成功" or "success" => PayrollRecon.Records.BankLineStatus.Succeeded,
            "失败" or "交易失败" or "failed" => PayrollRecon.Records.BankLineStatus.Failed,
            "已撤销" or "撤销" or "cancelled" => PayrollRecon.Records.BankLineStatus.Cancelled,
            "已冲正" or "冲正" or "reversed" => PayrollRecon.Records.BankLineStatus.Reversed,
            _ => (PayrollRecon.Records.BankLineStatus)(-1),
        };
        return (int)s >= 0;
    }

    public static bool TryParseBankTime(ReadOnlySpan<byte> f, out TimeOnly t)
    {
        if (DateParser.TryParseTime(f, out t)) return true;
        string v = System.Text.Encoding.UTF8.GetString(f);
        return (v.Length == 6 && TimeOnly.TryParseExact(v, "HHmmss", out t)) || (v.Length == 4 && TimeOnly.TryParseExact(v, "HHmm", out t));
    }
}

internal static class PreambleFacts
{
    public static bool TryFindAccount(string text, out string account)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"(账\s*号|卡\s*号|账\s*户)[^0-9*\-]{0,6}([0-9*\-]{6,})");
        account = m.Success ? m.Groups[2].Value.Replace("-", "") : "";
        return m.Success;
    }

    public static bool AccountAgrees(string stated, string project)
    {
        string p = new([.. project.Where(char.IsAsciiDigit)]);
        if (stated.Length == p.Length) return stated.Zip(p).All(x => x.First == '*' || x.First == x.Second);
        int f = stated.IndexOf('*');
        if (f < 0) return false;
        int l = stated.LastIndexOf('*');
        return p.StartsWith(stated[..f], StringComparison.Ordinal) && p.EndsWith(stated[(l + 1)..], StringComparison.Ordinal);
    }

    public static bool TryFindPeriod(string text, out DateOnly from, out DateOnly to)
    {
        from = to = default;
        return false;
    }
}

internal static class CounterpartyText
{
    public static bool TrySplit(ReadOnlySpan<byte> v, out Range account, out Range before, out Range after)
    {
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < v.Length;)
        {
            if (char.IsAsciiDigit((char)v[i]) || v[i] == '*')
            {
                int s = i;
                while (i < v.Length && (char.IsAsciiDigit((char)v[i]) || v[i] == '*')) i++;
                if (i - s > bestLen) { bestLen = i - s; bestStart = s; }
            }
            else i++;
        }
        account = before = after = default;
        if (bestLen < 8) return false;
        account = bestStart..(bestStart + bestLen);
        before = 0..bestStart;
        after = (bestStart + bestLen)..v.Length;
        return true;
    }
}
