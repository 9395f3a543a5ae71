namespace PayrollRecon.Reading;

/// <summary>Why the CSV core could not split a record into fields.</summary>
public enum CsvRowError
{
    /// <summary>The record was read.</summary>
    None,

    /// <summary>The record is longer than <see cref="CsvReaderOptions.MaxRecordBytes"/>; it was skipped.</summary>
    LineTooLong,

    /// <summary>A quoted field is still open at the end of the input.</summary>
    UnterminatedQuote,

    /// <summary>The record holds bytes that are not valid UTF-8 in a file detected as UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A quoted field's closing quote is followed by something other than white space, the separator or the line end (<c>"b"c</c>).</summary>
    StrayQuote,

    /// <summary>The record holds bytes that are not valid GB18030 in a file detected as GB18030.</summary>
    InvalidGb18030,

    /// <summary>The record has more than <see cref="CsvReader.MaxFieldsPerRecord"/> fields; it was skipped.</summary>
    TooManyFields,
}
