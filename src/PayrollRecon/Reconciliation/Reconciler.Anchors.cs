using System.Globalization;
using System.Runtime.InteropServices;

using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    // n of a statement line without a txn id among the lines with the same date, amount and account digits, in date
    // order (SPEC §7); built on the first finding that needs it.
    private int[]? _anchorOrdinals;

    /// <summary>
    /// The anchor of a statement line (SPEC §7): its txn id, else <c>date|amount in fen|account digits|n</c>, with n
    /// counting identical such lines in date order (R14, R40), so that lines added later never renumber earlier ones.
    /// </summary>
    private string BankAnchor(int index)
    {
        ref readonly var bank = ref BankLineAt(index);
        if (bank.TxnLength > 0) return _txnIds.GetString(bank.TxnOffset, bank.TxnLength);
        _anchorOrdinals ??= AnchorOrdinals();
        return string.Concat(
            bank.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "|",
            bank.AmountFen.ToString(CultureInfo.InvariantCulture), "|",
            Digits(bank.Account), "|",
            _anchorOrdinals[index].ToString(CultureInfo.InvariantCulture));
    }

    private int[] AnchorOrdinals()
    {
        var ordinals = new int[_bankLines.Count];
        var counts = new Dictionary<(int Day, long AmountFen, string Digits), int>();
        foreach (int index in BankOrder())
        {
            ref readonly var bank = ref BankLineAt(index);
            if (bank.TxnLength > 0) continue;
            var key = (bank.Date.DayNumber, bank.AmountFen, Digits(bank.Account));
            ref int n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            ordinals[index] = ++n;
        }
        return ordinals;
    }

    /// <summary>The anchor of a processed line: its statement line's, or for a batch detail line the lump's, <c>#</c>,
    /// then <c>account digits|amount in fen|n</c> with n counting identical details of the lump in file order.</summary>
    private string LineAnchor(int line)
    {
        ref readonly var p = ref LineAt(line);
        string lump = BankAnchor(p.BankIndex);
        if (p.DetailIndex < 0) return lump;
        ref readonly var detail = ref BatchLineAt(p.DetailIndex);
        string digits = Digits(detail.Account);
        int n = 0;
        if (_batchDetails.TryGetValue(detail.BatchId, out var chain))
        {
            for (int i = chain.First; i >= 0; i = _nextBatchDetail[i])
            {
                ref readonly var other = ref BatchLineAt(i);
                if (other.AmountFen == detail.AmountFen && Digits(other.Account) == digits) n++;
                if (i == p.DetailIndex) break;
            }
        }
        return string.Concat(lump, "#", digits, "|", detail.AmountFen.ToString(CultureInfo.InvariantCulture), "|", n.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The anchor of a DATA_ERROR: <c>file|SHA-256 of the row's bytes</c> (SPEC §7). The count of rows past the listing
    /// cap is <c>file|unlisted</c> (one per file, whatever the count); a row whose bytes were not kept (longer than the
    /// limit) falls back to <c>file|line:N</c>.
    /// </summary>
    private static string DataErrorAnchor(Diagnostic d)
    {
        if (d.RowSha256 is { } hash) return d.File + "|" + hash;
        if (d.CountsUnlistedRows) return d.File + "|unlisted";
        return d.File + "|line:" + d.Line.ToString(CultureInfo.InvariantCulture);
    }
}
