namespace PayrollRecon.Findings;

/// <summary>Names of severities as the outputs write them: <c>red</c>, <c>orange</c>, <c>yellow</c>, <c>info</c> (the
/// <c>severity</c> column of <c>findings.csv</c> and <c>history.csv</c>, the counts of <c>summary.json</c>).</summary>
public static class Severities
{
    /// <summary>The lower-case name of <paramref name="severity"/>, e.g. <c>red</c> for <see cref="Severity.Red"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="severity"/> is not a defined value.</exception>
    public static string Name(Severity severity) => severity switch
    {
        Severity.Red => "red",
        Severity.Orange => "orange",
        Severity.Yellow => "yellow",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "no such severity"),
    };

    /// <summary>Parses a name as <see cref="Name"/> writes it (exactly: lower case, no spaces).</summary>
    public static bool TryParse(string? name, out Severity severity)
    {
        switch (name)
        {
            case "red": severity = Severity.Red; return true;
            case "orange": severity = Severity.Orange; return true;
            case "yellow": severity = Severity.Yellow; return true;
            case "info": severity = Severity.Info; return true;
            default: severity = Severity.Info; return false;
        }
    }

    /// <summary>Parses a name as <see cref="Name"/> writes it, from its UTF-8 bytes.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out Severity severity)
    {
        if (utf8.SequenceEqual("red"u8)) severity = Severity.Red;
        else if (utf8.SequenceEqual("orange"u8)) severity = Severity.Orange;
        else if (utf8.SequenceEqual("yellow"u8)) severity = Severity.Yellow;
        else if (utf8.SequenceEqual("info"u8)) severity = Severity.Info;
        else
        {
            severity = Severity.Info;
            return false;
        }
        return true;
    }
}
