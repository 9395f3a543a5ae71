using System.Buffers;
using System.Text;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Turns UTF-8 field bytes into strings, one string per distinct value, so that a long statement whose names,
/// accounts and memos repeat does not hold one string per line.
/// </summary>
/// <remarks>Looking up a value already seen allocates nothing.</remarks>
internal sealed class TextInterner
{
    private const int StackChars = 256;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextInterner()
    {
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string for <paramref name="utf8"/>; the empty string for no bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return string.Empty;
        if (utf8.Length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        }

        char[] rented = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            return Get(rented.AsSpan(0, Encoding.UTF8.GetChars(utf8, rented)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private string Get(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var existing)) return existing;
        string value = new(chars);
        _values.Add(value, value);
        return value;
    }
}
