using System.Runtime.InteropServices;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    private readonly List<StoredBankLine> _bankLines = [];
    // Whether the lines as added are already in reading order, oldest first (R14) or newest first (R40).
    private bool _bankLinesSorted = true;
    private bool _bankLinesSortedNewestFirst = true;
    // The physically first and last stored lines (by line number), whose dates tell a newest-first statement (R40).
    private (long Line, DateOnly Date) _firstBankLine = (long.MaxValue, default);
    private (long Line, DateOnly Date) _lastBankLine = (long.MinValue, default);
    private bool _newestFirst;
    // Txn ids live here as bytes: every statement line has its own, so a string each would be one object per line.
    private readonly Utf8Arena _txnIds = new();
    private readonly List<StoredBatchLine> _batchLines = [];
    // Detail lines of one batch are chained in file order: first and last detail per batch id, next detail per line.
    private readonly Dictionary<string, (int First, int Last)> _batchDetails = new(StringComparer.Ordinal);
    private readonly List<int> _nextBatchDetail = [];

    // Processed lines in date order (R14): statement lines, each batch lump followed by its detail lines.
    private readonly List<ProcessedLine> _lines = [];
    private readonly List<Allocation> _allocations = [];
    private readonly List<(DateOnly Date, long AmountFen)> _laborFundCredits = [];
    private readonly Dictionary<string, string> _digitsCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _normalizedCache = new(StringComparer.Ordinal);
    // Refund candidates (R17): non-cancelled payments in date order by (amount, account digits) and (amount, name).
    // Each index is built on the first refund that needs it (from the payments so far) and kept up to date after
    // that: a statement without refunds, or whose refunds all carry an account, never pays for the other.
    private RefundCandidates? _paymentsByAccount;
    private RefundCandidates? _paymentsByName;
    private readonly Func<int, bool> _isCancelled;

    // Wage payments classified; a payment usually makes one allocation, so this sizes the allocation list.
    private int _wagePaymentLines;
    private long _debits, _credits, _wagePayments, _batches, _fees, _misuse, _refunds, _interest, _laborFunds;
    private int _zeroLines, _excludedLines;

    /// <summary>Adds one <c>batches.csv</c> detail line, in file order, before the bank lines.</summary>
    public void AddBatchLine(in BatchRow row)
    {
        var line = new StoredBatchLine(row.Line, Text(row.BatchId), Text(row.BankAccount), Text(row.Name), row.Amount.Fen, row.Status, Text(row.Memo));
        int index = _batchLines.Count;
        ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_batchDetails, line.BatchId, out bool exists);
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

    /// <summary>Makes room for this many more statement and batch lines and txn-id bytes, so adding them allocates nothing.</summary>
    internal void ReserveLines(int bankLines, int batchLines, int txnIdBytes)
    {
        _bankLines.EnsureCapacity(checked(_bankLines.Count + bankLines));
        _batchLines.EnsureCapacity(checked(_batchLines.Count + batchLines));
        _nextBatchDetail.EnsureCapacity(checked(_nextBatchDetail.Count + batchLines));
        _txnIds.Reserve(txnIdBytes);
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
            Text(row.CounterpartyName),
            Text(row.CounterpartyAccount),
            Text(row.Memo),
            Text(row.BatchId));
        if (_bankLines.Count > 0)
        {
            ref readonly var previous = ref BankLineAt(_bankLines.Count - 1);
            if (line.Date < previous.Date || (line.Date == previous.Date && line.Line <= previous.Line)) _bankLinesSorted = false;
            if (line.Date > previous.Date || (line.Date == previous.Date && line.Line <= previous.Line)) _bankLinesSortedNewestFirst = false;
        }
        // R40 looks at every stored line, excluded ones too: a failed line still sits at its date in the listing.
        if (line.Line < _firstBankLine.Line) _firstBankLine = (line.Line, line.Date);
        if (line.Line > _lastBankLine.Line) _lastBankLine = (line.Line, line.Date);
        _bankLines.Add(line);
    }

    /// <summary>
    /// True when the statement is listed newest first (R40): its physically last line is dated before its first.
    /// Lines are then read in reverse line order, so "file order on ties" (R14) is the reversed order.
    /// </summary>
    private bool StatementNewestFirst => _bankLines.Count > 1 && _lastBankLine.Date < _firstBankLine.Date;

    /// <summary>
    /// Statement line indices in date order, then line number (R14), or line number descending on a newest-first
    /// statement (R40); statements are usually in one of those orders already.
    /// </summary>
    private int[] BankOrder()
    {
        var order = new int[_bankLines.Count];
        if (_newestFirst && _bankLinesSortedNewestFirst)
        {
            for (int i = 0; i < order.Length; i++) order[i] = order.Length - 1 - i;
            return order;
        }
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (!_newestFirst && _bankLinesSorted) return order;
        var keys = new (int Day, long Line)[order.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            ref readonly var bank = ref BankLineAt(i);
            keys[i] = (bank.Date.DayNumber, _newestFirst ? -bank.Line : bank.Line);
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>
    /// Excluded and zero lines, repeated lines, the balance chain and the classification of every line
    /// (§3.2, R14–R17, R39–R41), in reading order.
    /// </summary>
    private void ProcessBankLines()
    {
        // Sized once for every line there can be, so the list never grows while lines are classified.
        _lines.Capacity = _bankLines.Count + _batchLines.Count;
        _newestFirst = StatementNewestFirst;
        var firstByKey = new ArenaSliceSet<TxnRepeatKey>(_txnIds, _bankLines.Count);
        long? running = null;
        foreach (int index in BankOrder())
        {
            ref readonly var bank = ref BankLineAt(index);
            SummingAt(BankFile, bank.Line);
            if (bank.Status != BankLineStatus.Succeeded)
            {
                // R39: listed with its status, and nothing else; its other fields may not even have been read.
                AddLine(index, -1, BankLineClass.Excluded, BankLineRule.StatusNotSucceeded, -1);
                _excludedLines++;
                continue;
            }

            if (bank.AmountFen == 0)
            {
                // R41: only the balance chain reads a zero line (a balance enquiry, a waived fee).
                AddLine(index, -1, BankLineClass.Zero, BankLineRule.ZeroAmount, -1);
                _zeroLines++;
                ChainBalance(index, 0, ref running);
                continue;
            }

            if (bank.TxnLength > 0)
            {
                var key = new TxnRepeatKey(bank.Date.DayNumber, bank.IsDebit, bank.AmountFen);
                if (firstByKey.TryGetOrAdd(bank.TxnOffset, bank.TxnLength, key, index, out int first))
                {
                    // R15: the repeating line is left out of everything, the balance chain included.
                    int duplicate = AddLine(index, -1, BankLineClass.DuplicateTxn, BankLineRule.DuplicateTxn, -1);
                    _findings.Add(LineFinding(FindingCode.DuplicateTxn, Severity.Red, duplicate, null) with
                    {
                        Detail = Source(BankFile, _bankLines[first].Line),
                    });
                    continue;
                }
            }

            ChainBalance(index, bank.IsDebit ? -bank.AmountFen : bank.AmountFen, ref running);

            if (bank.IsDebit)
            {
                _debits = checked(_debits + bank.AmountFen);
                ClassifyDebit(index);
            }
            else
            {
                _credits = checked(_credits + bank.AmountFen);
                ClassifyCredit(index);
            }
        }

        // Refunds are matched only while lines are classified.
        _paymentsByAccount = null;
        _paymentsByName = null;
        _allocations.Capacity = Math.Max(_allocations.Capacity, _wagePaymentLines);
    }

    /// <summary>
    /// R15 balance chain: a line with a balance is checked against the running one (unless it is the first with a
    /// balance) and restarts it; a line without one carries the running balance through.
    /// </summary>
    private void ChainBalance(int index, long movement, ref long? running)
    {
        if (BankLineAt(index).BalanceFen is { } reported)
        {
            if (running is { } previous)
            {
                long expected = checked(previous + movement);
                if (expected != reported) ReportBalanceBreak(index, expected, reported);
            }
            running = reported;
        }
        else if (running is { } previous)
        {
            running = checked(previous + movement);
        }
    }

    private void ReportBalanceBreak(int index, long expected, long reported)
    {
        ref readonly var bank = ref BankLineAt(index);
        _findings.Add(new Finding
        {
            Code = FindingCode.BalanceBreak,
            Severity = Severity.Red,
            Amount = new Money(bank.AmountFen),
            Expected = new Money(expected),
            Actual = new Money(reported),
            EventDate = bank.Date,
            TxnIds = BankTxnId(index) is { } txn ? [txn] : [],
            Source = Source(BankFile, bank.Line),
            Anchor = BankAnchor(index),
        });
    }

    private void ClassifyDebit(int index)
    {
        ref readonly var bank = ref BankLineAt(index);
        if (bank.BatchId.Length > 0)
        {
            ClassifyBatch(index);
            return;
        }

        string normalized = Normalized(bank.Name);
        string digits = Digits(bank.Account);
        int worker = Identify(digits, normalized, out var rule);
        if (worker >= 0)
        {
            _wagePayments = checked(_wagePayments + bank.AmountFen);
            AddPayment(index, -1, rule, worker, bank.Name, normalized, digits);
            return;
        }

        var name = bank.Name.AsSpan().Trim();
        var memo = bank.Memo.AsSpan().Trim();
        if ((name.IsEmpty || Keywords.IsBank(name)) && Keywords.IsFeeMemo(memo))
        {
            _fees = checked(_fees + bank.AmountFen);
            AddLine(index, -1, BankLineClass.Fee, BankLineRule.FeeMemo, -1);
            return;
        }

        _misuse = checked(_misuse + bank.AmountFen);
        if (name.IsEmpty || Keywords.IsFirm(name) || Keywords.IsCashMemo(memo))
        {
            int line = AddLine(index, -1, BankLineClass.Misuse, BankLineRule.NonWageDebit, -1);
            _findings.Add(LineFinding(FindingCode.NonWageDebit, Severity.Red, line, null) with
            {
                Detail = name.IsEmpty ? bank.Memo : bank.Name,
            });
        }
        else
        {
            int line = AddLine(index, -1, BankLineClass.Misuse, BankLineRule.UnknownPayee, -1);
            _findings.Add(LineFinding(FindingCode.UnknownPayee, Severity.Red, line, null) with { Detail = bank.Name });
        }
    }

    private void ClassifyBatch(int index)
    {
        ref readonly var bank = ref BankLineAt(index);
        _batches = checked(_batches + bank.AmountFen);
        if (!BatchesSupplied || !_batchDetails.TryGetValue(bank.BatchId, out var details))
        {
            int missing = AddLine(index, -1, BankLineClass.Batch, BankLineRule.BatchDetailMissing, -1);
            _findings.Add(LineFinding(FindingCode.BatchDetailMissing, Severity.Orange, missing, null) with { Detail = bank.BatchId });
            return;
        }

        int lump = AddLine(index, -1, BankLineClass.Batch, BankLineRule.BatchExpanded, -1);
        long sum = 0;
        for (int detailIndex = details.First; detailIndex >= 0; detailIndex = _nextBatchDetail[detailIndex])
        {
            ref readonly var detail = ref BatchLineAt(detailIndex);
            SummingAt(BatchesFile, detail.Line);
            sum = checked(sum + detail.AmountFen);
            // R16: success lines are identified like steps 2–3; failed lines and lines that identify nobody pay nobody.
            if (detail.Status == BatchStatus.Success)
            {
                string normalized = Normalized(detail.Name);
                string digits = Digits(detail.Account);
                int worker = Identify(digits, normalized, out var rule);
                if (worker >= 0)
                {
                    AddPayment(index, detailIndex, rule, worker, detail.Name, normalized, digits);
                    continue;
                }
            }
            AddLine(index, detailIndex, BankLineClass.Batch, BankLineRule.BatchDetailNoPayee, -1);
        }

        if (sum != bank.AmountFen)
        {
            _findings.Add(LineFinding(FindingCode.BatchTotalMismatch, Severity.Red, lump, null) with
            {
                Expected = new Money(bank.AmountFen),
                Actual = new Money(sum),
                Detail = bank.BatchId,
            });
        }
    }

    /// <summary>§3.2 steps 2–3: the roster worker a payment goes to, or -1.</summary>
    /// <param name="digits">Digits of the counterparty account.</param>
    /// <param name="normalized">Counterparty name normalised (R18).</param>
    /// <param name="rule"><see cref="BankLineRule.RosterAccount"/> or <see cref="BankLineRule.RosterName"/>.</param>
    private int Identify(string digits, string normalized, out BankLineRule rule)
    {
        if (digits.Length > 0 && _workersByDigitAccount.TryGetValue(digits, out var holders))
        {
            // A shared card pays the holder whose name matches, else the first in roster order.
            int chosen = holders[0];
            foreach (int candidate in holders)
            {
                if (_workers[candidate].NormalizedName == normalized)
                {
                    chosen = candidate;
                    break;
                }
            }
            rule = BankLineRule.RosterAccount;
            return chosen;
        }

        if (normalized.Length > 0 && _workersByName.TryGetValue(normalized, out var named) && named.Count == 1)
        {
            rule = BankLineRule.RosterName;
            return named[0];
        }

        rule = BankLineRule.UnknownPayee;
        return -1;
    }

    /// <summary>Records a wage payment (direct or batch detail) and the mismatch finding its identification raised.</summary>
    /// <param name="bankIndex">The statement line (the lump's, for a detail line).</param>
    /// <param name="detailIndex">The batch detail line, or -1.</param>
    /// <param name="rule">How the worker was identified.</param>
    /// <param name="worker">Roster index of the worker paid.</param>
    /// <param name="counterpartyName">The payee name as written on the line.</param>
    /// <param name="normalized"><paramref name="counterpartyName"/> normalised (R18).</param>
    /// <param name="digits">Digits of the line's counterparty account.</param>
    private void AddPayment(int bankIndex, int detailIndex, BankLineRule rule, int worker, string counterpartyName, string normalized, string digits)
    {
        var storedRule = detailIndex >= 0 ? BankLineRule.BatchDetailPayment : rule;
        int line = AddLine(bankIndex, detailIndex, BankLineClass.WagePayment, storedRule, worker);
        _wagePaymentLines++;
        var w = _workers[worker];
        w.Payments.Add(line);

        if (rule == BankLineRule.RosterAccount)
        {
            if (counterpartyName.Length > 0 && normalized != w.NormalizedName)
                _findings.Add(LineFinding(FindingCode.NameMismatch, Severity.Orange, line, w) with { Detail = counterpartyName });
        }
        else
        {
            _findings.Add(LineFinding(FindingCode.AccountMismatch, Severity.Orange, line, w) with { Detail = counterpartyName });
        }

        long amount = LineAmount(line);
        _paymentsByAccount?.Add(amount, digits, line);
        _paymentsByName?.Add(amount, normalized, line);
    }

    private void ClassifyCredit(int index)
    {
        ref readonly var bank = ref BankLineAt(index);
        var memo = bank.Memo.AsSpan().Trim();
        string digits = Digits(bank.Account);
        bool rosterCard = digits.Length > 0 && _workersByDigitAccount.ContainsKey(digits);
        if (rosterCard || Keywords.IsRefundMemo(memo))
        {
            _refunds = checked(_refunds + bank.AmountFen);
            int cancelled = FindRefundedPayment(bank);
            if (cancelled >= 0)
            {
                var span = CollectionsMarshal.AsSpan(_lines);
                span[cancelled].Cancelled = true;
                int line = AddLine(index, -1, BankLineClass.Refund, BankLineRule.RefundMatched, span[cancelled].Worker);
                CollectionsMarshal.AsSpan(_lines)[line].CancelsLine = cancelled;
            }
            else
            {
                int line = AddLine(index, -1, BankLineClass.Refund, BankLineRule.RefundUnmatched, -1);
                _findings.Add(LineFinding(FindingCode.UnmatchedRefund, Severity.Yellow, line, null) with { Detail = bank.Name });
            }
            return;
        }

        if (Keywords.IsInterestMemo(memo))
        {
            _interest = checked(_interest + bank.AmountFen);
            AddLine(index, -1, BankLineClass.Interest, BankLineRule.InterestMemo, -1);
            return;
        }

        _laborFunds = checked(_laborFunds + bank.AmountFen);
        _laborFundCredits.Add((bank.Date, bank.AmountFen));
        AddLine(index, -1, BankLineClass.LaborFunds, BankLineRule.LaborFunds, -1);
    }

    /// <summary>R17: the latest earlier non-cancelled payment with the same amount and account digits (or name), or -1.</summary>
    private int FindRefundedPayment(in StoredBankLine refund)
    {
        bool hasAccount = refund.Account.AsSpan().Trim().Length > 0;
        return hasAccount
            ? (_paymentsByAccount ??= IndexPayments(byAccount: true)).TakeNewest(refund.AmountFen, Digits(refund.Account), _isCancelled)
            : (_paymentsByName ??= IndexPayments(byAccount: false)).TakeNewest(refund.AmountFen, Normalized(refund.Name), _isCancelled);
    }

    /// <summary>The refund index of the wage payments processed so far, by account digits or by normalised name.</summary>
    private RefundCandidates IndexPayments(bool byAccount)
    {
        // Sized for every line there can be, so it never rehashes while the remaining lines are classified.
        var index = new RefundCandidates(_bankLines.Count + _batchLines.Count);
        for (int line = 0; line < _lines.Count; line++)
        {
            ref readonly var p = ref LineAt(line);
            // A cancelled payment can never be chosen again, so it need not be indexed.
            if (p.Class != BankLineClass.WagePayment || p.Cancelled) continue;
            bool detail = p.DetailIndex >= 0;
            string text = byAccount
                ? Digits(detail ? BatchLineAt(p.DetailIndex).Account : BankLineAt(p.BankIndex).Account)
                : Normalized(detail ? BatchLineAt(p.DetailIndex).Name : BankLineAt(p.BankIndex).Name);
            index.Add(LineAmount(line), text, line);
        }
        return index;
    }

    private int AddLine(int bankIndex, int detailIndex, BankLineClass cls, BankLineRule rule, int worker)
    {
        _lines.Add(new ProcessedLine
        {
            BankIndex = bankIndex,
            DetailIndex = detailIndex,
            Class = cls,
            Rule = rule,
            Worker = worker,
            CancelsLine = -1,
            MemoMonthOrdinal = -1,
        });
        return _lines.Count - 1;
    }

    private string Digits(string account)
    {
        if (account.Length == 0) return string.Empty;
        if (!_digitsCache.TryGetValue(account, out var digits))
        {
            digits = AccountNumbers.DigitsOf(account);
            _digitsCache.Add(account, digits);
        }
        return digits;
    }

    private string Normalized(string name)
    {
        if (name.Length == 0) return string.Empty;
        if (!_normalizedCache.TryGetValue(name, out var normalized))
        {
            normalized = NameNormalizer.Normalize(name);
            _normalizedCache.Add(name, normalized);
        }
        return normalized;
    }

    private static List<int> ListFor<TKey>(Dictionary<TKey, List<int>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }
        return list;
    }

    // Accessors of a processed line: a detail line has its own amount, account, name and memo (else the lump's
    // memo, R16) and takes the lump's date, position and transaction id.
    private DateOnly LineDate(int line) => BankLineAt(LineAt(line).BankIndex).Date;

    private long LineAmount(int line)
    {
        ref readonly var p = ref LineAt(line);
        return p.DetailIndex >= 0 ? BatchLineAt(p.DetailIndex).AmountFen : BankLineAt(p.BankIndex).AmountFen;
    }

    private string LineMemo(int line)
    {
        ref readonly var p = ref LineAt(line);
        if (p.DetailIndex >= 0 && BatchLineAt(p.DetailIndex).Memo.Length > 0) return BatchLineAt(p.DetailIndex).Memo;
        return BankLineAt(p.BankIndex).Memo;
    }

    private string? LineTxnId(int line) => BankTxnId(LineAt(line).BankIndex);

    /// <summary>The statement line's txn id as a string (made afresh, for evidence), or null when it has none.</summary>
    private string? BankTxnId(int index)
    {
        ref readonly var bank = ref BankLineAt(index);
        return bank.TxnLength == 0 ? null : _txnIds.GetString(bank.TxnOffset, bank.TxnLength);
    }

    private IReadOnlyList<string> TxnIdsOf(int line) => LineTxnId(line) is { } txn ? [txn] : [];

    private string LineSource(int line)
    {
        ref readonly var p = ref LineAt(line);
        return p.DetailIndex >= 0
            ? Source(BatchesFile, BatchLineAt(p.DetailIndex).Line)
            : Source(BankFile, BankLineAt(p.BankIndex).Line);
    }

    private ref readonly ProcessedLine LineAt(int line) => ref CollectionsMarshal.AsSpan(_lines)[line];

    private ref readonly StoredBankLine BankLineAt(int index) => ref CollectionsMarshal.AsSpan(_bankLines)[index];

    private ref readonly StoredBatchLine BatchLineAt(int index) => ref CollectionsMarshal.AsSpan(_batchLines)[index];

    /// <summary>A finding about one processed line: its amount, date, transaction id and source; worker fields when known.</summary>
    private Finding LineFinding(FindingCode code, Severity severity, int line, RosterWorker? worker)
    {
        var finding = worker is null ? new Finding { Code = code, Severity = severity } : WorkerFinding(code, severity, worker);
        return finding with
        {
            Amount = new Money(LineAmount(line)),
            EventDate = LineDate(line),
            TxnIds = TxnIdsOf(line),
            Source = LineSource(line),
            Anchor = LineAnchor(line),
        };
    }
}
