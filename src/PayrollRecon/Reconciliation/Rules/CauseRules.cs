using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation.Rules;

/// <summary>Links findings to an unreadable row that may be their cause (<see cref="Finding.CausedBy"/>): a statement
/// row, a payroll, attendance or roster row whose worker can still be read, or a batch detail row whose batch can.</summary>
/// <remarks>
/// A statement row that could not be read is missing from the balance chain and from every total: the next line's
/// balance breaks, labour funds may look short or late, a wage may look unpaid, short or late. Each such finding names
/// the first unreadable row that could have changed it, so a reader fixes the row before chasing the findings it set off.
/// <para>
/// The missing line's date is unknown but bounded: statements are in date order, so it lies between the dates of
/// the readable lines around it (either order, R40). A finding is linked when that window allows the line to
/// matter: for <c>BALANCE_BREAK</c>, the break is the first readable line after it; for <c>LABOR_FUNDS_LATE</c>
/// the window starts on or before the due date, for <c>LABOR_FUNDS_SHORT</c> on or before as-of; for
/// <c>UNPAID</c> and <c>SHORTFALL</c> it overlaps the month's start to as-of, for <c>LATE</c> the month's start to
/// its due date.
/// </para>
/// </remarks>
internal sealed class CauseRules
{
    private readonly Statement _statement;
    private readonly string _bankFile;
    private readonly DateOnly _asOf;
    private readonly string _payrollFile;
    private readonly string _attendanceFile;
    private readonly string _workersFile;
    private readonly string _batchesFile;

    /// <param name="statement">The readable lines around each unreadable row.</param>
    /// <param name="files">The inputs' names in sources.</param>
    /// <param name="asOf">The end of the window of short labour funds and unpaid months.</param>
    public CauseRules(Statement statement, ReconcilerOptions files, DateOnly asOf)
    {
        _statement = statement;
        _bankFile = files.BankFile;
        _asOf = asOf;
        _payrollFile = files.PayrollFile;
        _attendanceFile = files.AttendanceFile;
        _workersFile = files.WorkersFile;
        _batchesFile = files.BatchesFile;
    }

