namespace PayrollRecon.Parsing;

/// <summary>Dates written as the input files and <c>project.json</c> write them, for a host's own date fields (the
/// CLI's <c>--as-of</c>).</summary>
public static class DateText
{
    /// <summary>Parses <c>yyyy-MM-dd</c> (two-digit month and day), <c>yyyy/M/d</c>, <c>yyyyMMdd</c> or <c>yyyy年M月d日</c>
    /// (SPEC §2.1): only real calendar dates of the years 1900–2199, no surrounding white space.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) => DateParser.TryParseDate(text, out date);
}
