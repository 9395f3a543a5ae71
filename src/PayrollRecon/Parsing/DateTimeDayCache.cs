using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PayrollRecon.Parsing;

/// <summary>
/// <see cref="DateParser.TryParseDateTime"/> for a column whose values mostly share the date of the value before
/// (attendance exported in time order: thousands of punches a day): the date of the last <c>yyyy-MM-dd HH:mm:ss</c>
/// value read is kept, and a value starting with the same ten bytes has only its time read.
/// </summary>
/// <remarks>A mutable struct kept in a field of its one reader (one thread); the same answers as the parser for every input.</remarks>
internal struct DateTimeDayCache
{
    // The first eight and the next two bytes of the last canonical date read (never all zero: they are digits and
    // dashes), and its midnight in ticks.
    private ulong _head;
    private ushort _tail;
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
                // The day number of a year up to MaxYear times ticks per day stays far below long.MaxValue.
                _head = head;
                _tail = tail;
                _dayTicks = unchecked(dayNumber * TimeSpan.TicksPerDay);
                value = new DateTime(unchecked(_dayTicks + timeTicks));
                return true;
            }
        }
        return DateParser.TryParseDateTimeGrammar(utf8, out value);
    }
}
