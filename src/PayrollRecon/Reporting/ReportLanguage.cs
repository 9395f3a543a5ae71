namespace PayrollRecon.Reporting;

/// <summary>The language of the human-readable parts of the outputs (messages, labels).</summary>
public enum ReportLanguage
{
    /// <summary>Simplified Chinese (the default).</summary>
    Chinese,

    /// <summary>English.</summary>
    English,
}
