using System.Globalization;
using System.Runtime.InteropServices;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The bank statement and the batch detail file as stored: compact lines, txn ids in one byte arena, batch details
/// chained per batch id; the reading order (R14, R40), repeated lines (R15), the balance chain (R15) and anchors (SPEC §7).
/// </summary>
internal sealed class Statement
{
    private readonly string _bankFile;
    private readonly string _batchesFile;
    private readonly int _batchLineLimit;
    private readonly TextInterner _strings;
    private readonly CounterpartyText _text;
    private readonly List<Finding> _findings;

    private readonly GrowingArray<StoredBankLine> _bankLines = new();
    // Whether the lines as added are already in reading order, oldest first (R14) or newest first (R40).
    private bool _sortedOldestFirst = true;
    private bool _sortedNewestFirst = true;
    // The physically first and last stored lines (by line number), whose dates tell a newest-first statement (R40).
    private (long Line, DateOnly Date) _firstLine = (long.MaxValue, default);
    private (long Line, DateOnly Date) _lastLine = (long.MinValue, default);
    // Txn ids live here as bytes: every statement line has its own, so a string each would be one object per line.
    private readonly Utf8Arena _txnIds = new();
    private readonly GrowingArray<StoredBatchLine> _batchLines = new();
    // Detail lines of one batch are chained in file order: first and last detail per batch id, next detail per line.
    private readonly Dictionary<string, (int First, int Last)> _batchDetails = new(StringComparer.Ordinal);
    private readonly List<int> _nextBatchDetail = [];

    // While reading: the first line of each (txn id, date, direction, amount) of the date being read, and the running balance.
    private readonly TxnRepeatSet _repeats;
    private long? _runningBalance;
    // n of a statement line without a txn id among the lines with the same date, amount and account digits, in
    // reading order (SPEC §7); built on the first finding that needs it.
    private int[]? _anchorOrdinals;
    // n of a batch detail line among its lump's details with the same amount and account digits, in file order (SPEC
    // §7); built on the first finding that needs it, so that a lump of many details is walked once, not per finding.
    private int[]? _detailOrdinals;

    /// <param name="bankFile">The statement's name in evidence.</param>
    /// <param name="batchesFile">The batch detail file's name in evidence.</param>
    /// <param name="batchLineLimit">Most batch detail lines held (<see cref="Reconciler.MaxBatchLines"/>).</param>
    /// <param name="strings">Interns the text fields.</param>
    /// <param name="text">Account digits, for anchors.</param>
    /// <param name="findings">Receives BALANCE_BREAK.</param>
    public Statement(string bankFile, string batchesFile, int batchLineLimit, TextInterner strings, CounterpartyText text, List<Finding> findings)
    {
        _bankFile = bankFile;
        _batchesFile = batchesFile;
        _batchLineLimit = batchLineLimit;
        _strings = strings;
        _text = text;
        _findings = findings;
        _repeats = new TxnRepeatSet(_txnIds, _bankLines);
    }

    /// <summary>Statement lines stored.</summary>
    public int BankCount => _bankLines.Count;

    /// <summary>Batch detail lines stored.</summary>
    public int BatchCount => _batchLines.Count;

    /// <summary>
    /// True when the statement is listed newest first (R40): the physically last of its lines that take part (R39) is
    /// dated before the first.
    /// Lines are then read in reverse line order, so "file order on ties" (R14) is the reversed order.
    /// </summary>
    public bool NewestFirst => _bankLines.Count > 1 && _lastLine.Date < _firstLine.Date;

