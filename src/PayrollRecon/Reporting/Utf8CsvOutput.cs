using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>
/// Writes CSV records as UTF-8 bytes straight into a pooled buffer that goes to a stream when full: numbers, amounts,
/// dates and keywords are formatted into the buffer, so a row costs no string and no character transcoding.
/// </summary>
/// <remarks>
/// For the fields that need neither quoting nor the formula guard (SPEC §4): numbers, dates, periods, fixed keywords, and
/// text already rendered by <see cref="CsvOutput"/> (see <see cref="Rendered"/>). A row must fit in
/// <see cref="Reserve"/>'s room before it is written; the caller reserves once per row.
/// </remarks>
internal sealed class Utf8CsvOutput : IDisposable
{
    /// <summary>Room for a row of numbers, dates and keywords (an amount is at most 21 bytes, a date 10).</summary>
    internal const int FixedRowBytes = 512;

    private const int DateSlots = 64;

    private readonly Stream _stream;
    private readonly int[] _dateKeys = new int[DateSlots];
    private readonly byte[] _dates = new byte[DateSlots * 10];
    private readonly int[] _periodKeys = new int[DateSlots];
    private readonly byte[] _periods = new byte[DateSlots * 8];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;
    private bool _rowStarted;

    internal Utf8CsvOutput(Stream stream)
    {
        _stream = stream;
        // No day number or month ordinal is -1 (both are 0 or more): every slot starts empty.
        Array.Fill(_dateKeys, -1);
        Array.Fill(_periodKeys, -1);
    }

    /// <summary>Makes sure the next <paramref name="bytes"/> fit in the buffer, writing out what it holds when they do not.</summary>
    internal void Reserve(int bytes)
    {
        if (_buffer.Length - _length >= bytes) return;
        Flush();
        if (_buffer.Length >= bytes) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(bytes);
    }

    /// <summary>Writes the bytes of a field (or of several, already joined by commas) that need no quoting or guard.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Rendered(ReadOnlySpan<byte> utf8)
    {
        Separator();
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Writes an amount as yuan with two decimals (as <see cref="Money.TryFormat"/>), or an empty field.</summary>
    internal void Field(Money? value)
    {
        Separator();
        if (value is not { } m) return;
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

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>, or an empty field.</summary>
    internal void Field(DateOnly? value)
    {
        Separator();
        if (value is not { } d) return;
        // A ledger repeats few dates (due dates per month, payment days): each is formatted once per cache slot.
        int slot = d.DayNumber & (DateSlots - 1);
        Span<byte> text = _dates.AsSpan(slot * 10, 10);
        if (_dateKeys[slot] != d.DayNumber)
        {
            // DateOnly years are 1–9999: always four digits, as the custom format yyyy pads them.
            d.Deconstruct(out int year, out int month, out int day);
            Pair(text, year / 100);
            Pair(text[2..], year % 100);
            text[4] = (byte)'-';
            Pair(text[5..], month);
            text[7] = (byte)'-';
            Pair(text[8..], day);
            _dateKeys[slot] = d.DayNumber;
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += 10;
    }

    /// <summary>Writes a month as <c>yyyy-MM</c>.</summary>
    internal void Field(YearMonth value)
    {
        Separator();
        // A ledger repeats few months: each is formatted once per cache slot, as dates are.
        int slot = value.Ordinal & (DateSlots - 1);
        Span<byte> text = _periods.AsSpan(slot * 8, 7);
        if (_periodKeys[slot] != value.Ordinal)
        {
            Pair(text, value.Year / 100);
            Pair(text[2..], value.Year % 100);
            text[4] = (byte)'-';
            Pair(text[5..], value.Month);
            _periodKeys[slot] = value.Ordinal;
        }
        text.CopyTo(_buffer.AsSpan(_length));
        _length += 7;
    }

    /// <summary>Writes an integer.</summary>
    internal void Field(long value)
    {
        Separator();
        Span<byte> to = _buffer.AsSpan(_length);
        int pos = 0;
        if (value < 0) to[pos++] = (byte)'-';
        // The magnitude as ulong, so long.MinValue formats correctly.
        pos += Decimal(to[pos..], value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value);
        _length += pos;
    }

    /// <summary>Writes seconds as hours with two decimals, rounded half away from zero (as <see cref="CsvReports.FormatHours"/>).</summary>
    internal void Hours(long seconds)
    {
        Separator();
        Span<byte> to = _buffer.AsSpan(_length);
        long magnitude = Math.Abs(seconds);
        long hundredths = (magnitude * 100 + 1800) / 3600;
        int pos = 0;
        if (seconds < 0 && hundredths > 0) to[pos++] = (byte)'-';
        pos += Decimal(to[pos..], (ulong)(hundredths / 100));
        to[pos] = (byte)'.';
        Pair(to[(pos + 1)..], (int)(hundredths % 100));
        _length += pos + 3;
    }

    /// <summary>Ends the current record with LF.</summary>
    internal void EndRow()
    {
        _buffer[_length++] = (byte)'\n';
        _rowStarted = false;
    }

    /// <summary>Writes a header line of literal names.</summary>
    internal void Header(string commaSeparatedNames)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(commaSeparatedNames.Length) + 1);
        _length += Encoding.UTF8.GetBytes(commaSeparatedNames, _buffer.AsSpan(_length));
        EndRow();
    }

    /// <summary>UTF-8 of <paramref name="text"/> into <paramref name="destination"/> (grown from the pool as needed); the byte count.</summary>
    /// <exception cref="EncoderFallbackException">The text holds a lone surrogate (as the writers' strict UTF-8 encoding reports it).</exception>
    internal static int Encode(ReadOnlySpan<char> text, ref byte[] destination)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (destination.Length < max)
        {
            if (destination.Length > 0) ArrayPool<byte>.Shared.Return(destination);
            destination = ArrayPool<byte>.Shared.Rent(max);
        }
        if (Utf8.FromUtf16(text, destination, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new EncoderFallbackException("Unable to translate Unicode character to the specified code page: the text holds a lone surrogate.");
        }
        return written;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator()
    {
        if (_rowStarted) _buffer[_length++] = (byte)',';
        _rowStarted = true;
    }

    /// <summary>Writes <paramref name="value"/> (0–99) as two digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair(Span<byte> destination, int value)
    {
        ReadOnlySpan<byte> pair = TwoDigits.Slice(2 * value, 2);
        destination[0] = pair[0];
        destination[1] = pair[1];
    }

    /// <summary>Writes <paramref name="value"/> in decimal without leading zeros; the digit count.</summary>
    private static int Decimal(Span<byte> destination, ulong value)
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
