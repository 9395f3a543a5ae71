using System.Text;

namespace PayrollRecon.Reporting;

/// <summary>Masking of ID and card numbers in outputs (SPEC §5: personal data is masked by default).</summary>
internal static class PersonalData
{
    /// <summary>Digit runs at least this long in free text are treated as card or ID numbers.</summary>
    /// <remarks>Wage cards are 10–30 digits (INVALID_BANK_ACCOUNT); dates written as <c>yyyyMMdd</c> stay readable.</remarks>
    internal const int MinSensitiveDigits = 10;

    /// <summary>Writes <paramref name="value"/> masked into <paramref name="destination"/> (same length).</summary>
    /// <remarks>
    /// 14 characters or more (ID numbers, cards): first 6 and last 4 kept. Shorter values would be almost entirely
    /// revealed by that rule, so 5–13 keep only the first and last 2, and anything shorter is all <c>*</c>.
    /// </remarks>
    internal static void MaskInto(ReadOnlySpan<char> value, Span<char> destination)
    {
        int n = value.Length;
        (int head, int tail) = n >= 14 ? (6, 4) : n >= 5 ? (2, 2) : (0, 0);
        value[..head].CopyTo(destination);
        destination[head..(n - tail)].Fill('*');
        value[(n - tail)..].CopyTo(destination[(n - tail)..]);
    }

    /// <summary>The masked form of an ID or card number.</summary>
    internal static string Mask(string value) =>
        string.Create(value.Length, value, static (span, v) => MaskInto(v, span));

    /// <summary>The value to write for an ID number: masked unless masking is off.</summary>
    internal static string IdNumber(string? idNumber, bool mask) =>
        string.IsNullOrEmpty(idNumber) ? string.Empty : mask ? Mask(idNumber) : idNumber;

    /// <summary>The value to write for a worker_id: masked like an ID when it is the ID number (R30).</summary>
    internal static string WorkerId(string? workerId, string? idNumber, bool mask)
    {
        if (string.IsNullOrEmpty(workerId)) return string.Empty;
        return mask && IsIdLike(workerId, idNumber) ? Mask(workerId) : workerId;
    }

    /// <summary>True when a worker_id must be masked: it is the worker's ID number (R30) or shaped like one.</summary>
    internal static bool IsIdLike(string? workerId, string? idNumber) =>
        !string.IsNullOrEmpty(workerId)
        && ((idNumber is not null && string.Equals(workerId, idNumber, StringComparison.OrdinalIgnoreCase)) || LooksLikeIdNumber(workerId));

    /// <summary>Appends free text with every long digit run (a card or ID number, possibly ending in X) masked.</summary>
    internal static void AppendFreeText(StringBuilder sb, ReadOnlySpan<char> text, bool mask)
    {
        if (!mask)
        {
            sb.Append(text);
            return;
        }

        Span<char> scratch = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                int start = i;
                while (i < text.Length && !char.IsAsciiDigit(text[i])) i++;
                sb.Append(text[start..i]);
                continue;
            }

            int runStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i < text.Length && (text[i] == 'X' || text[i] == 'x')) i++;
            var run = text[runStart..i];
            int digits = run[^1] is 'X' or 'x' ? run.Length - 1 : run.Length;
            // The decimals of a number (an amount's invalid '0.30000000000000004') are not a card.
            bool decimals = runStart >= 2 && text[runStart - 1] == '.' && char.IsAsciiDigit(text[runStart - 2]);
            if (digits >= MinSensitiveDigits && !decimals)
            {
                Span<char> masked = run.Length <= scratch.Length ? scratch[..run.Length] : new char[run.Length];
                MaskInto(run, masked);
                sb.Append(masked);
            }
            else
            {
                sb.Append(run);
            }
        }
    }

    /// <summary>Free text with long digit runs masked (see <see cref="AppendFreeText"/>).</summary>
    internal static string FreeText(string? text, bool mask)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (!mask || !HasSensitiveRun(text)) return text;
        var sb = new StringBuilder(text.Length);
        AppendFreeText(sb, text, mask);
        return sb.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a run of at least <see cref="MinSensitiveDigits"/> digits.</summary>
    internal static bool HasSensitiveRun(ReadOnlySpan<char> text)
    {
        int run = 0;
        foreach (char c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= MinSensitiveDigits) return true;
        }

        return false;
    }

    // A roster may leave worker_id empty and the engine then puts the id_number there; a worker_id that is itself
    // shaped like an 18-character ID number is treated the same way so it never leaks under another name.
    private static bool LooksLikeIdNumber(string value)
    {
        if (value.Length != 18) return false;
        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
        }

        return char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x';
    }
}