    /// <summary>Adds one <c>batches.csv</c> detail line, in file order.</summary>
    public void AddBatchLine(in BatchRow row)
    {
        int index = _batchLines.Count;
        if (index >= _batchLineLimit) throw EngineLimits.TooManyBatchLines(_batchesFile, row.Line, _batchLineLimit);
        var line = new StoredBatchLine(row.Line, row.Amount.Fen, _strings.Index(row.BankAccount), _strings.Index(row.Name), _strings.Index(row.Memo), row.Status);
        ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_batchDetails, _strings.Get(row.BatchId), out bool exists);
        if (exists)
        {
            CollectionsMarshal.AsSpan(_nextBatchDetail)[chain.Last] = index;
            chain.Last = index;
        }
        else
        {
            chain = (index, index);
        }
        _nextBatchDetail.Add(-1);
        _batchLines.Add(line);
    }

    /// <summary>Adds one statement line, in file order; a line that did not succeed (R39) is kept too, to be listed.</summary>
    public void AddBankLine(in BankRow row)
    {
        var line = new StoredBankLine(
            row.Line,
            _txnIds.Add(row.TxnId),
            row.TxnId.Length,
            row.Date,
            row.Direction == BankDirection.Debit,
            row.Status,
            row.Amount.Fen,
            row.Balance?.Fen,
            _strings.Index(row.CounterpartyName),
            _strings.Index(row.CounterpartyAccount),
            _strings.Index(row.Memo),
            _strings.Index(row.BatchId));
        if (_bankLines.Count > 0)
        {
            ref readonly var previous = ref BankLine(_bankLines.Count - 1);
            if (line.Date < previous.Date || (line.Date == previous.Date && line.Line <= previous.Line)) _sortedOldestFirst = false;
            if (line.Date > previous.Date || (line.Date == previous.Date && line.Line <= previous.Line)) _sortedNewestFirst = false;
        }
        // R40 compares the first and the last dated line of those that take part: a failed, cancelled or reversed line
        // takes part in nothing and its fields are not checked (R39), so its date decides nothing either. A line that
        // takes part always has its date (R6).
        if (row.Status == BankLineStatus.Succeeded)
        {
            if (line.Line < _firstLine.Line) _firstLine = (line.Line, line.Date);
            if (line.Line > _lastLine.Line) _lastLine = (line.Line, line.Date);
        }
        _bankLines.Add(line);
    }

    /// <summary>Makes room for this many more statement and batch lines and txn-id bytes, so adding them allocates nothing.</summary>
    public void Reserve(int bankLines, int batchLines, int txnIdBytes)
    {
        _bankLines.EnsureCapacity(checked(_bankLines.Count + bankLines));
        _batchLines.EnsureCapacity(checked(_batchLines.Count + batchLines));
        _nextBatchDetail.EnsureCapacity(checked(_nextBatchDetail.Count + batchLines));
        _txnIds.Reserve(txnIdBytes);
    }

    public ref readonly StoredBankLine BankLine(int index) => ref _bankLines[index];

    /// <summary>The counterparty name of a statement line (interned; empty when it has none).</summary>
    public string Name(in StoredBankLine line) => _strings[line.NameIndex];

    /// <summary>The counterparty account of a statement line as written (interned; empty when it has none).</summary>
    public string Account(in StoredBankLine line) => _strings[line.AccountIndex];

    /// <summary>The memo of a statement line (interned; empty when it has none).</summary>
    public string Memo(in StoredBankLine line) => _strings[line.MemoIndex];

    /// <summary>The batch id of a statement line (interned; empty when it has none).</summary>
    public string BatchId(in StoredBankLine line) => _strings[line.BatchIdIndex];

    public ref readonly StoredBatchLine BatchLine(int index) => ref _batchLines[index];

    /// <summary>The counterparty account of batch detail line <paramref name="detail"/> (interned; empty when it has none).</summary>
    public string DetailAccount(int detail) => _strings[_batchLines[detail].Account];

    /// <summary>The counterparty name of batch detail line <paramref name="detail"/> (interned; empty when it has none).</summary>
    public string DetailName(int detail) => _strings[_batchLines[detail].Name];

    /// <summary>The memo of batch detail line <paramref name="detail"/> (interned; empty when it has none).</summary>
    public string DetailMemo(int detail) => _strings[_batchLines[detail].Memo];

    /// <summary>The first detail line of batch <paramref name="batchId"/>, or -1 when batches.csv has none.</summary>
    public int FirstDetail(string batchId) => _batchDetails.TryGetValue(batchId, out var chain) ? chain.First : -1;

    /// <summary>The detail line after <paramref name="detail"/> in its batch, or -1.</summary>
    public int NextDetail(int detail) => _nextBatchDetail[detail];

    /// <summary>
    /// Statement line indices in date order, then line number (R14), or line number descending on a newest-first
    /// statement (R40); statements are usually in one of those orders already.
    /// </summary>
    public int[] ReadingOrder()
    {
        bool newestFirst = NewestFirst;
        var order = new int[_bankLines.Count];
        if (newestFirst && _sortedNewestFirst)
        {
            for (int i = 0; i < order.Length; i++) order[i] = order.Length - 1 - i;
            return order;
        }
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (!newestFirst && _sortedOldestFirst) return order;
        // One long per line, the day above the line number (reversed when newest first): half the memory of a pair and
        // a sort of plain numbers. Line numbers from 0 to 2^40 leave the day (below 2^22) room; lines numbered otherwise
        // (only a host's rows can be) sort on pairs.
        const int LineBits = 40;
        const long LineMask = (1L << LineBits) - 1;
        var keys = new long[order.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            ref readonly var bank = ref BankLine(i);
            if (unchecked((ulong)bank.Line) > LineMask) return SortOnPairs(order, newestFirst);
            keys[i] = ((long)bank.Date.DayNumber << LineBits) | (newestFirst ? LineMask - bank.Line : bank.Line);
        }
        Array.Sort(keys, order);
        return order;
    }

    private int[] SortOnPairs(int[] order, bool newestFirst)
    {
        var pairs = new (int Day, long Line)[order.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            ref readonly var bank = ref BankLine(i);
            pairs[i] = (bank.Date.DayNumber, newestFirst ? -bank.Line : bank.Line);
        }
        Array.Sort(pairs, order);
        return order;
    }

    /// <summary>Starts a reading of the lines: no line seen yet, no running balance.</summary>
    public void BeginReading()
    {
        _repeats.Clear();
        _runningBalance = null;
    }

    /// <summary>
    /// R15: true when line <paramref name="index"/> repeats an earlier line read (same txn id, date, direction and
    /// amount); <paramref name="first"/> is that line. A line without a txn id repeats nothing. Lines are asked about in
    /// <see cref="ReadingOrder"/>, so those of one date come together (<see cref="TxnRepeatSet"/>).
    /// </summary>
    public bool IsRepeat(int index, out int first) => _repeats.TryGetOrAdd(index, out first);

    /// <summary>
    /// R15 balance chain: a line with a balance is checked against the running one (unless it is the first with a
    /// balance) and restarts it; a line without one carries the running balance through.
    /// </summary>
    /// <param name="index">The statement line read.</param>
    /// <param name="movement">Its signed amount: negative for a debit.</param>
    public void ChainBalance(int index, long movement)
    {
        if (BankLine(index).BalanceFen is { } reported)
        {
            if (_runningBalance is { } previous)
            {
                long expected = checked(previous + movement);
                if (expected != reported) ReportBalanceBreak(index, expected, reported);
            }
            _runningBalance = reported;
        }
        else if (_runningBalance is { } previous)
        {
            _runningBalance = checked(previous + movement);
        }
    }

    /// <summary>The statement line's txn id as a string (made afresh, for evidence), or null when it has none.</summary>
    public string? TxnId(int index)
    {
        ref readonly var bank = ref BankLine(index);
        return bank.TxnLength == 0 ? null : _txnIds.GetString(bank.TxnOffset, bank.TxnLength);
    }

    /// <summary>
    /// The anchor of a statement line (SPEC §7): its txn id, else <c>date|amount in fen|account digits|n</c>, with n
    /// counting identical such lines in reading order (R14, R40), so that lines added later never renumber earlier ones.
    /// A failed, cancelled or reversed line takes part in nothing (R39), so it takes no n either: a transfer that failed
    /// and was sent again anchors the same as one sent once.
    /// </summary>
    public string Anchor(int index)
    {
        ref readonly var bank = ref BankLine(index);
        if (bank.TxnLength > 0) return _txnIds.GetString(bank.TxnOffset, bank.TxnLength);
        _anchorOrdinals ??= AnchorOrdinals();
        return string.Concat(
            bank.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "|",
            bank.AmountFen.ToString(CultureInfo.InvariantCulture), "|",
            _text.Digits(Account(bank)), "|",
            _anchorOrdinals[index].ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>n of batch detail line <paramref name="detail"/> among its lump's details with the same amount and account digits, in file order.</summary>
    public int DetailOrdinal(int detail) => (_detailOrdinals ??= DetailOrdinals())[detail];

    private int[] DetailOrdinals()
    {
        var ordinals = new int[_batchLines.Count];
        var counts = new Dictionary<(long AmountFen, string Digits), int>();
        foreach (var chain in _batchDetails.Values)
        {
            counts.Clear();
            for (int i = chain.First; i >= 0; i = _nextBatchDetail[i])
            {
                ref int n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (_batchLines[i].AmountFen, _text.Digits(DetailAccount(i))), out _);
                ordinals[i] = ++n;
            }
        }
        return ordinals;
    }

    /// <summary>The readable statement lines just before and just after file line <paramref name="line"/>.</summary>
    public (StoredBankLine? Before, StoredBankLine? After) Neighbours(long line)
    {
        // Lines are stored in file order: binary search on the line number.
        int lo = 0, hi = _bankLines.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_bankLines[mid].Line < line) lo = mid + 1;
            else hi = mid;
        }
        return (lo > 0 ? _bankLines[lo - 1] : null, lo < _bankLines.Count ? _bankLines[lo] : null);
    }

    /// <summary>The statement lines as stored; once the engine has completed nothing changes them.</summary>
    public ArraySegment<StoredBankLine> BankLines => _bankLines.Items;

    /// <summary>The batch detail lines as stored; once the engine has completed nothing changes them.</summary>
    public ArraySegment<StoredBatchLine> BatchLines => _batchLines.Items;

    /// <summary>The txn-id bytes lines point into; once the engine has completed nothing changes them.</summary>
    public ArraySegment<byte> TxnIdBytes => _txnIds.Written;

    private void ReportBalanceBreak(int index, long expected, long reported)
    {
        ref readonly var bank = ref BankLine(index);
        _findings.Add(new Finding
        {
            Code = FindingCode.BalanceBreak,
            Severity = Severity.Red,
            Amount = new Money(bank.AmountFen),
            Expected = new Money(expected),
            Actual = new Money(reported),
            EventDate = bank.Date,
            TxnIds = TxnId(index) is { } txn ? [txn] : [],
            Source = $"{_bankFile}:{bank.Line}",
            Anchor = Anchor(index),
        });
    }

    private int[] AnchorOrdinals()
    {
        var ordinals = new int[_bankLines.Count];
        var counts = new Dictionary<(int Day, long AmountFen, string Digits), int>();
        foreach (int index in ReadingOrder())
        {
            ref readonly var bank = ref BankLine(index);
            if (bank.TxnLength > 0 || bank.Status != BankLineStatus.Succeeded) continue;
            var key = (bank.Date.DayNumber, bank.AmountFen, _text.Digits(Account(bank)));
            ref int n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            ordinals[index] = ++n;
        }
        return ordinals;
    }
}
