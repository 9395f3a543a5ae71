namespace PayrollRecon.Reading;

/// <summary>The one table of the input kinds of SPEC §2: each kind's default file name and its typed reader.</summary>
public static class InputKinds
{
    /// <summary>The default file name of an input kind, e.g. <c>bank.csv</c> for <see cref="InputKind.Bank"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="kind"/> is not a defined kind.</exception>
    public static string DefaultFileName(InputKind kind) => kind switch
    {
        InputKind.Workers => "workers.csv",
        InputKind.Attendance => "attendance.csv",
        InputKind.Payroll => "payroll.csv",
        InputKind.Bank => "bank.csv",
        InputKind.Batches => "batches.csv",
        InputKind.Calendar => "calendar.csv",
        InputKind.Rulings => "rulings.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such input kind"),
    };

    /// <summary>The typed reader of <paramref name="kind"/> over <paramref name="stream"/>: a <see cref="WorkersReader"/>
    /// for <see cref="InputKind.Workers"/>, a <see cref="BankReader"/> for <see cref="InputKind.Bank"/>, and so on.</summary>
    /// <remarks>The reader owns the stream unless <see cref="InputReaderOptions.LeaveOpen"/>; <paramref name="fileName"/>
    /// names the input in diagnostics.</remarks>
    public static InputReader CreateReader(InputKind kind, Stream stream, string fileName, InputReaderOptions options) => kind switch
    {
        InputKind.Workers => WorkersReader.Create(stream, fileName, options),
        InputKind.Attendance => AttendanceReader.Create(stream, fileName, options),
        InputKind.Payroll => PayrollReader.Create(stream, fileName, options),
        InputKind.Bank => BankReader.Create(stream, fileName, options),
        InputKind.Batches => BatchesReader.Create(stream, fileName, options),
        InputKind.Calendar => CalendarReader.Create(stream, fileName, options),
        InputKind.Rulings => RulingsReader.Create(stream, fileName, options),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such input kind"),
    };
}
