namespace PayrollRecon.Model;

/// <summary>Why a row could not be read: the structured form of <see cref="Diagnostic.Message"/>, by which the
/// message is told in Chinese or English.</summary>
public enum DiagnosticReason
{
    /// <summary>A reason without a translation; <see cref="Diagnostic.Message"/> says it.</summary>
    Other,
    /// <summary>A required value is empty.</summary>
    MissingValue,
    /// <summary>Not an amount of money.</summary>
    InvalidAmount,
    /// <summary>A negative amount where only positive ones are meaningful.</summary>
    NegativeAmount,
    /// <summary>Not a date.</summary>
    InvalidDate,
    /// <summary>Not a date and time.</summary>
    InvalidDateTime,
    /// <summary>Not a time of day.</summary>
    InvalidTime,
    /// <summary>Not a month (<c>yyyy-MM</c>).</summary>
    InvalidPeriod,
    /// <summary>Not a number.</summary>
    InvalidNumber,
    /// <summary>A direction that is neither in nor out.</summary>
    UnknownDirection,
    /// <summary>A status of a bank or batch line that is not known.</summary>
    UnknownStatus,
    /// <summary>A calendar day kind that is not known.</summary>
    UnknownKind,
    /// <summary>A wage type that is not known.</summary>
    UnknownWageType,
    /// <summary>Both the debit and the credit column hold an amount.</summary>
    DebitAndCredit,
    /// <summary>The row has another number of fields than the header.</summary>
    FieldCount,
    /// <summary>The record is longer than the longest one accepted.</summary>
    LineTooLong,
    /// <summary>A quoted field is still open at the end of the file.</summary>
    UnterminatedQuote,
    /// <summary>Text after a closing quote.</summary>
    StrayQuote,
    /// <summary>Bytes that are not UTF-8.</summary>
    InvalidUtf8,
    /// <summary>More unreadable rows than a file lists: they are counted.</summary>
    MoreUnreadableRows,
    /// <summary>Bytes that are not GB18030 in a file read as GB18030.</summary>
    InvalidGb18030,
    /// <summary>More fields in the record than a record may have.</summary>
    TooManyFields,
    /// <summary>A ruling's finding id is not 16 hex digits.</summary>
    InvalidFindingId,
    /// <summary>A ruling that is none of confirmed, false_alarm, fixed.</summary>
    UnknownRuling,
    /// <summary>A false-alarm ruling without its reason.</summary>
    FalseAlarmWithoutReason,
    /// <summary>A payroll month outside the years the engine holds.</summary>
    PeriodOutOfRange,
    /// <summary>A punch outside the years the engine holds.</summary>
    DateTimeOutOfRange,
}
