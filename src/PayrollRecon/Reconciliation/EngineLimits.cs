using System.Globalization;
using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

/// <summary>The engine's caps (<see cref="Reconciler.MaxWorkers"/>, <see cref="Reconciler.MaxWorkerMonths"/>, months in 1900-01..2199-12) and the errors that name the row past them.</summary>
internal static class EngineLimits
{
    /// <summary>True for a year inside the range every month must lie in.</summary>
    public static bool InPeriodRange(int year) => year is >= DateParser.MinYear and <= DateParser.MaxYear;

    public static PayrollDataException TooManyWorkers(string file, long line, int limit) =>
        new(file, $"{file}:{line}: more than {Count(limit)} workers on the roster; a project holds at most {Count(limit)}");

    public static PayrollDataException TooManyWorkerMonths(string file, long line, int limit) =>
        new(file, $"{file}:{line}: more than {Count(limit)} worker-months (a worker's months with punches or payroll rows); a project holds at most {Count(limit)}");

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
