using System.Runtime.CompilerServices;
using System.Text;

namespace PayrollRecon.Reporting;

/// <summary>Masking of ID and card numbers in outputs and messages (SPEC §5: personal data is masked by default).</summary>
/// <remarks>
/// <para>One detector decides what is an ID or card number inside any text — names, employers, worker ids, sources,
/// reasons quoted in <c>DATA_ERROR</c> findings and error lines — and every writer and message path goes through it.
/// A <em>sensitive number</em> is a chain of digit groups (ASCII or full-width digits) joined by single separators
/// (space, hyphen, ideographic space, full-width hyphen), every group but the last at least 3 digits long, optionally
/// ending in the check character <c>X</c>, that either</para>
/// <list type="bullet">
/// <item>has a group of at least <see cref="MinContiguousDigits"/> digits (a card or ID number written as is), or</item>
/// <item>has two or more groups adding up to at least <see cref="MinGroupedDigits"/> digits (a card written
/// <c>6222 0212 3456 7890 123</c>, an ID written <c>110105-19900307-0017</c>).</item>
/// </list>
/// <para>Not masked: a chain that is part of a decimal number (<c>12345678901.50</c>, the decimals of
/// <c>0.30000000000000004</c>) — amounts are evidence, not personal data — unless the number is in scientific notation
/// (<c>6.222020200112233E+18</c>, a card typed into a spreadsheet as a number); dates and times (their 2-digit groups
/// end a chain: <c>2024-01-02 17:22:15</c> is never more than 10 digits); and what callers keep verbatim on purpose:
/// transaction ids, batch ids and the project code (identifiers of records, not of people).</para>
/// <para>A sensitive number keeps its first 6 and last 4 digits (the <c>id_number</c> rule of SPEC §4); its other digits
/// become <c>*</c> and its separators stay, so the text keeps its length.</para>
/// </remarks>
public static class PersonalData
{
    /// <summary><paramref name="text"/> with every ID and card number in it masked as the outputs mask them (first 6 and
    /// last 4 digits kept, separators kept, so the text keeps its length); null gives an empty string.</summary>
    /// <remarks>For a host's own messages and logs: <see cref="Exception.Message"/> of a
    /// <see cref="Model.PayrollDataException"/> quotes the bad value, which may be an ID or card number in a shifted column.</remarks>
    public static string MaskNumbers(string? text) => FreeText(text, mask: true);

    /// <summary>A digit run at least this long is a card or ID number.</summary>
    /// <remarks>Wage cards are 10–30 digits (INVALID_BANK_ACCOUNT); dates written as <c>yyyyMMdd</c> stay readable.</remarks>
    internal const int MinContiguousDigits = 10;

    /// <summary>Digit groups joined by single separators that add up to at least this many digits are a card or ID number.</summary>
    /// <remarks>15 is the shortest ID number (the first-generation card) and below the shortest bank card (16); phone
    /// numbers (11 digits) written in groups stay readable.</remarks>
    internal const int MinGroupedDigits = 15;

    /// <summary>Writes <paramref name="value"/> masked into <paramref name="destination"/> (same length).</summary>
    /// <remarks>
    /// SPEC §4, whatever the length: the first 6 and last 4 characters kept, the rest <c>*</c>. A value of 10 characters
    /// or fewer has nothing between them and stays as it is (an id of the wrong length, as INVALID_ID_NUMBER reports
    /// it, keeps its ends like any other: <c>1101051990030</c> → <c>110105***0030</c>).
    /// </remarks>
    internal static void MaskInto(ReadOnlySpan<char> value, Span<char> destination)
    {
        int n = value.Length;
        var (head, tail) = WholeKeptEnds(n);
        value[..head].CopyTo(destination);
        destination[head..(n - tail)].Fill('*');
        value[(n - tail)..].CopyTo(destination[(n - tail)..]);
    }

    /// <summary>The masked form of an ID or card number.</summary>
    internal static string Mask(string value) =>
        string.Create(value.Length, value, static (span, v) => MaskInto(v, span));

    /// <summary>Appends the transaction ids of <paramref name="f"/> joined by <c>;</c>, each as written, or masked whole
    /// (<see cref="Mask"/>) when it is a roster worker's card or ID number (see <see cref="Findings.Finding.PersonalIds"/>)
    /// and masking is on.</summary>
    internal static void AppendTxnIds(StringBuilder sb, Findings.Finding f, bool mask)
    {
        for (int i = 0; i < f.TxnIds.Count; i++)
        {
            if (i > 0) sb.Append(';');
            string id = f.TxnIds[i];
            if (mask && i < 31 && (f.PersonalIds & (1 << i)) != 0) AppendMaskedWhole(sb, id);
            else sb.Append(id);
        }
    }

    /// <summary>Appends <paramref name="value"/> masked as <see cref="Mask"/> masks it, without making a string of it.</summary>
    private static void AppendMaskedWhole(StringBuilder sb, ReadOnlySpan<char> value)
    {
        var (head, tail) = WholeKeptEnds(value.Length);
        sb.Append(value[..head]).Append('*', value.Length - head - tail).Append(value[(value.Length - tail)..]);
    }

    /// <summary>What a number masked whole keeps: its first 6 characters and then its last 4, as far as it has them.</summary>
    private static (int Head, int Tail) WholeKeptEnds(int length)
    {
        int head = Math.Min(6, length);
        return (head, Math.Min(4, length - head));
    }

    /// <summary>The value to write for an ID number: masked unless masking is off.</summary>
    internal static string IdNumber(string? idNumber, bool mask) =>
        string.IsNullOrEmpty(idNumber) ? string.Empty : mask ? Mask(idNumber) : idNumber;

