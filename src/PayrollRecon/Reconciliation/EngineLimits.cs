using System.Globalization;
using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

/// <summary>The engine's caps (<see cref="Reconciler.MaxWorkers"/>, <see cref="Reconciler.MaxWorkerMonths"/>, <see cref="Reconciler.MaxBatchLines"/>, months in 1900-01..2199-12) and the errors that name the row past them.</summary>
internal static class EngineLimits
{
    /// <summary>True for a year inside the range every month must lie in.</summary>
    public static bool InPeriodRange(int year) => year is >= DateParser.MinYear and <= DateParser.MaxYear;

    public static PayrollDataException TooManyWorkers(string file, long line, int limit) =>
        new(file, line, new Reporting.LocalizedText(Reporting.MessageKey.TooManyWorkers, $"{file}:{line}", Count(limit)));

    public static PayrollDataException TooManyWorkerMonths(string file, long line, int limit) =>
        new(file, line, new Reporting.LocalizedText(Reporting.MessageKey.TooManyWorkerMonths, $"{file}:{line}", Count(limit)));

    public static PayrollDataException TooManyBatchLines(string file, long line, int limit) =>
        new(file, line, new Reporting.LocalizedText(Reporting.MessageKey.TooManyBatchLines, $"{file}:{line}", Count(limit)));

    /// <summary>The diagnostic of a date outside the years the engine holds (<see cref="DateParser.MinYear"/>..<see cref="DateParser.MaxYear"/>).</summary>
    public static Diagnostic OutOfRange(string file, long line, string column, DiagnosticReason reason) =>
        new(file, line, column, Reporting.MessageCatalog.EnglishReason(reason, null, DateParser.MinYear, DateParser.MaxYear))
        {
            Reason = reason,
            Expected = DateParser.MinYear,
            Found = DateParser.MaxYear,
        };

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
