namespace PayrollRecon.Reporting;

/// <summary>How the report writers render a result: language and masking of personal data.</summary>
/// <remarks>
/// Masking is stored inverted so that <c>default(ReportOptions)</c> masks too: personal data must never leak
/// because a caller forgot to initialise the options.
/// </remarks>
public readonly record struct ReportOptions
{
    private readonly bool _unmasked;

    /// <summary>Options with the defaults: Chinese, masked.</summary>
    public ReportOptions()
    {
    }

    /// <summary>Language of messages and labels; Chinese by default.</summary>
    public ReportLanguage Language { get; init; }

    /// <summary>True (the default) to mask ID and card numbers: first 6 and last 4 characters kept, the rest <c>*</c>.</summary>
    public bool Mask
    {
        get => !_unmasked;
        init => _unmasked = !value;
    }
}
