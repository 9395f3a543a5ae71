using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PayrollRecon.Parsing;

/// <summary>
/// <see cref="DateParser.TryParseDateTime"/> and <see cref="DateParser.TryParseDateOrDateTime"/> for a column whose values
/// mostly share the date of the value before (attendance exported in time order: thousands of punches a day; a bank
/// statement: dozens of lines a day): the date of the last <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm:ss</c> value read
/// is kept, and a value starting with the same ten bytes has only its time read.
/// </summary>
/// <remarks>A mutable struct kept in a field of its one reader (one thread); the same answers as the parser for every input.</remarks>
internal struct DateTimeDayCache
{
    // The first eight and the next two bytes of the last canonical date read (never all zero: they are digits and
    // dashes), and its day number.
    private ulong _head;
    private ushort _tail;
    private int _dayNumber;

    /// <summary>Parses as <see cref="DateParser.TryParseDateTime"/> does, with the same result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseDateTime(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        if (utf8.Length == 19 && IsKnownDate(utf8) && DateParser.TryParseCanonicalTime(utf8, out long timeTicks))
        {
            // The day number of a year up to MaxYear times ticks per day stays far below long.MaxValue.
            value = new DateTime(unchecked((_dayNumber * TimeSpan.TicksPerDay) + timeTicks));
            return true;
        }
        return DateParser.TryParseDateTimeGrammar(utf8, out value);
    }

    /// <summary>Parses as <see cref="DateParser.TryParseDateOrDateTime"/> does, with the same result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseDateOrDateTime(ReadOnlySpan<byte> utf8, out DateOnly date, out TimeOnly? time)
    {
        if (utf8.Length is 19 or 10 && IsKnownDate(utf8))
        {
            if (utf8.Length == 10)
            {
                date = DateOnly.FromDayNumber(_dayNumber);
                time = null;
                return true;
            }
            if (DateParser.TryParseCanonicalTime(utf8, out long timeTicks))
            {
                date = DateOnly.FromDayNumber(_dayNumber);
                time = new TimeOnly(timeTicks);
                return true;
            }
        }
        return DateParser.TryParseDateOrDateTimeGrammar(utf8, out date, out time);
    }

    /// <summary>True when the first ten bytes of <paramref name="utf8"/> (at least ten) are a <c>yyyy-MM-dd</c> date, which
    /// is then the one kept: the same bytes as the date kept are it, other bytes are read and kept.</summary>
    /// <remarks>A date kept whatever follows it is still a date (the invariant is only that the ten bytes are valid).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsKnownDate(ReadOnlySpan<byte> utf8)
    {
        ulong head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
        ushort tail = BinaryPrimitives.ReadUInt16LittleEndian(utf8[8..]);
        if (head == _head && tail == _tail) return true;
        if (!DateParser.TryParseCanonicalDate(utf8, out int dayNumber)) return false;
        _head = head;
        _tail = tail;
        _dayNumber = dayNumber;
        return true;
    }
}
