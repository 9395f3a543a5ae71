namespace PayrollRecon.Parsing;

/// <summary>Resident identity numbers (居民身份证号码, GB 11643-1999) — validation, birth date, masking (R11).</summary>
internal static class IdNumbers
{
    /// <summary>Length of a second-generation id number.</summary>
    public const int Length = 18;

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    // ISO 7064 MOD 11-2 weights for positions 1..17 and the check character for each remainder.
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>
    /// True for 18 characters — 17 ASCII digits then a digit or <c>X</c>/<c>x</c> — with the right MOD 11-2 check
    /// character and a real birth date in characters 7–14 from 1900-01-01 up to <paramref name="asOf"/>.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> id, DateOnly asOf)
    {
        if (id.Length != Length || !TryCheckCharacter(id[..17], out char expected)) return false;
        char last = id[17] == 'x' ? 'X' : id[17];
        if (last != expected) return false;
        return TryGetBirthDate(id, out DateOnly birth) && birth >= Earliest && birth <= asOf;
    }

    /// <summary>The birth date of an 18-character id whose characters 7–14 form a real <c>yyyyMMdd</c> date (no checksum needed).</summary>
    public static bool TryGetBirthDate(ReadOnlySpan<char> id, out DateOnly birth)
    {
        birth = default;
        if (id.Length != Length) return false;
        ReadOnlySpan<char> d = id.Slice(6, 8);
        if (d.ContainsAnyExceptInRange('0', '9')) return false;
        int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        int month = (d[4] - '0') * 10 + (d[5] - '0');
        int day = (d[6] - '0') * 10 + (d[7] - '0');
        return DateParser.TryMakeDate(year, month, day, out birth);
    }

    /// <summary>The MOD 11-2 check character (<c>0</c>–<c>9</c> or <c>X</c>) for the first 17 digits of an id.</summary>
    /// <exception cref="ArgumentException">When <paramref name="first17"/> is not exactly 17 ASCII digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !TryCheckCharacter(first17, out char c))
        {
            throw new ArgumentException("expected exactly 17 ASCII digits", nameof(first17));
        }
        return c;
    }

    /// <summary>
    /// True when <paramref name="reference"/> falls before the 16th birthday; a 29 February birthday counts as 1 March
    /// (R11: "29 Feb → 1 Mar"), also in the leap years that nearly every 16th birthday of one falls in.
    /// </summary>
    public static bool IsUnder16(DateOnly birth, DateOnly reference)
    {
        int year = birth.Year + 16;
        if (year > 9999) return true;
        DateOnly sixteenth = birth.Month == 2 && birth.Day == 29
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birth.Month, birth.Day);
        return reference < sixteenth;
    }

    /// <summary>Masks an id (or card) number for output.</summary>
    /// <remarks>
    /// Longer than 10 characters: the first 6 and last 4 are kept and the rest become <c>*</c>
    /// (<c>110101********1234</c>). 5 to 10 characters: all but the last 4 become <c>*</c>. 4 characters or fewer are
    /// returned as they are (there is nothing left to hide without hiding everything).
    /// </remarks>
    public static string Mask(string id)
    {
        if (id.Length <= 4) return id;
        int keepHead = id.Length > 10 ? 6 : 0;
        return string.Create(id.Length, (id, keepHead), static (dst, state) =>
        {
            state.id.CopyTo(dst);
            dst[state.keepHead..^4].Fill('*');
        });
    }

    private static bool TryCheckCharacter(ReadOnlySpan<char> first17, out char check)
    {
        check = '\0';
        int sum = 0;
        for (int k = 0; k < 17; k++)
        {
            uint d = DigitHelpers.Value(first17[k]);
            if (d > 9) return false;
            sum += (int)d * Weights[k];
        }
        check = CheckChars[sum % 11];
        return true;
    }
}
