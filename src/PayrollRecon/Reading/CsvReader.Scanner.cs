using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using static PayrollRecon.Reading.CsvMasks;

namespace PayrollRecon.Reading;

/// <summary>The resumable scanner: one record at a time, from wherever the last call stopped.</summary>
/// <remarks>
/// Reads the records the bulk indexer leaves (CsvReader.Indexer.cs): one longer than the window, one that may be too long,
/// one cut by the window's end, and every record of a header search. Its state lives in the reader's fields between calls.
/// </remarks>
public sealed partial class CsvReader
{
    /// <summary>Starts reading the record at <see cref="_start"/> with the resumable scanner.</summary>
    private void BeginSlowRecord()
    {
        _slow = true;
        _scanPos = _start;
        _fieldStart = _start;
        _fieldCount = 0;
        _inQuote = false;
        _tooLong = false;
        _tooManyFields = false;
        _recordNewlines = 0;
        _maskBase = -1;
    }

    private void EndSlowRecord(long newlines)
    {
        _line += 1 + newlines;
        _slow = false;
        // While the header is searched for, the next record's separator is decided on its own line again.
        _separatorPending = _headerSearch;
    }

    /// <summary>Puts the resumable scanner's field ends (relative to the record) into the index as one record.</summary>
    private void CopySlowFields(int recordStart, int count)
    {
        if (_ends.Length < count + 1)
        {
            ArrayPool<int>.Shared.Return(_ends);
            _ends = ArrayPool<int>.Shared.Rent(count + 1);
        }
        int[] ends = _ends;
        ends[0] = recordStart - 1;
        for (int k = 0; k < count; k++) ends[k + 1] = recordStart + _fields[k];
    }


    /// <summary>The least length the record being scanned can have: the window's rest, but for a carriage return at its end
    /// outside quotes, which ends the record (alone or with a LF) and so is not part of it.</summary>
    private int PendingRecordBytes()
    {
        int bytes = _end - _start;
        return bytes > 0 && !_inQuote && _buf[_end - 1] == CarriageReturn ? bytes - 1 : bytes;
    }

    /// <summary>Notes what a record handed out by the resumable scanner leaves for the next one.</summary>
    private void HandedOutSlow(bool unterminated)
    {
        // Only the input's last record can lack its line feed, so nothing after it can clear the flag again.
        _lastRecordUnterminated = unterminated;
        if (_headerSearch) _rowSeparator = _separator;
    }


    /// <summary>Scans the current record from <see cref="_scanPos"/>; true when its line feed was found (scan position just after it).</summary>
    /// <remarks>Positions are bounded by the window size, so the arithmetic here cannot overflow and runs unchecked.</remarks>
    private bool Scan()
    {
        unchecked
        {
            byte[] buf = _buf;
            int end = _end;
            int pos = _scanPos;
            if (_inQuote)
            {
                if (!ScanQuoted(ref pos))
                {
                    _scanPos = pos;
                    return false;
                }
                _maskBase = -1;
            }

            // Record state lives in locals in the loop and goes back to fields on exit.
            byte separator = _separator;
            int start = _start;
            int fieldStart = _fieldStart;
            int count = _fieldCount;
            bool keepFields = !_tooLong && !_tooManyFields;
            int[] fields = _fields;
            int maskBase = _maskBase;
            ulong mask = _mask;
            if (maskBase < 0 || pos < maskBase || pos >= maskBase + BlockBytes)
            {
                maskBase = pos;
                mask = LoadMask(pos);
            }
            else
            {
                mask &= ulong.MaxValue << (pos - maskBase);
            }

            ref byte data = ref MemoryMarshal.GetArrayDataReference(buf);
            while (true)
            {
                while (mask == 0)
                {
                    maskBase += BlockBytes;
                    if (maskBase >= end)
                    {
                        _fieldCount = count;
                        _fieldStart = fieldStart;
                        _scanPos = end;
                        _maskBase = -1;
                        return false;
                    }
                    mask = LoadMask(maskBase);
                }
                int idx = maskBase + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                byte b = Unsafe.Add(ref data, idx);
                if (b == CarriageReturn)
                {
                    // A carriage return ends the record unless a line feed follows (then that ends it); the last byte of
                    // the window waits for the next one unless the input has ended.
                    if (idx + 1 < end)
                    {
                        if (Unsafe.Add(ref data, idx + 1) == LineFeed) continue;
                    }
                    else if (!_inputDone)
                    {
                        _fieldCount = count;
                        _fieldStart = fieldStart;
                        _scanPos = idx;
                        _maskBase = -1;
                        return false;
                    }
                }
                if (b == separator || b == LineFeed || b == CarriageReturn)
                {
                    // A record already known to be too long is only scanned for its end; its fields are never handed out.
                    if (keepFields)
                    {
                        if (count == MaxFieldsPerRecord)
                        {
                            // Too many fields: the record is only scanned for its end from here on.
                            _tooManyFields = true;
                            keepFields = false;
                        }
                        else
                        {
                            if (count + 1 > fields.Length) fields = GrowFields();
                            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fields), count) = idx - start;
                            count++;
                        }
                    }
                    fieldStart = idx + 1;
                    if (b == separator) continue;
                    _fieldCount = count;
                    _fieldStart = idx + 1;
                    _scanPos = idx + 1;
                    _maskBase = maskBase;
                    _mask = mask;
                    return true;
                }

                // A quote opens a quoted field only as the field's first byte; elsewhere it is data.
                if (idx != fieldStart) continue;
                _inQuote = true;
                pos = idx + 1;
                if (!ScanQuoted(ref pos))
                {
                    _fieldCount = count;
                    _fieldStart = fieldStart;
                    _scanPos = pos;
                    _maskBase = -1;
                    return false;
                }
                maskBase = pos;
                mask = LoadMask(pos);
            }
        }
    }

    /// <summary>Finds the closing quote from <paramref name="pos"/>, counting line breaks inside the quotes; false when more input is needed.</summary>
    private bool ScanQuoted(ref int pos)
    {
        int close = CsvQuotes.FindClosing(_buf.AsSpan(0, _end), ref pos, _inputDone, ref _recordNewlines);
        if (close < 0) return false;
        pos = close + 1;
        _inQuote = false;
        return true;
    }

    /// <summary>Bit i set when byte <paramref name="pos"/> + i is a separator, line feed, carriage return or quote (bits at or past the window's end cleared).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong LoadMask(int pos)
    {
        ulong bits = LoadStructural(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buf), pos), _separator, _width);
        int avail = _end - pos;
        if (avail < BlockBytes) bits &= (1UL << avail) - 1;
        return bits;
    }

    /// <summary>Marks a field of a too-long record whose first byte was already dropped from the window (no later quote can open it).</summary>
    private const int FieldStartDropped = -1;

    private void AddField(int fieldEnd)
    {
        // A record already known to be too long is only scanned for its end; its fields are never handed out.
        if (_tooLong || _tooManyFields) return;
        if (_fieldCount == MaxFieldsPerRecord)
        {
            _tooManyFields = true;
            return;
        }
        if (_fieldCount + 1 > _fields.Length) GrowFields();
        _fields[_fieldCount++] = fieldEnd - _start;
    }

    private int[] GrowFields()
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(_fields.Length * 2);
        _fields.AsSpan().CopyTo(bigger);
        ArrayPool<int>.Shared.Return(_fields);
        _fields = bigger;
        return bigger;
    }

}
