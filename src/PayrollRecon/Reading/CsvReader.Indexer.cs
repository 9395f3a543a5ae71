using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using static PayrollRecon.Reading.CsvMasks;

namespace PayrollRecon.Reading;

/// <summary>The bulk indexer: every complete record of the window indexed in one pass, ahead of the rows handed out.</summary>
public sealed partial class CsvReader
{
    /// <summary>Bytes per block of the bulk indexer (one 64-bit mask).</summary>
    private const int IndexBlockBytes = CsvMasks.BlockBytes;

    /// <summary>Field ends one bulk pass may record (a pass stops a block early so one more block always fits).</summary>
    private const int IndexEnds = 4096;

    /// <summary>Records one bulk pass may record.</summary>
    private const int IndexRowsMax = 1024;

    /// <summary>
    /// Indexes the complete records from <see cref="_start"/> on in one pass over 64-byte blocks: separators and line feeds
    /// of a block come as one bit mask whose set bits are written to <see cref="_ends"/> without a branch per bit; only
    /// blocks holding a quote take the careful walk. Stops before a record that is not complete in the window.
    /// </summary>
    /// <remarks>Positions are bounded by the window size, so the arithmetic here cannot overflow and runs unchecked.</remarks>
    private void IndexRows()
    {
        unchecked
        {
            byte[] buf = _buf;
            int[] ends = _ends;
            int[] rowLast = _rowLast;
            int[] quoted = _quoted;
            ref byte data = ref MemoryMarshal.GetArrayDataReference(buf);
            ref int endSlot = ref MemoryMarshal.GetArrayDataReference(ends);
            ref int rowSlot = ref MemoryMarshal.GetArrayDataReference(rowLast);
            byte separator = _separator;
            CsvVectorWidth width = _width;
            int end = _end;
            int pos = _start;
            ends[0] = pos - 1;
            rowLast[0] = 0;
            int endCount = 1;
            int rowCount = 0;
            int quotedCount = 0;
            int endLimit = Math.Min(ends.Length, IndexEnds + IndexBlockBytes + 1) - IndexBlockBytes;
            const int RowLimit = IndexRowsMax;

            while (pos < end && endCount <= endLimit && rowCount <= RowLimit)
            {
                // Nearly every block has neither a quote nor a carriage return: its two masks are all the step below needs.
                // The window's last block (bytes past its end, masked off below) takes the general path.
                if (end - pos > IndexBlockBytes && LoadPlain(ref Unsafe.Add(ref data, pos), separator, width, out ulong plain, out ulong plainLineFeeds))
                {
                    Debug.Assert(endCount + Math.Max(8, BitOperations.PopCount(plain)) <= ends.Length, "field ends past the index");
                    Debug.Assert(rowCount + 1 + Math.Max(2, BitOperations.PopCount(plainLineFeeds)) <= rowLast.Length, "record ends past the index");
                    IndexBlock(ref endSlot, ref rowSlot, ref endCount, ref rowCount, pos, plain, plainLineFeeds);
                    pos += IndexBlockBytes;
                    continue;
                }

                ulong separators = Load(ref Unsafe.Add(ref data, pos), separator, width, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns);

                // A carriage return ends a record unless a line feed follows it (CRLF ends at its LF). Bit i of lfNext is
                // set when byte i + 1 is a line feed; the byte after the block is read from the window (or its padding).
                ulong lfNext = (lineFeeds >> 1) | ((ulong)(Unsafe.Add(ref data, pos + IndexBlockBytes) == LineFeed ? 1 : 0) << 63);
                int avail = end - pos;
                if (avail <= IndexBlockBytes)
                {
                    ulong keep = avail == IndexBlockBytes ? ulong.MaxValue : (1UL << avail) - 1;
                    separators &= keep;
                    lineFeeds &= keep;
                    quotes &= keep;
                    carriageReturns &= keep;
                    // A carriage return as the window's last byte waits for the next byte unless the input has ended.
                    lfNext = (lineFeeds >> 1) | (_inputDone ? 0 : 1UL << (avail - 1));
                }
                lineFeeds |= carriageReturns & ~lfNext;
                ulong structural = separators | lineFeeds | quotes;

                // The block step below writes up to eight ends and two record ends whatever the block holds, and the quote
                // walk one of each per bit: the arrays have a block's worth of slack past the limits checked by the loop.
                Debug.Assert(endCount + Math.Max(8, BitOperations.PopCount(structural)) <= ends.Length, "field ends past the index");
                Debug.Assert(rowCount + 1 + Math.Max(2, BitOperations.PopCount(lineFeeds)) <= rowLast.Length, "record ends past the index");
                Debug.Assert(quotedCount + 2 <= quoted.Length, "quoted records past the index");

                if (quotes == 0)
                {
                    IndexBlock(ref endSlot, ref rowSlot, ref endCount, ref rowCount, pos, structural, lineFeeds);
                    pos += IndexBlockBytes;
                    continue;
                }

                int next = pos + IndexBlockBytes;
                while (structural != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(structural);
                    structural &= structural - 1;
                    if (((quotes >> bit) & 1) == 0)
                    {
                        Unsafe.Add(ref endSlot, endCount) = pos + bit;
                        Unsafe.Add(ref rowSlot, rowCount + 1) = endCount;
                        endCount++;
                        rowCount += (int)(lineFeeds >> bit) & 1;
                        continue;
                    }

                    // A quote opens a quoted field only as the field's first byte; elsewhere it is data.
                    int idx = pos + bit;
                    if (idx != Unsafe.Add(ref endSlot, endCount - 1) + 1) continue;

                    // Nearly always the closing quote is in this block, with the byte after it (not a quote: a "" is data):
                    // the quoted bytes are skipped in the masks, and the line ends among them counted from them.
                    ulong later = quotes & ~((2UL << bit) - 1);
                    int c = BitOperations.TrailingZeroCount(later);
                    if (c < IndexBlockBytes - 1 && c + 1 < avail && ((quotes >> (c + 1)) & 1) == 0)
                    {
                        ulong inside = ((1UL << c) - 1) & ~((2UL << bit) - 1);
                        NoteQuoted(quoted, ref quotedCount, rowCount, BitOperations.PopCount(lineFeeds & inside));
                        structural &= ~((2UL << c) - 1);
                        continue;
                    }

                    // Else it is searched for in the window. The record is indexed only when its closing quote and the byte
                    // after that are in the window: a quote as the window's last byte may be the first of a "", so its
                    // record is left for the resumable scanner.
                    int from = idx + 1;
                    long newlines = 0;
                    int close = CsvQuotes.FindClosing(new ReadOnlySpan<byte>(buf, 0, end), ref from, inputDone: false, ref newlines);
                    if (close < 0) goto Stop;
                    // Line ends within the window: at most its size.
                    NoteQuoted(quoted, ref quotedCount, rowCount, (int)newlines);
                    next = close + 1;
                    break;
                }
                pos = next;
            }

        Stop:
            // The record cut off at the end belongs to the next pass.
            if (quotedCount > 0 && quoted[quotedCount - 2] == rowCount) quotedCount -= 2;
            _rowCount = rowCount;
            _rowNext = 0;
            _quotedCount = quotedCount;
            _quotedNext = 0;
        }
    }

