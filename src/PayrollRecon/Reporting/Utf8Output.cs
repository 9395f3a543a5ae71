using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>
/// The buffer under the UTF-8 writers: bytes go into pooled memory that is written to a stream when full, text is
/// transcoded into it straight from its characters, numbers are formatted into it as digits. A row costs no string.
/// </summary>
/// <remarks>
/// A writer reserves room before it writes (<see cref="Reserve"/>); writing text (<see cref="Chars"/>) reserves its
/// own room and leaves at least <see cref="Slack"/> bytes free after it, enough for the separators, quotes, numbers and
/// dates that follow a text in a row. The bytes are those of the writers' strict UTF-8 <see cref="StreamWriter"/>
/// (<see cref="OutputText"/>): a lone surrogate is refused, not replaced.
/// </remarks>
internal abstract class Utf8Output : IDisposable
{
    /// <summary>Room left free after any text: a row's numbers, dates and keywords (an amount is at most 21 bytes, a date 10).</summary>
    internal const int Slack = 512;

    // Characters transcoded at a time: a text of any length needs a buffer of at most 3 bytes a character of this.
    private const int CharsPerChunk = 8 * 1024;

    private readonly Stream _stream;
    private protected byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private protected int _length;
    private StringBuilder? _text;
    private char[] _scratch = [];

    private protected Utf8Output(Stream stream) => _stream = stream;

    /// <summary>Makes sure the next <paramref name="bytes"/> fit in the buffer, writing out what it holds when they do not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Reserve(int bytes)
    {
        if (_buffer.Length - _length < bytes) MakeRoom(bytes);
    }

    private void MakeRoom(int bytes)
    {
        Flush();
        if (_buffer.Length >= bytes) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(bytes);
    }

