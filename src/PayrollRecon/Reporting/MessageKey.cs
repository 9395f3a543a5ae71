namespace PayrollRecon.Reporting;

/// <summary>The library's messages of the <see cref="MessageCatalog"/> other than the reasons of unreadable rows (<see cref="Model.DiagnosticReason"/>).</summary>
internal enum MessageKey
{
    // Files as a whole (library).
    MissingColumn,
    MissingColumns,
    NoHeaderRow,
    StatementOfOtherAccount,
    NoDirection,
    // A finding's message: the unreadable row it may follow from.
    CausedBy,
}