    /// <summary>Sets <see cref="Finding.CausedBy"/> in place on each finding of <paramref name="findings"/> an unreadable row among <paramref name="diagnostics"/> may have caused.</summary>
    public void Link(List<Finding> findings, IReadOnlyList<Diagnostic> diagnostics)
    {
        // The rows of other files first: a statement row, when it may be the cause too, is named instead.
        LinkRowCauses(findings, diagnostics);
        var gaps = new List<(long Line, DateOnly From, DateOnly To)>();
        foreach (var d in diagnostics)
        {
            if (!string.Equals(d.File, _bankFile, StringComparison.Ordinal) || d.Reason == DiagnosticReason.MoreUnreadableRows) continue;
            var (before, after) = _statement.Neighbours(d.Line);
            if (before is null && after is null) continue;
            DateOnly a = (before ?? after)!.Value.Date, b = (after ?? before)!.Value.Date;
            gaps.Add((d.Line, a < b ? a : b, a < b ? b : a));
        }
        if (gaps.Count == 0) return;
        gaps.Sort(static (x, y) => x.Line.CompareTo(y.Line));

        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            long? cause = f.Code switch
            {
                FindingCode.BalanceBreak => BreakCause(f, gaps),
                FindingCode.LaborFundsLate when f.DueDate is { } due => First(gaps, from: DateOnly.MinValue, to: due),
                FindingCode.LaborFundsShort => First(gaps, from: DateOnly.MinValue, to: _asOf),
                FindingCode.Unpaid or FindingCode.Shortfall when f.Period is { } p => First(gaps, from: new DateOnly(p.Year, p.Month, 1), to: _asOf),
                FindingCode.Late when f.Period is { } p && f.DueDate is { } due => First(gaps, from: new DateOnly(p.Year, p.Month, 1), to: due),
                _ => null,
            };
            if (cause is { } line) findings[i] = f with { CausedBy = $"{_bankFile}:{line}" };
        }
    }

    /// <summary>
    /// A payroll, attendance, roster or batch detail row that could not be read but whose id number (and month), name,
    /// card or batch id could is missing from what the engine knows: findings may follow from it. An unreadable payroll
    /// row of a worker-month is behind every finding of that worker-month (its due came from elsewhere, or is missing);
    /// an unreadable punch behind the attendance-based ones of its month (<c>PAID_WITHOUT_ATTENDANCE</c>,
    /// <c>DAYS_MISMATCH</c>, <c>OVERPAID</c> on a due computed from punches); an unreadable roster row behind the
    /// <c>UNREGISTERED_WORKER</c> findings of its id and behind the payments the roster could not place as that row
    /// would have (§3.2 steps 2–3): an <c>UNKNOWN_PAYEE</c> to its card, else to its name; an <c>ACCOUNT_MISMATCH</c> to
    /// its card; a <c>NAME_MISMATCH</c> to its card and name (of the rows of one card, the one of the payee's name first). An unreadable detail row of a batch is behind the
    /// <c>BATCH_DETAIL_MISSING</c> or <c>BATCH_TOTAL_MISMATCH</c> of its lump debit. A finding of no month (an
    /// <c>OVERPAID</c> payment) is linked to the worker's first unreadable payroll row, else, for the attendance-based
    /// codes, to its first unreadable punch.
    /// </summary>
    /// <remarks>Runs before the statement rows are linked, which win; of several rows, the first of its file is named.
    /// Ids are compared as the roster compares them (trimmed, letters in upper case), cards by their digits and names
    /// normalised (R18) as the statement's payees are identified, batch ids as written.</remarks>
    private void LinkRowCauses(List<Finding> findings, IReadOnlyList<Diagnostic> diagnostics)
    {
        var payroll = new Dictionary<(string Id, YearMonth? Period), Diagnostic>();
        var attendance = new Dictionary<(string Id, YearMonth? Period), Diagnostic>();
        var roster = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        var rosterCards = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        var rosterNames = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        var rosterCardNames = new Dictionary<(string Card, string Name), Diagnostic>();
        var batches = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            if (d.File == _workersFile)
            {
                string card = d.Account is { } account ? AccountNumbers.DigitsOf(account) : "";
                string name = d.Name is { } written ? NameNormalizer.Normalize(written) : "";
                if (card.Length > 0) First(rosterCards, card, d);
                if (name.Length > 0) First(rosterNames, name, d);
                if (card.Length > 0 && name.Length > 0) First(rosterCardNames, (card, name), d);
            }
            else if (d.File == _batchesFile && d.BatchId is { Length: > 0 } batch)
            {
                First(batches, batch, d);
            }
            if (d.IdNumber is not { } raw || Key(raw) is not { Length: > 0 } id) continue;
            if (d.File == _payrollFile)
            {
                if (d.Period is { } p) First(payroll, (id, p), d);
                First(payroll, (id, null), d);
            }
            else if (d.File == _attendanceFile)
            {
                if (d.Period is { } m) First(attendance, (id, m), d);
                First(attendance, (id, null), d);
            }
            else if (d.File == _workersFile)
            {
                First(roster, id, d);
            }
        }
        if (payroll.Count + attendance.Count + roster.Count + rosterCards.Count + rosterNames.Count + batches.Count == 0) return;

        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.CausedBy is not null || f.Code == FindingCode.DataError) continue;
            Diagnostic? cause = (f.IdNumber is null ? null : WorkerCause(f)) ?? f.Code switch
            {
                FindingCode.UnknownPayee or FindingCode.NameMismatch or FindingCode.AccountMismatch => PayeeCause(f),
                FindingCode.BatchDetailMissing or FindingCode.BatchTotalMismatch => f.Detail is { Length: > 0 } batch ? batches.GetValueOrDefault(batch) : null,
                _ => null,
            };
            if (cause is not null) findings[i] = f with { CausedBy = $"{cause.File}:{cause.Line}" };
        }

        Diagnostic? WorkerCause(Finding f)
        {
            string id = Key(f.IdNumber!);
            Diagnostic? cause = null;
            bool fromPunches = f.Code is FindingCode.PaidWithoutAttendance or FindingCode.DaysMismatch or FindingCode.Overpaid;
            if (f.Code == FindingCode.UnregisteredWorker) roster.TryGetValue(id, out cause);
            else if (f.Period is null && !fromPunches) return null;
            else if (!payroll.TryGetValue((id, f.Period), out cause) && fromPunches) attendance.TryGetValue((id, f.Period), out cause);
            return cause;
        }

        // The roster row that, read, would have identified the payee as §3.2 does: by card (the holder of that name
        // first), else by name.
        Diagnostic? PayeeCause(Finding f)
        {
            string card = f.PayeeAccount ?? "";
            string name = f.Detail is { Length: > 0 } written ? NameNormalizer.Normalize(written) : "";
            var holder = card.Length > 0 && name.Length > 0 ? rosterCardNames.GetValueOrDefault((card, name)) : null;
            var ofCard = holder ?? (card.Length > 0 ? rosterCards.GetValueOrDefault(card) : null);
            return f.Code switch
            {
                FindingCode.NameMismatch => holder,
                FindingCode.AccountMismatch => ofCard,
                _ => ofCard ?? (name.Length > 0 ? rosterNames.GetValueOrDefault(name) : null),
            };
        }

        static string Key(string id) => id.Trim().ToUpperInvariant();

        static void First<TKey>(Dictionary<TKey, Diagnostic> rows, TKey key, Diagnostic d) where TKey : notnull
        {
            if (!rows.TryGetValue(key, out var seen) || d.Line < seen.Line) rows[key] = d;
        }
    }

    /// <summary>The unreadable row just before a balance break's line, when no readable line lies between them.</summary>
    private long? BreakCause(Finding f, List<(long Line, DateOnly From, DateOnly To)> gaps)
    {
        if (f.Source is not { } source || !source.StartsWith(_bankFile + ":", StringComparison.Ordinal)
            || !long.TryParse(source.AsSpan(_bankFile.Length + 1), System.Globalization.CultureInfo.InvariantCulture, out long breakLine)) return null;
        var before = _statement.Neighbours(breakLine).Before;
        var next = _statement.Neighbours(breakLine + 1).After;
        // A statement listed newest first is chained from its last line up: the line before the break is the one after it.
        bool newestFirst = _statement.NewestFirst;
        long from = newestFirst ? breakLine : before?.Line ?? 0;
        long to = newestFirst ? next?.Line ?? long.MaxValue : breakLine;
        foreach (var gap in gaps)
        {
            if (gap.Line > from && gap.Line < to) return gap.Line;
        }
        return null;
    }

    /// <summary>The first unreadable row whose date window meets [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private static long? First(List<(long Line, DateOnly From, DateOnly To)> gaps, DateOnly from, DateOnly to)
    {
        foreach (var gap in gaps)
        {
            if (gap.From <= to && gap.To >= from) return gap.Line;
        }
        return null;
    }
}