    /// <summary>Writes out what the buffer holds.</summary>
    internal void Flush()
    {
        if (_length == 0) return;
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>Writes out what the buffer holds and returns it to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Copies bytes into the buffer (room reserved by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void Bytes(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Copies UTF-8 into the buffer, leaving <paramref name="extra"/> and then <see cref="Slack"/> bytes free after it.</summary>
    private protected void Bytes(ReadOnlySpan<byte> utf8, int extra)
    {
        Reserve(utf8.Length + extra + Slack);
        Bytes(utf8);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, leaving at least <see cref="Slack"/> bytes free after it.</summary>
    /// <exception cref="EncoderFallbackException">The text holds a lone surrogate.</exception>
    private protected void Chars(ReadOnlySpan<char> text)
    {
        while (text.Length > CharsPerChunk)
        {
            // A surrogate pair is never split between two chunks.
            int n = char.IsHighSurrogate(text[CharsPerChunk - 1]) ? CharsPerChunk - 1 : CharsPerChunk;
            Transcode(text[..n]);
            text = text[n..];
        }
        Transcode(text);
    }

    private void Transcode(ReadOnlySpan<char> text)
    {
        Reserve(3 * text.Length + Slack);
        int ascii = text.Length <= ShortText ? NarrowAscii(text, _buffer.AsSpan(_length)) : 0;
        _length += ascii;
        if (ascii == text.Length) return;
        if (Utf8.FromUtf16(text[ascii..], _buffer.AsSpan(_length), out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw LoneSurrogate();
        }
        _length += written;
    }

    /// <summary>Texts up to this long are narrowed a character at a time while they are ASCII: most texts of a row (ids,
    /// sources, keywords) are, and for them the general transcoder's set-up costs more than the copy.</summary>
    private protected const int ShortText = 32;

    /// <summary>Copies the leading ASCII characters of <paramref name="text"/> as bytes (room for all reserved by the
    /// caller); their count.</summary>
    internal static int NarrowAscii(ReadOnlySpan<char> text, Span<byte> destination)
    {
        Ascii.FromUtf16(text, destination, out int written);
        return written;
    }

    /// <summary>The characters to write for text from the inputs: the text itself, or a copy in scratch memory with
    /// every ID or card number in it masked when <paramref name="mask"/> is set (see <see cref="PersonalData.AppendFreeText"/>).</summary>
    private protected ReadOnlySpan<char> FreeTextChars(string? text, bool mask)
    {
        if (string.IsNullOrEmpty(text) || !mask || !PersonalData.HasSensitiveRun(text)) return text;
        _text ??= new StringBuilder(64);
        _text.Clear();
        PersonalData.AppendFreeText(_text, text, mask);
        return CharsOf(_text);
    }

    /// <summary>An ID or card number masked whole (first 6 and last 4 kept, see <see cref="PersonalData.MaskInto"/>), in scratch memory.</summary>
    private protected ReadOnlySpan<char> MaskedChars(ReadOnlySpan<char> value)
    {
        var chars = Scratch(value.Length);
        PersonalData.MaskInto(value, chars);
        return chars;
    }

    /// <summary>The characters of <paramref name="sb"/>: in place when it holds them in one piece (a reused builder soon
    /// does), else copied to scratch memory (valid until its next use).</summary>
    private protected ReadOnlySpan<char> CharsOf(StringBuilder sb)
    {
        foreach (var chunk in sb.GetChunks())
        {
            if (chunk.Length == sb.Length) return chunk.Span;
            break;
        }
        return Scratch(sb);
    }

    /// <summary>The characters of <paramref name="sb"/>, copied to scratch memory (valid until its next use).</summary>
    private ReadOnlySpan<char> Scratch(StringBuilder sb)
    {
        var chars = Scratch(sb.Length);
        sb.CopyTo(0, chars, sb.Length);
        return chars;
    }

    private Span<char> Scratch(int chars)
    {
        if (_scratch.Length < chars) _scratch = new char[Math.Max(chars, 2 * _scratch.Length)];
        return _scratch.AsSpan(0, chars);
    }

    /// <summary>What the writers' strict UTF-8 encoding throws for a lone surrogate.</summary>
    internal static EncoderFallbackException LoneSurrogate() =>
        new("Unable to translate Unicode character to the specified code page: the text holds a lone surrogate.");

    /// <summary>Writes an amount as yuan with two decimals, as <see cref="Money.TryFormat"/> does (room reserved by the caller).</summary>
    private protected void MoneyBytes(Money m)
    {
        Span<byte> to = _buffer.AsSpan(_length);
        // Work on the magnitude as ulong so long.MinValue formats correctly.
        ulong magnitude = m.Fen < 0 ? (ulong)(-(m.Fen + 1)) + 1 : (ulong)m.Fen;
        int pos = 0;
        if (m.Fen < 0) to[pos++] = (byte)'-';
        pos += Decimal(to[pos..], magnitude / 100);
        to[pos] = (byte)'.';
        Pair(to[(pos + 1)..], (int)(magnitude % 100));
        _length += pos + 3;
    }

    /// <summary>Writes an integer in invariant decimal (room reserved by the caller).</summary>
    private protected void IntegerBytes(long value)
    {
        Span<byte> to = _buffer.AsSpan(_length);
        int pos = 0;
        if (value < 0) to[pos++] = (byte)'-';
        // The magnitude as ulong, so long.MinValue formats correctly.
        pos += Decimal(to[pos..], value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value);
        _length += pos;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> into <paramref name="destination"/> (10 bytes).</summary>
    private protected static void DateBytes(Span<byte> destination, DateOnly d)
    {
        // DateOnly years are 1–9999: always four digits, as the custom format yyyy pads them.
        d.Deconstruct(out int year, out int month, out int day);
        Pair(destination, year / 100);
        Pair(destination[2..], year % 100);
        destination[4] = (byte)'-';
        Pair(destination[5..], month);
        destination[7] = (byte)'-';
        Pair(destination[8..], day);
    }

    /// <summary>Writes <c>yyyy-MM</c> into <paramref name="destination"/> (7 bytes).</summary>
    private protected static void PeriodBytes(Span<byte> destination, YearMonth p)
    {
        // Years are 1–9999 (YearMonth's range): four digits, as D4 pads them.
        Pair(destination, p.Year / 100);
        Pair(destination[2..], p.Year % 100);
        destination[4] = (byte)'-';
        Pair(destination[5..], p.Month);
    }

    /// <summary>Writes <paramref name="value"/> (0–99) as two digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected static void Pair(Span<byte> destination, int value)
    {
        ReadOnlySpan<byte> pair = TwoDigits.Slice(2 * value, 2);
        destination[0] = pair[0];
        destination[1] = pair[1];
    }

    /// <summary>Writes <paramref name="value"/> in decimal without leading zeros; the digit count.</summary>
    private protected static int Decimal(Span<byte> destination, ulong value)
    {
        // The digit count first, then two digits at a time from the right straight into place: amounts have few digits.
        int digits = DigitCount(value);
        int pos = digits;
        while (value >= 100)
        {
            ulong rest = value / 100;
            pos -= 2;
            Pair(destination[pos..], (int)(value - rest * 100));
            value = rest;
        }
        if (value >= 10) Pair(destination, (int)value);
        else destination[0] = (byte)('0' + (int)value);
        return digits;
    }

    /// <summary>Decimal digits of <paramref name="value"/> (1 for 0).</summary>
    private static int DigitCount(ulong value)
    {
        int digits = 1;
        while (value >= 10_000)
        {
            value /= 10_000;
            digits += 4;
        }
        return value >= 100 ? digits + (value >= 1000 ? 3 : 2) : digits + (value >= 10 ? 1 : 0);
    }

    private static ReadOnlySpan<byte> TwoDigits =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
}
