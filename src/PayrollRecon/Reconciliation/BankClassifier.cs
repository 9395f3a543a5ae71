using System.Runtime.InteropServices;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Reads the statement in date order and puts every line in one class (§3.2, R14–R17, R39–R41): wage payments
/// identified by account or name, batch lumps expanded, fees, misuse, refunds matched to the payment they cancel,
/// interest and labour funds; sums each class for the conservation check (SPEC §5).
/// </summary>
internal sealed class BankClassifier
{
    private readonly Statement _statement;
    private readonly ProcessedLines _lines;
    private readonly Roster _roster;
    private readonly CounterpartyText _text;
    private readonly SumSite _sums;
    private readonly List<Finding> _findings;
    private readonly string _bankFile;
    private readonly string _batchesFile;
    private readonly bool _batchesSupplied;
    private readonly Func<int, bool> _isCancelled;

    /// <summary>Holders of a card up to which a walk of them is cheaper than an index.</summary>
    private const int FewHolders = 8;

    // A card of many holders: their normalised names, each to its first holder (HolderNamedMany).
    private Dictionary<List<int>, Dictionary<string, int>>? _holdersByName;

    // Refund candidates (R17): non-cancelled payments in date order by (amount, account digits) and (amount, name); the
    // account index holds only payments to cards no worker registered and to cards of many holders (a card of few
    // holders has its payments found through its holders' own payments).
    // Each index is built on the first refund that needs it (from the payments so far) and kept up to date after
    // that: a statement without refunds, or whose refunds all carry an account, never pays for the other.
    private RefundCandidates? _paymentsByAccount;
    private RefundCandidates? _paymentsByName;
    private readonly List<(DateOnly Date, long AmountFen)> _laborFundCredits = [];
    private long _debits, _credits, _wagePayments, _batches, _fees, _misuse, _refunds, _interest, _laborFunds;

    /// <param name="statement">The lines to read.</param>
    /// <param name="lines">Receives each line read, classified.</param>
    /// <param name="roster">Identifies payees (steps 2–3) and registered cards (step 6).</param>
    /// <param name="text">Account digits and normalised names.</param>
    /// <param name="sums">Notes the line being summed.</param>
    /// <param name="findings">Receives the lines' findings.</param>
    /// <param name="options">File names and whether batches.csv was supplied (R16).</param>
    public BankClassifier(Statement statement, ProcessedLines lines, Roster roster, CounterpartyText text, SumSite sums, List<Finding> findings, ReconcilerOptions options)
    {
        _statement = statement;
        _lines = lines;
        _roster = roster;
        _text = text;
        _sums = sums;
        _findings = findings;
        _bankFile = options.BankFile;
        _batchesFile = options.BatchesFile;
        _batchesSupplied = options.BatchesSupplied;
        _isCancelled = line => _lines[line].Cancelled;
    }

    /// <summary>Wage payment lines classified (a payment usually makes one allocation).</summary>
    public int WagePaymentLines { get; private set; }

    /// <summary>Statement lines of zero amount (R41).</summary>
    public int ZeroLines { get; private set; }

    /// <summary>Statement lines that did not succeed (R39).</summary>
    public int ExcludedLines { get; private set; }

    /// <summary>Credits classified as labour funds, summed per date, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, long AmountFen)> LaborFundCredits => _laborFundCredits;

    /// <summary>Σ labour funds in.</summary>
    public long LaborFundsFen => _laborFunds;

    /// <summary>Each class summed (SPEC §5).</summary>
    public ConservationTotals Totals() => new()
    {
        Debits = new Money(_debits),
        WagePayments = new Money(_wagePayments),
        Batches = new Money(_batches),
        Fees = new Money(_fees),
        Misuse = new Money(_misuse),
        Credits = new Money(_credits),
        Refunds = new Money(_refunds),
        Interest = new Money(_interest),
        LaborFunds = new Money(_laborFunds),
    };

