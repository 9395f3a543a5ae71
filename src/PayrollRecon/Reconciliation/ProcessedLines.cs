using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The statement as read (R14): each statement line in reading order, each expanded batch lump followed by its
/// detail lines, with the class, rule and worker each line got and, for payments, where their money went.
/// </summary>
/// <remarks>
/// A detail line has its own amount, account, name and memo (else the lump's memo, R16) and takes the lump's date,
/// position and transaction id.
/// </remarks>
internal sealed class ProcessedLines
{
    private readonly Statement _statement;
    private readonly CounterpartyText _text;
    private readonly string _bankFile;
    private readonly string _batchesFile;
    private readonly GrowingArray<ProcessedLine> _lines = new();

    public ProcessedLines(Statement statement, CounterpartyText text, string bankFile, string batchesFile)
    {
        _statement = statement;
        _text = text;
        _bankFile = bankFile;
        _batchesFile = batchesFile;
    }

    public int Count => _lines.Count;

    /// <summary>The lines, writable in place (classification cancels payments; allocation records where money went).</summary>
    public Span<ProcessedLine> AsSpan() => _lines.AsSpan();

    public ref readonly ProcessedLine this[int line] => ref _lines[line];

    /// <summary>Sizes the list once for every line there can be, so it never grows while lines are classified.</summary>
    public void Reserve(int lines) => _lines.EnsureCapacity(lines);

    /// <summary>Appends a line read; returns its index.</summary>
    public int Add(int bankIndex, int detailIndex, BankLineClass cls, BankLineRule rule, int worker)
    {
        ref readonly var bank = ref _statement.BankLine(bankIndex);
        _lines.Add(new ProcessedLine
        {
            BankIndex = bankIndex,
            DetailIndex = detailIndex,
            Date = bank.Date,
            AmountFen = detailIndex >= 0 ? _statement.BatchLine(detailIndex).AmountFen : bank.AmountFen,
            Class = cls,
            Rule = rule,
            Worker = worker,
            CancelsLine = -1,
            MemoMonthOrdinal = -1,
        });
        return _lines.Count - 1;
    }

    public DateOnly Date(int line) => this[line].Date;

    public long Amount(int line) => this[line].AmountFen;

    public string Memo(int line)
    {
        ref readonly var p = ref this[line];
        if (p.DetailIndex >= 0 && _statement.DetailMemo(p.DetailIndex) is { Length: > 0 } memo) return memo;
        return _statement.Memo(_statement.BankLine(p.BankIndex));
    }

    /// <summary>The file and line the processed line comes from: the batch detail file for a detail line.</summary>
    public (string File, long Line) Origin(int line)
    {
        ref readonly var p = ref this[line];
        return p.DetailIndex >= 0 ? (_batchesFile, _statement.BatchLine(p.DetailIndex).Line) : (_bankFile, _statement.BankLine(p.BankIndex).Line);
    }

    public string Source(int line)
    {
        var (file, number) = Origin(line);
        return $"{file}:{number}";
    }

    public string? TxnId(int line) => _statement.TxnId(this[line].BankIndex);

    public IReadOnlyList<string> TxnIds(int line) => TxnId(line) is { } txn ? [txn] : [];

    /// <summary>The anchor of a processed line: its statement line's, or for a batch detail line the lump's, <c>#</c>,
    /// then <c>account digits|amount in fen|n</c> with n counting identical details of the lump in file order.</summary>
    public string Anchor(int line)
    {
        ref readonly var p = ref this[line];
        string lump = _statement.Anchor(p.BankIndex);
        if (p.DetailIndex < 0) return lump;
        int n = _statement.DetailOrdinal(p.DetailIndex);
        return string.Concat(
            lump, "#", _text.Digits(_statement.DetailAccount(p.DetailIndex)), "|", _statement.BatchLine(p.DetailIndex).AmountFen.ToString(CultureInfo.InvariantCulture), "|",
            n.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A finding about one processed line: its amount, date, transaction id and source; worker fields when known.</summary>
    /// <remarks>Made in one piece, with the detail and payee account when given: a statement can hold millions of lines
    /// that each raise one.</remarks>
    public Finding Finding(FindingCode code, Severity severity, int line, RosterWorker? worker, string? detail = null, string? payeeAccount = null) => new()
    {
        Code = code,
        Severity = severity,
        Employer = worker?.EmployerOrNull,
        WorkerId = worker?.DisplayId,
        WorkerName = worker?.Name,
        IdNumber = worker?.IdNumber,
        Amount = new Money(Amount(line)),
        EventDate = Date(line),
        TxnIds = TxnIds(line),
        Source = Source(line),
        Anchor = Anchor(line),
        Detail = detail,
        PayeeAccount = payeeAccount,
    };

    /// <summary>Notes in <paramref name="sums"/> that the sums now being added up come from processed line <paramref name="line"/>.</summary>
    public void SummingAt(SumSite sums, int line) => sums.AtLine(this, line);

    /// <summary>
    /// The explanation of every line, from the line stores themselves: the engine hands them over when it completes
    /// and never changes them again, so the result holds no copy and nothing of the engine.
    /// </summary>
    /// <param name="roster">Names the workers paid or refunded.</param>
    /// <param name="allocations">Every allocation, which lines index into.</param>
    public BankLineExplanationList Snapshot(Roster roster, ArraySegment<Allocation> allocations)
    {
        var workerIds = new string[roster.Count];
        for (int i = 0; i < workerIds.Length; i++) workerIds[i] = roster[i].IdNumber;
        return new BankLineExplanationList(
            _lines.Items, _statement.BankLines, _statement.BatchLines, _statement.TxnIdBytes, workerIds, allocations, _bankFile, _batchesFile);
    }
}
