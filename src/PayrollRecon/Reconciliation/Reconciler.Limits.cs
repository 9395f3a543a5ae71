using System.Globalization;
using System.Runtime.CompilerServices;

using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    /// <summary>Most workers a roster may hold; a further row stops the check (<see cref="PayrollDataException"/>, exit 2).</summary>
    /// <remarks>The largest projects have tens of thousands of workers.</remarks>
    public const int MaxWorkers = 1_000_000;

    /// <summary>
    /// Most worker-months a project may hold: each roster worker's months with punches, its months with payroll rows
    /// (a month with both counts twice), and each unregistered id's months with punches. The row that would add one
    /// more stops the check (<see cref="PayrollDataException"/>, exit 2).
    /// </summary>
    /// <remarks>
    /// The worker × month grid is what memory grows with (about 400 bytes a worker-month, so some 2 GiB at the cap);
    /// 5,000 workers × 48 months, a large project, is 240,000. Months themselves lie in 1900-01..2199-12: a punch or a
    /// payroll row outside is a <c>DATA_ERROR</c> (readers refuse such dates; the engine checks rows given to it directly).
    /// </remarks>
    public const int MaxWorkerMonths = 5_000_000;

    /// <summary>The roster cap in force (<see cref="MaxWorkers"/>; lowered by tests).</summary>
    internal int WorkerLimit { get; set; } = MaxWorkers;

    /// <summary>The worker-month cap in force (<see cref="MaxWorkerMonths"/>; lowered by tests).</summary>
    internal int WorkerMonthLimit
    {
        get => _workerMonthLimit;
        set
        {
            _workerMonthLimit = value;
            _punchBlockLimit = value - _payroll.Count - _unregisteredMonths.Count;
        }
    }

    private int _workerMonthLimit = MaxWorkerMonths;

    // The most attendance blocks the other worker-month records leave room for: one comparison per punch (payroll
    // rows come after the punches; an unregistered id's new month lowers it).
    private int _punchBlockLimit = MaxWorkerMonths;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PunchOutOfRange(long line) =>
        AddDiagnostic(OutOfRange(AttendanceFile, line, "time", DiagnosticReason.DateTimeOutOfRange));

    /// <summary>The diagnostic of a date outside the years the engine holds (<see cref="DateParser.MinYear"/>..<see cref="DateParser.MaxYear"/>).</summary>
    private static Diagnostic OutOfRange(string file, long line, string column, DiagnosticReason reason) =>
        new(file, line, column, Reporting.MessageCatalog.EnglishReason(reason, null, DateParser.MinYear, DateParser.MaxYear))
        {
            Reason = reason,
            Expected = DateParser.MinYear,
            Found = DateParser.MaxYear,
        };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PunchPastWorkerMonthCap(long line) => throw TooManyWorkerMonths(AttendanceFile, line);

    private int WorkerMonthRecords => _attendance.BlockCount + _payroll.Count + _unregisteredMonths.Count;

    private static bool InPeriodRange(int year) => year is >= DateParser.MinYear and <= DateParser.MaxYear;

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private PayrollDataException TooManyWorkers(long line) =>
        new(WorkersFile, new Reporting.LocalizedText(Reporting.MessageKey.TooManyWorkers, Source(WorkersFile, line), Count(WorkerLimit)));

    private PayrollDataException TooManyWorkerMonths(string file, long line) =>
        new(file, new Reporting.LocalizedText(Reporting.MessageKey.TooManyWorkerMonths, Source(file, line), Count(WorkerMonthLimit)));
}