    /// <summary>
    /// Excluded and zero lines, repeated lines, the balance chain and the classification of every line, in reading order.
    /// </summary>
    public void Run()
    {
        _lines.Reserve(_statement.BankCount + _statement.BatchCount);
        _statement.BeginReading();
        foreach (int index in _statement.ReadingOrder())
        {
            ref readonly var bank = ref _statement.BankLine(index);
            _sums.At(_bankFile, bank.Line);
            if (bank.Status != BankLineStatus.Succeeded)
            {
                // R39: listed with its status, and nothing else; its other fields may not even have been read.
                _lines.Add(index, -1, BankLineClass.Excluded, BankLineRule.StatusNotSucceeded, -1);
                ExcludedLines++;
                continue;
            }

            if (bank.AmountFen == 0)
            {
                // R41: only the balance chain reads a zero line (a balance enquiry, a waived fee).
                _lines.Add(index, -1, BankLineClass.Zero, BankLineRule.ZeroAmount, -1);
                ZeroLines++;
                _statement.ChainBalance(index, 0);
                continue;
            }

            if (_statement.IsRepeat(index, out int first))
            {
                // R15: the repeating line is left out of everything, the balance chain included.
                int duplicate = _lines.Add(index, -1, BankLineClass.DuplicateTxn, BankLineRule.DuplicateTxn, -1);
                _findings.Add(_lines.Finding(FindingCode.DuplicateTxn, Severity.Red, duplicate, null) with
                {
                    Detail = $"{_bankFile}:{_statement.BankLine(first).Line}",
                });
                continue;
            }

            _statement.ChainBalance(index, bank.IsDebit ? -bank.AmountFen : bank.AmountFen);

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
    }

    private void ClassifyDebit(int index)
    {
        ref readonly var bank = ref _statement.BankLine(index);
        if (bank.BatchIdIndex >= 0)
        {
            ClassifyBatch(index);
            return;
        }

        string payee = _statement.Name(bank);
        string normalized = _text.Normalized(payee);
        string digits = _text.Digits(_statement.Account(bank));
        int worker = Identify(digits, normalized, out var rule);
        if (worker >= 0)
        {
            _wagePayments = checked(_wagePayments + bank.AmountFen);
            AddPayment(index, -1, rule, worker, payee, normalized, digits);
            return;
        }

        string memoText = _statement.Memo(bank);
        var name = payee.AsSpan().Trim();
        var memo = memoText.AsSpan().Trim();
        if ((name.IsEmpty || Keywords.IsBank(name)) && Keywords.IsFeeMemo(memo))
        {
            _fees = checked(_fees + bank.AmountFen);
            _lines.Add(index, -1, BankLineClass.Fee, BankLineRule.FeeMemo, -1);
            return;
        }

        _misuse = checked(_misuse + bank.AmountFen);
        if (name.IsEmpty || Keywords.IsFirm(name) || Keywords.IsCashMemo(memo))
        {
            int line = _lines.Add(index, -1, BankLineClass.Misuse, BankLineRule.NonWageDebit, -1);
            _findings.Add(_lines.Finding(FindingCode.NonWageDebit, Severity.Red, line, null, detail: name.IsEmpty ? memoText : payee));
        }
        else
        {
            int line = _lines.Add(index, -1, BankLineClass.Misuse, BankLineRule.UnknownPayee, -1);
            _findings.Add(_lines.Finding(FindingCode.UnknownPayee, Severity.Red, line, null, detail: payee, payeeAccount: digits));
        }
    }

    private void ClassifyBatch(int index)
    {
        ref readonly var bank = ref _statement.BankLine(index);
        _batches = checked(_batches + bank.AmountFen);
        string batchId = _statement.BatchId(bank);
        int firstDetail = _batchesSupplied ? _statement.FirstDetail(batchId) : -1;
        if (firstDetail < 0)
        {
            int missing = _lines.Add(index, -1, BankLineClass.Batch, BankLineRule.BatchDetailMissing, -1);
            _findings.Add(_lines.Finding(FindingCode.BatchDetailMissing, Severity.Orange, missing, null, detail: batchId));
            return;
        }

        int lump = _lines.Add(index, -1, BankLineClass.Batch, BankLineRule.BatchExpanded, -1);
        long sum = 0;
        for (int detailIndex = firstDetail; detailIndex >= 0; detailIndex = _statement.NextDetail(detailIndex))
        {
            ref readonly var detail = ref _statement.BatchLine(detailIndex);
            _sums.At(_batchesFile, detail.Line);
            sum = checked(sum + detail.AmountFen);
            // R16: success lines are identified like steps 2–3; failed lines and lines that identify nobody pay nobody.
            if (detail.Status == BatchStatus.Success)
            {
                string name = _statement.DetailName(detailIndex);
                string normalized = _text.Normalized(name);
                string digits = _text.Digits(_statement.DetailAccount(detailIndex));
                int worker = Identify(digits, normalized, out var rule);
                if (worker >= 0)
                {
                    AddPayment(index, detailIndex, rule, worker, name, normalized, digits);
                    continue;
                }
            }
            _lines.Add(index, detailIndex, BankLineClass.Batch, BankLineRule.BatchDetailNoPayee, -1);
        }

        if (sum != bank.AmountFen)
        {
            _findings.Add(_lines.Finding(FindingCode.BatchTotalMismatch, Severity.Red, lump, null) with
            {
                Expected = new Money(bank.AmountFen),
                Actual = new Money(sum),
                Detail = batchId,
            });
        }
    }

    /// <summary>§3.2 steps 2–3: the roster worker a payment goes to, or -1.</summary>
    /// <param name="digits">Digits of the counterparty account.</param>
    /// <param name="normalized">Counterparty name normalised (R18).</param>
    /// <param name="rule"><see cref="BankLineRule.RosterAccount"/> or <see cref="BankLineRule.RosterName"/>.</param>
    private int Identify(string digits, string normalized, out BankLineRule rule)
    {
        if (_roster.HoldersOf(digits) is { } holders)
        {
            // A shared card pays the holder whose name matches, else the first in roster order.
            rule = BankLineRule.RosterAccount;
            return holders.Count <= FewHolders ? HolderNamed(holders, normalized) : HolderNamedMany(holders, normalized);
        }

        int named = _roster.SoleNamed(normalized);
        rule = named >= 0 ? BankLineRule.RosterName : BankLineRule.UnknownPayee;
        return named;
    }

    /// <summary>Of the holders of a shared card, the first named <paramref name="normalized"/>, else the first.</summary>
    private int HolderNamed(List<int> holders, string normalized)
    {
        foreach (int candidate in holders)
        {
            if (_roster[candidate].NormalizedName == normalized) return candidate;
        }
        return holders[0];
    }

    /// <summary>
    /// <see cref="HolderNamed"/> for a card registered to many workers, through a map of their names made on the card's
    /// first payment: a walk of every holder per line would make a roster of k workers on one card and n lines to it cost
    /// k × n (100,000 × 20,000 took 23 s of CPU).
    /// </summary>
    private int HolderNamedMany(List<int> holders, string normalized)
    {
        _holdersByName ??= new Dictionary<List<int>, Dictionary<string, int>>(ReferenceEqualityComparer.Instance);
        if (!_holdersByName.TryGetValue(holders, out var byName))
        {
            byName = new Dictionary<string, int>(StringComparer.Ordinal);
            // In roster order, so a name held twice keeps its first holder.
            foreach (int holder in holders) byName.TryAdd(_roster[holder].NormalizedName, holder);
            _holdersByName.Add(holders, byName);
        }
        return byName.TryGetValue(normalized, out int named) ? named : holders[0];
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
        int line = _lines.Add(bankIndex, detailIndex, BankLineClass.WagePayment, storedRule, worker);
        WagePaymentLines++;
        var w = _roster[worker];
        w.Payments.Add(line);

        if (rule == BankLineRule.RosterAccount)
        {
            if (counterpartyName.Length > 0 && normalized != w.NormalizedName)
                _findings.Add(_lines.Finding(FindingCode.NameMismatch, Severity.Orange, line, w, detail: counterpartyName, payeeAccount: digits));
        }
        else
        {
            _findings.Add(_lines.Finding(FindingCode.AccountMismatch, Severity.Orange, line, w, detail: counterpartyName, payeeAccount: digits));
        }

        long amount = _lines.Amount(line);
        // A payment to a card of few holders is found through their payments, never through the index.
        if (rule != BankLineRule.RosterAccount || !FewHoldersOf(digits)) _paymentsByAccount?.Add(amount, digits, line);
        _paymentsByName?.Add(amount, normalized, line);
    }

    private void ClassifyCredit(int index)
    {
        ref readonly var bank = ref _statement.BankLine(index);
        var memo = _statement.Memo(bank).AsSpan().Trim();
        string digits = _text.Digits(_statement.Account(bank));
        bool rosterCard = _roster.HoldersOf(digits) is not null;
        if (rosterCard || Keywords.IsRefundMemo(memo))
        {
            _refunds = checked(_refunds + bank.AmountFen);
            int cancelled = FindRefundedPayment(bank);
            if (cancelled >= 0)
            {
                var lines = _lines.AsSpan();
                lines[cancelled].Cancelled = true;
                int line = _lines.Add(index, -1, BankLineClass.Refund, BankLineRule.RefundMatched, lines[cancelled].Worker);
                _lines.AsSpan()[line].CancelsLine = cancelled;
            }
            else
            {
                int line = _lines.Add(index, -1, BankLineClass.Refund, BankLineRule.RefundUnmatched, -1);
                _findings.Add(_lines.Finding(FindingCode.UnmatchedRefund, Severity.Yellow, line, null, detail: _statement.Name(bank)));
            }
            return;
        }

        if (Keywords.IsInterestMemo(memo))
        {
            _interest = checked(_interest + bank.AmountFen);
            _lines.Add(index, -1, BankLineClass.Interest, BankLineRule.InterestMemo, -1);
            return;
        }

        _laborFunds = checked(_laborFunds + bank.AmountFen);
        // R28 compares sums up to dates, so one entry per date serves: lines are read in date order.
        if (_laborFundCredits.Count > 0 && _laborFundCredits[^1].Date == bank.Date)
            CollectionsMarshal.AsSpan(_laborFundCredits)[^1].AmountFen = checked(_laborFundCredits[^1].AmountFen + bank.AmountFen);
        else
            _laborFundCredits.Add((bank.Date, bank.AmountFen));
        _lines.Add(index, -1, BankLineClass.LaborFunds, BankLineRule.LaborFunds, -1);
    }

    /// <summary>R17: the latest earlier non-cancelled payment with the same amount and account digits (or name), or -1.</summary>
    private int FindRefundedPayment(in StoredBankLine refund)
    {
        string account = _statement.Account(refund);
        if (account.AsSpan().Trim().IsEmpty) return (_paymentsByName ??= IndexPayments(byAccount: false)).TakeNewest(refund.AmountFen, _text.Normalized(_statement.Name(refund)), _isCancelled);
        string digits = _text.Digits(account);
        // Every payment to a registered card went to one of its holders (§3.2 step 2), so the payments of a card's few
        // holders are searched instead of an index of every payment; a card of many holders is in the index.
        return _roster.HoldersOf(digits) is { Count: <= FewHolders } holders
            ? NewestPaymentOfHolders(holders, refund.AmountFen, digits)
            : (_paymentsByAccount ??= IndexPayments(byAccount: true)).TakeNewest(refund.AmountFen, digits, _isCancelled);
    }

    /// <summary>The latest non-cancelled payment to one of <paramref name="holders"/> of <paramref name="amountFen"/> to an
    /// account with <paramref name="digits"/>, or -1.</summary>
    private int NewestPaymentOfHolders(List<int> holders, long amountFen, string digits)
    {
        int newest = -1;
        foreach (int holder in holders)
        {
            // A worker's payments are in reading order: the first match from the end is its latest.
            var payments = _roster[holder].Payments;
            for (int i = payments.Count - 1; i >= 0 && payments[i] > newest; i--)
            {
                int line = payments[i];
                ref readonly var p = ref _lines[line];
                if (p.Cancelled || p.AmountFen != amountFen) continue;
                string account = p.DetailIndex >= 0 ? _statement.DetailAccount(p.DetailIndex) : _statement.Account(_statement.BankLine(p.BankIndex));
                if (_text.Digits(account) != digits) continue;
                newest = line;
                break;
            }
        }
        return newest;
    }

    /// <summary>True when <paramref name="digits"/> is a registered card of at most <see cref="FewHolders"/> workers.</summary>
    private bool FewHoldersOf(string digits) => _roster.HoldersOf(digits) is { Count: <= FewHolders };

    /// <summary>The refund index of the wage payments processed so far, by account digits or by normalised name.</summary>
    private RefundCandidates IndexPayments(bool byAccount)
    {
        // By name, sized for every line there can be, so it never rehashes while the remaining lines are classified; by
        // account it holds only payments to unregistered cards, usually few, and grows as they come.
        var index = new RefundCandidates(byAccount ? 256 : _statement.BankCount + _statement.BatchCount);
        var lines = _lines.AsSpan();
        for (int line = 0; line < lines.Length; line++)
        {
            ref readonly var p = ref lines[line];
            // A cancelled payment can never be chosen again, so it need not be indexed.
            if (p.Class != BankLineClass.WagePayment || p.Cancelled) continue;
            bool detail = p.DetailIndex >= 0;
            string text = byAccount
                ? _text.Digits(detail ? _statement.DetailAccount(p.DetailIndex) : _statement.Account(_statement.BankLine(p.BankIndex)))
                : _text.Normalized(detail ? _statement.DetailName(p.DetailIndex) : _statement.Name(_statement.BankLine(p.BankIndex)));
            // By account, only payments to unregistered cards and cards of many holders: the others' are found through their holders.
            if (byAccount && FewHoldersOf(text)) continue;
            index.Add(p.AmountFen, text, line);
        }
        return index;
    }
}
