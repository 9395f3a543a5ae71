using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The digits of counterparty accounts and the normalised counterparty names (R18), each worked out once per distinct
/// interned text: a statement repeats the same few payees on thousands of lines.
/// </summary>
internal sealed class CounterpartyText
{
    private readonly Dictionary<string, string> _digits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);

    /// <summary>The digits of <paramref name="account"/>; empty for an empty account.</summary>
    public string Digits(string account)
    {
        if (account.Length == 0) return string.Empty;
        // Most accounts are digits already and are their own digits: no entry, so that a file of distinct accounts
        // (a batch detail per payee) does not keep one per line.
        if (AccountNumbers.IsAllDigits(account)) return account;
        if (!_digits.TryGetValue(account, out var digits))
        {
            digits = AccountNumbers.DigitsOf(account);
            _digits.Add(account, digits);
        }
        return digits;
    }

    /// <summary><paramref name="name"/> normalised by R18; empty for an empty name.</summary>
    public string Normalized(string name)
    {
        if (name.Length == 0) return string.Empty;
        if (!_normalized.TryGetValue(name, out var normalized))
        {
            normalized = NameNormalizer.Normalize(name);
            _normalized.Add(name, normalized);
        }
        return normalized;
    }
}
