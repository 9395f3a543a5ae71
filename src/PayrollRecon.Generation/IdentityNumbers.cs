namespace PayrollRecon.Generation;

/// <summary>Makes resident identity numbers (GB 11643) and 19-digit bank card numbers (Luhn) for synthetic workers.</summary>
internal static class IdentityNumbers
{
    private const string CheckCharacters = "10X98765432";

    // County codes of provinces that send many construction workers (Henan, Sichuan, Anhui, Hunan, Guizhou, Hubei, Jiangxi, Gansu).
    private static readonly string[] AreaCodes =
    [
        "410323", "410324", "410325", "410327", "411521", "411522", "411524", "411525", "411526", "411527",
        "412721", "412722", "412723", "412724", "412725", "412726", "412727", "412728", "510722", "511321",
        "511322", "511323", "511324", "511325", "511621", "511622", "511623", "513022", "340322", "340323",
        "340421", "340822", "340826", "341221", "341222", "341225", "341226", "341322", "341323", "430521",
        "430522", "430524", "430525", "431021", "431022", "431121", "431122", "520121", "520122", "522121",
        "522122", "522425", "522426", "421121", "421122", "421123", "421124", "360721", "360722", "360723",
        "362321", "362322", "620121", "620122", "621121", "621122",
    ];

    // ISO 7064 MOD 11-2 weights for positions 1..17 (GB 11643).
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Debit-card BINs of the big banks that issue wage cards.
    private static readonly string[] CardBins =
        ["622202", "621700", "622848", "621661", "622700", "621226", "623052", "621483", "622588", "622609"];

    /// <summary>A valid 18-character id for someone born on <paramref name="birth"/>.</summary>
    public static string NewId(Random rng, DateOnly birth)
    {
        Span<char> id = stackalloc char[18];
        string area = AreaCodes[rng.Next(AreaCodes.Length)];
        area.AsSpan().CopyTo(id);
        WriteDigits(id.Slice(6, 4), birth.Year);
        WriteDigits(id.Slice(10, 2), birth.Month);
        WriteDigits(id.Slice(12, 2), birth.Day);
        WriteDigits(id.Slice(14, 3), rng.Next(1, 1000));
        id[17] = CheckCharacter(id[..17]);
        return new string(id);
    }

    /// <summary>The same id with a wrong check character.</summary>
    public static string WithWrongCheck(string id)
    {
        char right = id[17];
        int k = CheckCharacters.IndexOf(right);
        return string.Concat(id.AsSpan(0, 17), CheckCharacters[(k + 3) % 11].ToString());
    }

    /// <summary>An 18-character id whose birth-date part is not a real date (30 February), with a correct check character.</summary>
    public static string WithImpossibleBirthDate(string id)
    {
        Span<char> c = stackalloc char[18];
        id.AsSpan().CopyTo(c);
        "0230".AsSpan().CopyTo(c.Slice(10, 4));
        c[17] = CheckCharacter(c[..17]);
        return new string(c);
    }

    /// <summary>The first-generation 15-digit form of an id (area, yyMMdd, sequence), no longer valid.</summary>
    public static string FifteenDigitForm(string id) => string.Concat(id.AsSpan(0, 6), id.AsSpan(8, 6), id.AsSpan(14, 3));

    /// <summary>A 19-digit debit card number with a valid Luhn digit.</summary>
    public static string NewCard(Random rng)
    {
        Span<char> c = stackalloc char[19];
        CardBins[rng.Next(CardBins.Length)].AsSpan().CopyTo(c);
        for (int i = 6; i < 18; i++) c[i] = (char)('0' + rng.Next(10));
        c[18] = LuhnDigit(c[..18]);
        return new string(c);
    }

    /// <summary>A corporate account number of <paramref name="length"/> digits starting with <paramref name="prefix"/>.</summary>
    public static string NewAccount(Random rng, string prefix, int length)
    {
        Span<char> c = stackalloc char[length];
        prefix.AsSpan().CopyTo(c);
        for (int i = prefix.Length; i < length; i++) c[i] = (char)('0' + rng.Next(10));
        return new string(c);
    }

    /// <summary>The Luhn check digit for <paramref name="body"/> (the digits before it).</summary>
    public static char LuhnDigit(ReadOnlySpan<char> body)
    {
        int sum = 0;
        bool dbl = true;
        for (int i = body.Length - 1; i >= 0; i--)
        {
            int d = body[i] - '0';
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static void WriteDigits(Span<char> dest, int value)
    {
        for (int i = dest.Length - 1; i >= 0; i--)
        {
            dest[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>The MOD 11-2 check character for 17 ASCII digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        int sum = 0;
        for (int k = 0; k < 17; k++) sum += (first17[k] - '0') * Weights[k];
        return CheckCharacters[sum % 11];
    }

    /// <summary>An id masked as the reports show it (SPEC R11): longer than 10 characters keeps the first 6 and the last
    /// 4, 5 to 10 characters keep the last 4, shorter ones are shown as they are.</summary>
    /// <remarks>The expected findings name an unregistered worker by this form, so it has to be the engine's rule.</remarks>
    public static string Mask(string id)
    {
        if (id.Length <= 4) return id;
        int keepHead = id.Length > 10 ? 6 : 0;
        return string.Concat(id.AsSpan(0, keepHead), new string('*', id.Length - keepHead - 4), id.AsSpan(id.Length - 4));
    }
}