    /// <summary>Notes that record <paramref name="row"/> has a quoted field with <paramref name="newlines"/> line ends inside its quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NoteQuoted(int[] quoted, ref int quotedCount, int row, int newlines)
    {
        if (quotedCount > 0 && quoted[quotedCount - 2] == row)
        {
            quoted[quotedCount - 1] += newlines;
            return;
        }
        quoted[quotedCount] = row;
        quoted[quotedCount + 1] = newlines;
        quotedCount += 2;
    }

    /// <summary>
    /// Records the field ends and record ends of one quote-free block. A block holds a varying number of them, so a loop
    /// per bit mispredicts its exit about once a block: the first eight ends and the first two line feeds are written
    /// unconditionally instead (a missing bit writes a harmless value past the counts, where the slack of the arrays lies),
    /// and only blocks with more take a loop.
    /// </summary>
    /// <remarks>
    /// The end index of a line feed at bit b is <paramref name="endCount"/> plus the structural bits below b. Positions are
    /// bounded by the window size and the counts by the index limits, so the arithmetic cannot overflow and runs unchecked.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void IndexBlock(ref int endSlot, ref int rowSlot, ref int endCount, ref int rowCount, int pos, ulong structural, ulong lineFeeds)
    {
        unchecked
        {
            int count = endCount;
            int rows = rowCount;
            ref int ends = ref Unsafe.Add(ref endSlot, count);
            int n = BitOperations.PopCount(structural);
            ulong s = structural;
            ends = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 1) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 2) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 3) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 4) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 5) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 6) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 7) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            if (n > 8)
            {
                for (int k = 8; s != 0; k++)
                {
                    Unsafe.Add(ref ends, k) = pos + BitOperations.TrailingZeroCount(s);
                    s &= s - 1;
                }
            }

            // A shift by 64 is a shift by 0 in C#, so a missing line feed (bit 64) masks nothing and writes the count itself.
            ulong lf = lineFeeds;
            ref int rowEnds = ref Unsafe.Add(ref rowSlot, rows + 1);
            rowEnds = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
            lf &= lf - 1;
            Unsafe.Add(ref rowEnds, 1) = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
            lf &= lf - 1;
            for (int k = 2; lf != 0; k++)
            {
                Unsafe.Add(ref rowEnds, k) = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
                lf &= lf - 1;
            }
            endCount = count + n;
            rowCount = rows + BitOperations.PopCount(lineFeeds);
        }
    }

}
