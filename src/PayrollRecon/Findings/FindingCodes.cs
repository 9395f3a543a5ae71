namespace PayrollRecon.Findings;

/// <summary>Names of finding codes as the outputs write them (the <c>code</c> column of <c>findings.csv</c>, e.g.
/// <c>LABOR_FUNDS_SHORT</c>).</summary>
public static class FindingCodes
{
    private static readonly string[] Names = BuildNames();
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, static n => System.Text.Encoding.UTF8.GetBytes(n));

    /// <summary>The UPPER_SNAKE name of <paramref name="code"/>, e.g. <c>PAID_WITHOUT_ATTENDANCE</c>.</summary>
    public static string Name(FindingCode code) => Names[(int)code];

    /// <summary>Parses an UPPER_SNAKE name as <see cref="Name"/> writes it (exactly: upper case).</summary>
    public static bool TryParse(string name, out FindingCode code)
    {
        int i = Array.IndexOf(Names, name);
        code = (FindingCode)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Parses a name as <see cref="Name"/> writes it, from its UTF-8 bytes.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out FindingCode code)
    {
        for (int i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i]))
            {
                code = (FindingCode)i;
                return true;
            }
        }
        code = default;
        return false;
    }

    private static string[] BuildNames()
    {
        var values = Enum.GetValues<FindingCode>();
        var names = new string[values.Length];
        foreach (var v in values)
        {
            var pascal = v.ToString();
            var sb = new System.Text.StringBuilder(pascal.Length + 8);
            for (int i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i])) sb.Append('_');
                sb.Append(char.ToUpperInvariant(pascal[i]));
            }
            names[(int)v] = sb.ToString();
        }
        return names;
    }
}
