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
    // dashes), and its midnight in ticks.
    private ulong _head;
    private ushort _tail;
    private int _dayNumber;
    private long _dayTicks;

    /// <summary>Parses as <see cref="DateParser.TryParseDateTime"/> does, with the same result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseDateTime(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        if (utf8.Length == 19)
        {
            ulong head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            ushort tail = BinaryPrimitives.ReadUInt16LittleEndian(utf8[8..]);
            long timeTicks;
            // The same ten bytes are the same valid date: only the time is left to read.
            if (head == _head && tail == _tail && DateParser.TryParseCanonicalTime(utf8, out timeTicks))
            {
                value = new DateTime(unchecked(_dayTicks + timeTicks));
                return true;
            }
            if (DateParser.TryParseCanonical(utf8, out int dayNumber, out timeTicks))
            {
                Keep(head, tail, dayNumber);
                value = new DateTime(unchecked(_dayTicks + timeTicks));
                return true;
            }
        }
        return DateParser.TryParseDateTimeGrammar(utf8, out value);
    }

    /// <summary>Parses as <see cref="DateParser.TryParseDateOrDateTime"/> does, with the same result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseDateOrDateTime(ReadOnlySpan<byte> utf8, out DateOnly date, out TimeOnly? time)
    {
        if (utf8.Length is 19 or 10)
        {
            ulong head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            ushort tail = BinaryPrimitives.ReadUInt16LittleEndian(utf8[8..]);
            if (head == _head && tail == _tail)
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
            else if (utf8.Length == 19 ? DateParser.TryParseCanonical(utf8, out int dayNumber, out long timeTicks) : DateParser.TryParseCanonicalDate(utf8, out dayNumber, out timeTicks))
            {
                Keep(head, tail, dayNumber);
                date = DateOnly.FromDayNumber(dayNumber);
                time = utf8.Length == 19 ? new TimeOnly(timeTicks) : null;
                return true;
            }
        }
        return DateParser.TryParseDateOrDateTimeGrammar(utf8, out date, out time);
    }

    private void Keep(ulong head, ushort tail, int dayNumber)
    {
        _head = head;
        _tail = tail;
        _dayNumber = dayNumber;
        // The day number of a year up to MaxYear times ticks per day stays far below long.MaxValue.
        _dayTicks = unchecked(dayNumber * TimeSpan.TicksPerDay);
    }
}
