namespace PayrollRecon.Parsing;

/// <summary>Normalises person names for comparison (R18).</summary>
/// <remarks>
/// U+3000 and every other white space character is dropped (which also trims); full-width ASCII U+FF01–U+FF5E folds
/// to ASCII; <c>·</c> U+00B7, <c>•</c> U+2022 and <c>.</c> (so also the full-width <c>．</c> U+FF0E) become <c>·</c>
/// U+00B7, so 阿卜杜·热合曼 written with any of those dots compares equal. No other dot is unified (R18 lists these
/// three: the katakana <c>・</c> U+30FB stays as written). Case is kept.
/// </remarks>
internal static class NameNormalizer
{
    private const char MiddleDot = '\u00B7';

    /// <summary>The normalised form of <paramref name="name"/>.</summary>
    public static string Normalize(string name)
    {
        if (name.Length <= 256)
        {
            Span<char> buffer = stackalloc char[name.Length];
            int n = Normalize(name, buffer);
            return buffer[..n].SequenceEqual(name) ? name : new string(buffer[..n]);
        }
        char[] array = new char[name.Length];
        int length = Normalize(name, array);
        return new string(array, 0, length);
    }

    /// <summary>Writes the normalised form of <paramref name="name"/> and returns its length.</summary>
    /// <remarks><paramref name="destination"/> must be at least as long as <paramref name="name"/>.</remarks>
    public static int Normalize(ReadOnlySpan<char> name, Span<char> destination)
    {
        int n = 0;
        foreach (char raw in name)
        {
            char c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c)) continue;
            if (c is '.' or '\u2022') c = MiddleDot;
            destination[n++] = c;
        }
        return n;
    }
}
