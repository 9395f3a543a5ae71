namespace PayrollRecon.Reporting;

/// <summary>The language of the human-readable parts of the outputs (messages, labels).</summary>
public enum ReportLanguage
{
    /// <summary>Simplified Chinese (the default).</summary>
    Zh,

    /// <summary>English.</summary>
    En,
}
