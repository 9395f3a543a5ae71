using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    // Where the engine is while it adds money up: the line or the worker-month whose amount it is adding. Money is long
    // fen with checked arithmetic, so a sum past long.MaxValue throws; the error then names this place. Plain fields
    // set per line and per worker-month, so the bookkeeping costs nothing that allocates.
    private string? _sumFile;
    private long _sumLine;
    private int _sumPeriod = -1;

    /// <summary>The error for a sum of amounts past 92,233,720,368,547,758.07 yuan met at <paramref name="where"/> (<c>payroll.csv:12</c>).</summary>
    private static PayrollDataException SumTooLargeAt(string file, object where) =>
        new(file, new Reporting.LocalizedText(Reporting.MessageKey.SumTooLarge, where));

    /// <summary>Notes that the sums now being added up come from <paramref name="file"/>:<paramref name="line"/>
    /// (a line of 0 names the file alone), for the worker-month <paramref name="periodOrdinal"/> when not -1.</summary>
    private void SummingAt(string? file, long line, int periodOrdinal = -1)
    {
        _sumFile = file;
        _sumLine = line;
        _sumPeriod = periodOrdinal;
    }

    /// <summary>Notes that the sums now being added up come from a processed statement or batch-detail line.</summary>
    private void SummingAtLine(int line)
    {
        ref readonly var p = ref LineAt(line);
        if (p.DetailIndex >= 0) SummingAt(BatchesFile, BatchLineAt(p.DetailIndex).Line);
        else SummingAt(BankFile, BankLineAt(p.BankIndex).Line);
    }

    /// <summary>The error for a checked overflow met at the place last noted by <see cref="SummingAt"/>.</summary>
    private PayrollDataException SumTooLarge()
    {
        string file = _sumFile ?? _settings.Code;
        object where = _sumFile is null ? new Reporting.LocalizedText(Reporting.MessageKey.ProjectTotals)
            : _sumLine <= 0 ? file
            : $"{file}:{_sumLine}";
        if (_sumPeriod >= 0) where = new Reporting.LocalizedText(Reporting.MessageKey.SumInMonth, where, YearMonth.FromOrdinal(_sumPeriod).ToString());
        return SumTooLargeAt(file, where);
    }
}
