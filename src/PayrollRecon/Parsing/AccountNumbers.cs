namespace PayrollRecon.Parsing;

/// <summary>Bank card and account number helpers (R12, <c>INVALID_BANK_ACCOUNT</c>).</summary>
internal static class AccountNumbers
{
    /// <summary>Shortest account number accepted as valid.</summary>
    public const int MinDigits = 10;

    /// <summary>Longest account number accepted as valid.</summary>
    public const int MaxDigits = 30;

    /// <summary>Copies only the ASCII digits of <paramref name="src"/> to <paramref name="dst"/> and returns how many.</summary>
    /// <remarks><paramref name="dst"/> must be at least as long as <paramref name="src"/>.</remarks>
    public static int CopyDigits(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int n = 0;
        foreach (byte b in src)
        {
            if (DigitHelpers.Value(b) <= 9) dst[n++] = b;
        }
        return n;
    }

    /// <summary>The ASCII digits of <paramref name="s"/>, in order (the string itself when it holds only digits).</summary>
    public static string DigitsOf(string s)
    {
        int count = 0;
        foreach (char c in s)
        {
            if (DigitHelpers.Value(c) <= 9) count++;
        }
        if (count == s.Length) return s;
        return string.Create(count, s, static (dst, src) =>
        {
            int n = 0;
            foreach (char c in src)
            {
                if (DigitHelpers.Value(c) <= 9) dst[n++] = c;
            }
        });
    }

    /// <summary>True when <paramref name="s"/> is non-empty and holds only ASCII digits.</summary>
    /// <remarks>Empty is false: an empty registered account never matches anything.</remarks>
    public static bool IsAllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    /// <summary>True for an account that is empty, holds anything but ASCII digits, or is not 10–30 digits long.</summary>
    public static bool IsInvalid(string? account) =>
        account is null || account.Length is < MinDigits or > MaxDigits || !IsAllDigits(account);
}