    /// <summary>The value to write for a worker_id: masked whole when it is the worker's ID number (R30), else as free
    /// text (an ID or card number inside it, e.g. <c>HN110105199003070017</c>, is masked).</summary>
    internal static string WorkerId(string? workerId, string? idNumber, bool mask)
    {
        if (string.IsNullOrEmpty(workerId)) return string.Empty;
        if (!mask) return workerId;
        return IsIdNumber(workerId, idNumber) ? Mask(workerId) : FreeText(workerId, mask);
    }

    /// <summary>True when a worker_id is the worker's own ID number (R30), compared ignoring the case of <c>X</c>.</summary>
    internal static bool IsIdNumber(string? workerId, string? idNumber) =>
        !string.IsNullOrEmpty(workerId) && idNumber is not null && string.Equals(workerId, idNumber, StringComparison.OrdinalIgnoreCase);

    /// <summary>Appends free text with every sensitive number (see the class remarks) masked.</summary>
    internal static void AppendFreeText(StringBuilder sb, ReadOnlySpan<char> text, bool mask)
    {
        if (!mask)
        {
            sb.Append(text);
            return;
        }

        int written = 0;
        int from = 0;
        while (NextSensitive(text, from, out int start, out int end))
        {
            sb.Append(text[written..start]);
            AppendMasked(sb, text[start..end]);
            written = from = end;
        }

        sb.Append(text[written..]);
    }

    /// <summary>Free text with sensitive numbers masked (see <see cref="AppendFreeText"/>).</summary>
    internal static string FreeText(string? text, bool mask)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (!mask || !HasSensitiveRun(text)) return text;
        var sb = new StringBuilder(text.Length);
        AppendFreeText(sb, text, mask);
        return sb.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a sensitive number (see the class remarks).</summary>
    internal static bool HasSensitiveRun(ReadOnlySpan<char> text) =>
        // A sensitive number has at least MinContiguousDigits digits: a shorter text (most names) holds none.
        text.Length >= MinContiguousDigits && NextSensitive(text, 0, out _, out _);

    /// <summary>Finds the next sensitive number at or after <paramref name="from"/> (which is never inside a digit chain).</summary>
    private static bool NextSensitive(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        int i = from;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            start = i;
            int digits = 0, groups = 0, longestGroup = 0;
            while (true)
            {
                int groupStart = i;
                while (i < text.Length && IsDigit(text[i])) i++;
                int length = i - groupStart;
                digits += length;
                groups++;
                longestGroup = Math.Max(longestGroup, length);
                // A short group (the month or day of a date, the minutes of a time) ends the chain.
                if (length >= 3 && i + 1 < text.Length && IsSeparator(text[i]) && IsDigit(text[i + 1])) i++;
                else break;
            }

            int chainEnd = i;
            if (i < text.Length && IsCheckCharacter(text[i]))
            {
                i++;
                digits++;
            }

            end = i;
            bool sensitive = longestGroup >= MinContiguousDigits
                || (groups > 1 && digits >= MinGroupedDigits && !(end == chainEnd && DateRange(text[start..chainEnd])));
            if (sensitive && !PartOfDecimalNumber(text, start, chainEnd, end)) return true;
        }

        start = end = text.Length;
        return false;
    }

    /// <summary>True when every group of the chain is an 8-digit <c>yyyyMMdd</c> date (<c>20260101-20260331</c>, a
    /// statement's period): dates, not a card written in groups.</summary>
    private static bool DateRange(ReadOnlySpan<char> chain)
    {
        foreach (var range in chain.SplitAny(" -\u3000－"))
        {
            var group = chain[range];
            if (group.Length != 8 || !Parsing.DateParser.TryParseDate(group, out _)) return false;
        }
        return true;
    }

    /// <summary>True when the chain <c>[start, chainEnd)</c> is the integer part or the decimals of a plain decimal number.</summary>
    private static bool PartOfDecimalNumber(ReadOnlySpan<char> text, int start, int chainEnd, int end)
    {
        if (end != chainEnd) return false;
        bool integerPart = chainEnd + 1 < text.Length && text[chainEnd] == '.' && IsDigit(text[chainEnd + 1]);
        bool decimals = start >= 2 && text[start - 1] == '.' && IsDigit(text[start - 2]);
        if (!integerPart && !decimals) return false;
        // Scientific notation is how a spreadsheet shows a card or ID number typed as a number: that stays masked.
        int after = chainEnd;
        if (integerPart)
        {
            after++;
            while (after < text.Length && IsDigit(text[after])) after++;
        }

        return !(after < text.Length && text[after] is 'E' or 'e');
    }

    private static void AppendMasked(StringBuilder sb, ReadOnlySpan<char> number)
    {
        int count = 0;
        foreach (char c in number)
        {
            if (!IsSeparator(c)) count++;
        }

        (int head, int tail) = KeptEnds(count);
        int k = 0;
        foreach (char c in number)
        {
            if (IsSeparator(c))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(k < head || k >= count - tail ? c : '*');
            k++;
        }
    }

    /// <summary>What a sensitive number found in free text keeps: a card or ID (14 digits or more) its first 6 and last 4,
    /// a shorter one (10–13 digits: an account, a card of another bank) only its first and last 2, so none is shown whole.
    /// (The id_number column keeps its first 6 and last 4 at any length: SPEC §4, <see cref="MaskInto"/>.)</summary>
    private static (int Head, int Tail) KeptEnds(int length) => length >= 14 ? (6, 4) : length >= 5 ? (2, 2) : (0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(char c) => c is ' ' or '-' or '\u3000' or '－';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCheckCharacter(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';
}
