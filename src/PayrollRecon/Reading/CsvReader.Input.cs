using System.Buffers;
using System.IO.Pipelines;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    /// <summary>Most bytes taken into the window per fill (also the pipe's buffer size).</summary>
    internal const int FillChunkBytes = 128 * 1024;

    /// <summary>Bytes looked at after the first non-ASCII byte to tell UTF-8 from GB18030.</summary>
    internal const int DetectionBytes = 64 * 1024;

    /// <summary>A sample that is not valid UTF-8 is still UTF-8 with at least this many valid multi-byte characters per
    /// invalid sequence (stray bytes in UTF-8 text); GB18030 text read as UTF-8 has fewer valid characters than invalid ones.</summary>
    internal const int Utf8CharactersPerStrayByte = 8;

    /// <summary>Source bytes the encoding was decided on: 3 for a byte order mark, the bytes through the end of the
    /// detection sample for text with non-ASCII bytes, 0 while the text has been ASCII (and for workbooks).</summary>
    public long EncodingDecidedOnBytes => _encodingDecidedOn;

    private enum InputState
    {
        ByteOrderMark,
        Undecided,
        Utf8,
        Gb18030,
    }

    /// <summary>Pulls more input into the window; false when the input is exhausted and no record is left.</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken = default)
    {
        if (_inputDone) return new ValueTask<bool>(_start < _end);
        Compact();
        if (_end >= _capacity) return new ValueTask<bool>(true);
        // Nothing gained from the file means its first non-ASCII byte went back in front of the pipe, which decides the
        // encoding on it.
        if (_fileReads && ReadFile(cancellationToken)) return new ValueTask<bool>(true);
        while (true)
        {
            ValueTask<ReadResult> pending = _reader.ReadAsync(cancellationToken);
            if (!pending.IsCompleted) return FillSlowAsync(pending, cancellationToken);
            if (Absorb(pending.Result)) return new ValueTask<bool>(true);
        }
    }

    private async ValueTask<bool> FillSlowAsync(ValueTask<ReadResult> pending, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await pending.ConfigureAwait(false);
            if (Absorb(result)) return true;
            pending = _reader.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Moves the unread bytes to the front of the window (for a too-long record, only what is still to be scanned).</summary>
    private void Compact()
    {
        _maskBase = -1;
        // Records not handed out yet are indexed again after the move; nothing of them has been changed in place.
        _rowCount = _rowNext = 0;
        _quotedCount = _quotedNext = 0;
        int keep = _tooLong ? _scanPos : _start;
        if (keep == 0) return;
        // The field began in the part being dropped, so its first byte has been scanned and no later quote can open it.
        if (_tooLong && _fieldStart < keep) _fieldStart = FieldStartDropped + keep;
        _buf.AsSpan(keep, _end - keep).CopyTo(_buf);
        _windowBase += keep;
        if (_tooLong) _start = keep;
        _start -= keep;
        _end -= keep;
        _scanPos -= keep;
        _fieldStart -= keep;
        _validatedEnd = Math.Max(0, _validatedEnd - keep);
        _suspectStart = Math.Max(0, _suspectStart - keep);
        _suspectEnd = Math.Max(0, _suspectEnd - keep);
    }

    /// <summary>Takes what a pipe read returned into the window; true when the window gained bytes or the input ended.</summary>
    private bool Absorb(in ReadResult result)
    {
        if (result.IsCanceled) throw new OperationCanceledException();
        ReadOnlySequence<byte> buffer = result.Buffer;
        bool completed = result.IsCompleted;
        bool progress = false;

        if (_state == InputState.ByteOrderMark)
        {
            if (buffer.Length < 3 && !completed)
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
                return false;
            }
            Span<byte> head = stackalloc byte[3];
            if (buffer.Length >= 2)
            {
                buffer.Slice(0, 2).CopyTo(head);
                // UTF-16 (Excel's "Unicode text"): neither of the encodings read (§2.1), and read as GB18030 every row
                // would be garbage; said plainly instead.
                if ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))
                    throw new PayrollDataException(FileName, new Reporting.LocalizedText(Reporting.MessageKey.Utf16Text, FileName));
            }
            if (buffer.Length >= 3)
            {
                buffer.Slice(0, 3).CopyTo(head);
                if (head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
                {
                    Encoding = TextEncodingKind.Utf8Bom;
                    _state = InputState.Utf8;
                    _encodingDecidedOn = 3;
                    buffer = buffer.Slice(3);
                    BytesRead += 3;
                }
            }
            if (_state == InputState.ByteOrderMark) _state = InputState.Undecided;
        }

        if (_state == InputState.Undecided)
        {
            long ascii = IndexOfNonAscii(buffer);
            long asciiLength = ascii < 0 ? buffer.Length : ascii;
            int copy = (int)Math.Min(asciiLength, _capacity - _end);
            buffer.Slice(0, copy).CopyTo(_buf.AsSpan(_end));
            _end += copy;
            BytesRead += copy;
            progress = copy > 0;
            if (copy < asciiLength)
            {
                _reader.AdvanceTo(buffer.GetPosition(copy));
                return true;
            }
            if (ascii < 0)
            {
                _inputDone = completed;
                _reader.AdvanceTo(buffer.End);
                // The pipe is empty: the file's next bytes go straight into the window for as long as they are ASCII.
                if (_file is not null && !completed) _fileReads = true;
                return progress || completed;
            }
            buffer = buffer.Slice(ascii);
            if (buffer.Length < DetectionBytes + 4 && !completed)
            {
                // Wait for enough text after the first non-ASCII byte to decide reliably.
                _reader.AdvanceTo(buffer.Start, buffer.End);
                return progress;
            }
            bool utf8 = LooksLikeUtf8(buffer, completed);
            _encodingDecidedOn = BytesRead + Math.Min(buffer.Length, DetectionBytes);
            Encoding = utf8 ? TextEncodingKind.Utf8 : TextEncodingKind.Gb18030;
            _state = utf8 ? InputState.Utf8 : InputState.Gb18030;
        }

        if (_state == InputState.Utf8)
        {
            int copy = (int)Math.Min(buffer.Length, _capacity - _end);
            buffer.Slice(0, copy).CopyTo(_buf.AsSpan(_end));
            _end += copy;
            BytesRead += copy;
            _inputDone = completed && copy == buffer.Length;
            ValidateNew();
            _reader.AdvanceTo(buffer.GetPosition(copy));
            // The pipe is empty and will not be read again: the file's next bytes go straight into the window.
            if (_file is not null && !completed && copy == buffer.Length) _fileReads = true;
            return progress || copy > 0 || _inputDone;
        }

        return AbsorbGb18030(buffer, completed) || progress;
    }

    /// <summary>Reads the next bytes of a UTF-8 file (or part of one) straight into the window (its reads complete
    /// synchronously, see <see cref="ReadOnlyStream.ReadsDirectly"/>), saving the pipe's copy; true, as the window gained
    /// bytes or the input ended.</summary>
    /// <remarks>While the text has been ASCII (the encoding undecided), the bytes from the first non-ASCII one on go back
    /// in front of the file's next ones, to be read through the pipe, which decides the encoding on them as on any input;
    /// false when that leaves the window without a byte more.</remarks>
    private bool ReadFile(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int read = _file!.Read(_buf, _end, Math.Min(_capacity - _end, FillChunkBytes));
        int ascii = _state == InputState.Undecided ? _buf.AsSpan(_end, read).IndexOfAnyInRange((byte)0x80, (byte)0xFF) : -1;
        if (ascii >= 0)
        {
            ReturnToPipe(_end + ascii, read - ascii);
            read = ascii;
        }
        _end += read;
        BytesRead += read;
        // Text still undecided is ASCII, which needs no validation (as in Absorb).
        if (_state == InputState.Utf8) ValidateNew();
        if (ascii >= 0) return read > 0;
        _inputDone = read == 0;
        return true;
    }

    /// <summary>Puts the <paramref name="count"/> window bytes at <paramref name="from"/>, read from the file but not taken,
    /// back in front of the file's next bytes: the pipe reads them again, then the file.</summary>
    /// <remarks>Once per input at most (the encoding is then decided); the new pipe owns the file as the first one did.</remarks>
    private void ReturnToPipe(int from, int count)
    {
        byte[] rest = _buf.AsSpan(from, count).ToArray();
        var again = new PrefixedStream(rest, count, _file!, ownsInner: !_leaveOpen);
        _file = again;
        _fileReads = false;
        // The pipe being left is empty (reads went to the file only once it was) and never completed: it would close the file.
        _reader = PipeReader.Create(again, new StreamPipeReaderOptions(bufferSize: FillChunkBytes, minimumReadSize: 4096, leaveOpen: false));
    }

    private bool AbsorbGb18030(ReadOnlySequence<byte> buffer, bool completed)
    {
        ReadOnlySpan<byte> source;
        if (buffer.IsSingleSegment)
        {
            source = buffer.FirstSpan;
        }
        else
        {
            // A character may straddle segments: transcode from one contiguous copy (a cheap memcpy).
            _staging ??= ArrayPool<byte>.Shared.Rent(FillChunkBytes);
            int n = (int)Math.Min(buffer.Length, _staging.Length);
            buffer.Slice(0, n).CopyTo(_staging);
            source = _staging.AsSpan(0, n);
        }
        bool wholeBuffer = source.Length == buffer.Length;
        OperationStatus status = Gb18030Transcoder.Transcode(
            source, _buf.AsSpan(_end, _capacity - _end), completed && wholeBuffer, out int consumed, out int written, out int invalidStart, out int invalidEnd);
        if (invalidStart >= 0)
        {
            // Invalid sequences come out as a byte that is never valid UTF-8, so the records holding one are found as in a UTF-8 file.
            if (_suspectEnd <= _suspectStart) _suspectStart = _end + invalidStart;
            _suspectEnd = _end + invalidEnd;
        }
        _end += written;
        BytesRead += consumed;
        SequencePosition position = buffer.GetPosition(consumed);
        if (status == OperationStatus.NeedMoreData && wholeBuffer)
        {
            _reader.AdvanceTo(position, buffer.End);
        }
        else
        {
            _inputDone = completed && consumed == buffer.Length;
            _reader.AdvanceTo(position);
        }
        return written > 0 || _inputDone;
    }

    private void ReturnStaging()
    {
        if (_staging is null) return;
        ArrayPool<byte>.Shared.Return(_staging);
        _staging = null;
    }

    private static long IndexOfNonAscii(in ReadOnlySequence<byte> buffer)
    {
        long offset = 0;
        foreach (ReadOnlyMemory<byte> segment in buffer)
        {
            int i = segment.Span.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (i >= 0) return offset + i;
            offset += segment.Length;
        }
        return -1;
    }

    /// <summary>
    /// SPEC §2.1 decided on a sample: the text from the first non-ASCII byte is UTF-8 when its first 64 KiB are valid
    /// UTF-8, or valid but for stray bytes (<see cref="Utf8CharactersPerStrayByte"/> valid multi-byte characters or more
    /// per invalid sequence); otherwise GB18030. The rows holding the invalid bytes become row errors.
    /// </summary>
    private static bool LooksLikeUtf8(in ReadOnlySequence<byte> buffer, bool completed)
    {
        int n = (int)Math.Min(buffer.Length, DetectionBytes);
        byte[] sample = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            buffer.Slice(0, n).CopyTo(sample);
            bool isWholeInput = completed && n == buffer.Length;
            int cut = isWholeInput ? n : CompleteSequencesEnd(sample, 0, n);
            return Utf8Validator.IsValid(sample.AsSpan(0, cut)) || MostlyUtf8(sample.AsSpan(0, cut));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sample);
        }
    }

    /// <summary>True when <paramref name="text"/> has at least <see cref="Utf8CharactersPerStrayByte"/> valid multi-byte
    /// UTF-8 characters per invalid sequence.</summary>
    internal static bool MostlyUtf8(ReadOnlySpan<byte> text)
    {
        long valid = 0;
        long invalid = 0;
        int i = 0;
        while (true)
        {
            int ascii = text[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0) break;
            i += ascii;
            OperationStatus status = System.Text.Rune.DecodeFromUtf8(text[i..], out _, out int consumed);
            if (status == OperationStatus.Done) valid++;
            else invalid++;
            i += Math.Max(consumed, 1);
        }
        return valid >= Utf8CharactersPerStrayByte * invalid;
    }

    /// <summary>Checks the newly arrived UTF-8 bytes; when they are not valid, records overlapping them are checked one by one.</summary>
    private void ValidateNew()
    {
        int from = _validatedEnd;
        int to = _inputDone ? _end : CompleteSequencesEnd(_buf, from, _end);
        if (to <= from) return;
        if (!Utf8Validator.IsValid(_buf.AsSpan(from, to - from)))
        {
            if (_suspectEnd <= _suspectStart) _suspectStart = from;
            _suspectEnd = to;
        }
        _validatedEnd = to;
    }

    /// <summary>End of <paramref name="buf"/>[from..end) without a trailing multi-byte sequence that the next bytes may complete.</summary>
    private static int CompleteSequencesEnd(byte[] buf, int from, int end)
    {
        for (int k = 1; k <= 3 && end - k >= from; k++)
        {
            byte b = buf[end - k];
            if (b < 0x80) return end;
            if (b >= 0xC0)
            {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > k ? end - k : end;
            }
        }
        return end;
    }
}
