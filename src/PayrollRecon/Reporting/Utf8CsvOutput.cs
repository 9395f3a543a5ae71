using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>
/// Writes CSV records as UTF-8 bytes straight into a pooled buffer that goes to a stream when full: numbers, amounts,
/// dates and keywords are formatted into the buffer and text is transcoded into it, so a row costs no string.
/// </summary>
/// <remarks>
/// The text fields quote and guard as <see cref="CsvOutput"/> does (SPEC §4) and give the same bytes as it gives
/// through the writers' UTF-8 <see cref="StreamWriter"/>. Numbers, dates, periods and keywords need neither quoting
/// nor the guard; a row's run of them must fit in <see cref="FixedRowBytes"/>, reserved by the caller when the row
/// starts (<see cref="Utf8Output.Reserve"/>); every text field leaves that much room after it.
/// </remarks>
internal sealed class Utf8CsvOutput : Utf8Output
{
    /// <summary>Room for a row of numbers, dates and keywords (an amount is at most 21 bytes, a date 10).</summary>
    internal const int FixedRowBytes = Slack;

    private const int DateSlots = 64;

    private static readonly SearchValues<char> QuoteTriggers = SearchValues.Create(",\"\r\n");

    private readonly int[] _dateKeys = new int[DateSlots];
    private readonly byte[] _dates = new byte[DateSlots * 10];
    private readonly int[] _periodKeys = new int[DateSlots];
    private readonly byte[] _periods = new byte[DateSlots * 8];
    private bool _rowStarted;

    internal Utf8CsvOutput(Stream stream)
        : base(stream)
    {
        // No day number or month ordinal is -1 (both are 0 or more): every slot starts empty.
        Array.Fill(_dateKeys, -1);
        Array.Fill(_periodKeys, -1);
    }

    /// <summary>Writes the bytes of a field (or of several, already joined by commas) that need no quoting or guard.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Rendered(ReadOnlySpan<byte> utf8)
    {
        Separator();
        Bytes(utf8);
    }

    /// <summary>Writes bytes that continue the current field, which needs no quoting or guard (a keyword's suffix).</summary>
    internal void Append(ReadOnlySpan<byte> utf8) => Bytes(utf8);

    /// <summary>Writes one text field, quoted when needed and prefixed with <c>'</c> when it could start a formula (as <see cref="CsvOutput.Field(ReadOnlySpan{char})"/>).</summary>
    /// <exception cref="EncoderFallbackException">The text holds a lone surrogate.</exception>
    internal void Field(ReadOnlySpan<char> value)
    {
        Reserve(3);
        Separator();
        if (value.Length <= ShortText && (value.IsEmpty || !MayStartFormula(value[0])))
        {
            // Most fields are short ASCII needing no quotes (ids, sources, keywords): copied in one pass, else started over.
            Reserve(value.Length + Slack);
            if (Ascii.FromUtf16(value, _buffer.AsSpan(_length), out int n) == OperationStatus.Done && !value.ContainsAny(QuoteTriggers))
            {
                _length += n;
                return;
            }
        }

        bool guard = CsvOutput.NeedsFormulaGuard(value);
        bool quote = value.IndexOfAny(QuoteTriggers) >= 0;
        if (!quote)
        {
            if (guard) _buffer[_length++] = (byte)'\'';
            Chars(value);
            return;
        }

        _buffer[_length++] = (byte)'"';
        if (guard) _buffer[_length++] = (byte)'\'';
        int i;
        while ((i = value.IndexOf('"')) >= 0)
        {
            Chars(value[..(i + 1)]);
            _buffer[_length++] = (byte)'"';
            value = value[(i + 1)..];
        }
        Chars(value);
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes one text field given as UTF-8, quoted and guarded as <see cref="Field(ReadOnlySpan{char})"/> does
    /// (the characters that decide both are ASCII, and no byte of a multi-byte UTF-8 sequence is).</summary>
    internal void Utf8Field(ReadOnlySpan<byte> value)
    {
        Reserve(3);
        Separator();
        bool guard = CsvOutput.NeedsFormulaGuard(value);
        bool quote = value.IndexOfAny(",\"\r\n"u8) >= 0;
        if (quote) _buffer[_length++] = (byte)'"';
        if (guard) _buffer[_length++] = (byte)'\'';
        if (quote)
        {
            int i;
            while ((i = value.IndexOf((byte)'"')) >= 0)
            {
                Bytes(value[..(i + 1)], extra: 1);
                _buffer[_length++] = (byte)'"';
                value = value[(i + 1)..];
            }
        }
        Bytes(value, extra: 1);
        if (quote) _buffer[_length++] = (byte)'"';
    }

    /// <summary>Writes a string field (null is empty).</summary>
    internal void Field(string? value) => Field(value.AsSpan());

    /// <summary>Writes the text accumulated in <paramref name="sb"/> as one field.</summary>
    internal void Field(StringBuilder sb) => Field(CharsOf(sb));

    /// <summary>
    /// Writes a field the caller knows needs neither quoting nor the formula guard: a fixed keyword or an identifier
    /// (as <see cref="CsvOutput.PlainField"/>).
    /// </summary>
    internal void PlainField(ReadOnlySpan<char> value)
    {
        Reserve(1);
        Separator();
        Chars(value);
    }

    /// <summary>Writes an ID or card number, masked (first 6 and last 4 kept) when <paramref name="mask"/> is set.</summary>
    internal void MaskedField(ReadOnlySpan<char> value, bool mask) => Field(mask && !value.IsEmpty ? MaskedChars(value) : value);

    /// <summary>Writes a worker_id: masked whole when it is the worker's ID number (R30), else as free text.</summary>
    internal void WorkerIdField(string? workerId, string? idNumber, bool mask)
    {
        if (mask && PersonalData.IsIdNumber(workerId, idNumber)) Field(MaskedChars(workerId));
        else FreeTextField(workerId, mask);
    }

    /// <summary>Writes text from the inputs with every ID or card number in it masked when <paramref name="mask"/> is set.</summary>
    internal void FreeTextField(string? value, bool mask) => Field(FreeTextChars(value, mask));

    /// <summary>Writes an amount as yuan with two decimals (as <see cref="Money.TryFormat"/>), or an empty field.</summary>
    internal void Field(Money? value)
    {
        Separator();
        if (value is { } m) MoneyBytes(m);
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
            DateBytes(text, d);
            _dateKeys[slot] = d.DayNumber;
        }
        Bytes(text);
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
            PeriodBytes(text, value);
            _periodKeys[slot] = value.Ordinal;
        }
        Bytes(text);
    }

    /// <summary>Writes a month as <c>yyyy-MM</c>, or an empty field.</summary>
    internal void Field(YearMonth? value)
    {
        if (value is { } p) Field(p);
        else Separator();
    }

    /// <summary>Writes an integer.</summary>
    internal void Field(long value)
    {
        Separator();
        IntegerBytes(value);
    }

    /// <summary>Writes an integer, or an empty field.</summary>
    internal void Field(long? value)
    {
        Separator();
        if (value is { } v) IntegerBytes(v);
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
        Chars(commaSeparatedNames);
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
            throw LoneSurrogate();
        }
        return written;
    }

    /// <summary>True when a field starting with <paramref name="c"/> may need the formula guard (see <see cref="CsvOutput.NeedsFormulaGuard(ReadOnlySpan{char})"/>).</summary>
    private static bool MayStartFormula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator()
    {
        if (_rowStarted) _buffer[_length++] = (byte)',';
        _rowStarted = true;
    }
}
