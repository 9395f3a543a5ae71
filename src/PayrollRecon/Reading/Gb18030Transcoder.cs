using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace PayrollRecon.Reading;

/// <summary>Transcodes GB18030 (GBK, GB2312) bytes to UTF-8 in chunks, without going through strings.</summary>
/// <remarks>
/// ASCII runs are copied as is and two-byte characters come from a table built once from the platform's
/// code page 54936 decoder; four-byte and malformed sequences are handed to that decoder one at a time,
/// so the output is exactly what the platform decoder would produce for well-formed text.
/// </remarks>
internal static class Gb18030Transcoder
{
    /// <summary>Room the transcoder keeps free in the destination for one character (the fallback can emit two UTF-16 units).</summary>
    private const int MaxBytesPerUnit = 16;
    private const int TrailCount = 0xFF - 0x40;

    private static readonly Encoding s_encoding = CreateEncoding();

    // Entry for lead 0x81..0xFE and trail 0x40..0xFE: UTF-8 bytes packed little-endian, byte length in the top byte; 0 = use the decoder.
    private static readonly uint[] s_twoByte = BuildTwoByteTable();

    /// <summary>The platform GB18030 encoding (code page 54936).</summary>
    public static Encoding Encoding => s_encoding;

    /// <summary>Transcodes as many whole characters of <paramref name="source"/> as fit into <paramref name="destination"/>.</summary>
    /// <param name="source">GB18030 bytes.</param>
    /// <param name="destination">UTF-8 output.</param>
    /// <param name="isFinal">True when no more input follows: a truncated trailing character is decoded (as U+FFFD) instead of left over.</param>
    /// <param name="consumed">Source bytes used.</param>
    /// <param name="written">Destination bytes written.</param>
    /// <param name="invalidStart">Where in <paramref name="destination"/> the first invalid sequence was written, or -1.</param>
    /// <param name="invalidEnd">Where the last invalid sequence written ends (0 when there is none).</param>
    /// <returns><see cref="OperationStatus.Done"/>, <see cref="OperationStatus.NeedMoreData"/> (a character is cut at the end)
    /// or <see cref="OperationStatus.DestinationTooSmall"/>.</returns>
    /// <remarks>An invalid sequence (a byte that starts no character, a lead byte without its trail, a four-byte sequence
    /// that maps to nothing) is written byte by byte, each of its bytes as <see cref="InvalidMarker"/> followed by the byte
    /// itself: the marker is never found in valid UTF-8, so a reader can tell the records that hold one, and the bytes
    /// kept behind it give the record back as it stands in the file (<see cref="ToSource"/>). None of those bytes is a
    /// separator, a quote or a line end (they are 0x30 or more). The bytes after an invalid lead byte are read again as
    /// characters of their own.</remarks>
    public static OperationStatus Transcode(
        ReadOnlySpan<byte> source, Span<byte> destination, bool isFinal, out int consumed, out int written, out int invalidStart, out int invalidEnd) =>
        Transcode(source, destination, isFinal, InvalidMarker, out consumed, out written, out invalidStart, out invalidEnd);

    /// <summary>Transcodes as <see cref="Transcode(ReadOnlySpan{byte}, Span{byte}, bool, out int, out int, out int, out int)"/>,
    /// an invalid sequence written as <c>?</c> (as the platform decoder does).</summary>
    public static OperationStatus Transcode(ReadOnlySpan<byte> source, Span<byte> destination, bool isFinal, out int consumed, out int written) =>
        Transcode(source, destination, isFinal, (byte)'?', out consumed, out written, out _, out _);

    private static OperationStatus Transcode(
        ReadOnlySpan<byte> source, Span<byte> destination, bool isFinal, byte invalid, out int consumed, out int written, out int invalidStart, out int invalidEnd)
    {
        invalidStart = -1;
        invalidEnd = 0;
        int i = 0;
        int o = 0;
        ref byte src = ref MemoryMarshal.GetReference(source);
        uint[] table = s_twoByte;
        while (i < source.Length)
        {
            int ascii = source[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0) ascii = source.Length - i;
            int room = destination.Length - o;
            if (ascii > room)
            {
                source.Slice(i, room).CopyTo(destination[o..]);
                consumed = i + room;
                written = o + room;
                return OperationStatus.DestinationTooSmall;
            }
            source.Slice(i, ascii).CopyTo(destination[o..]);
            i += ascii;
            o += ascii;

            while (i < source.Length)
            {
                byte lead = Unsafe.Add(ref src, i);
                if (lead < 0x80) break;
                if (destination.Length - o < MaxBytesPerUnit)
                {
                    consumed = i;
                    written = o;
                    return OperationStatus.DestinationTooSmall;
                }
                int unit = UnitLength(source[i..], isFinal);
                if (unit == 0)
                {
                    consumed = i;
                    written = o;
                    return OperationStatus.NeedMoreData;
                }
                // A four-byte character cut to two bytes at the end of the input is also two bytes long; only a real
                // two-byte character (trail 0x40 or above) is in the table.
                if (unit == 2 && Unsafe.Add(ref src, i + 1) >= 0x40)
                {
                    byte trail = Unsafe.Add(ref src, i + 1);
                    uint entry = table[(lead - 0x81) * TrailCount + (trail - 0x40)];
                    if (entry != 0)
                    {
                        // Room for four bytes is guaranteed above; the length says how many count.
                        Unsafe.WriteUnaligned(ref destination[o], entry & 0x00FF_FFFF);
                        o += (int)(entry >> 24);
                        i += 2;
                        continue;
                    }
                }
                int n = DecodeUnit(source.Slice(i, unit), destination[o..], out bool valid);
                if (!valid)
                {
                    // As '?', the platform decoder's text is kept; otherwise each byte of the sequence follows a marker
                    // (at most 8 bytes, within the room kept free).
                    if (invalid != (byte)'?')
                    {
                        for (int k = 0; k < unit; k++)
                        {
                            destination[o + 2 * k] = invalid;
                            destination[o + 2 * k + 1] = Unsafe.Add(ref src, i + k);
                        }
                        n = 2 * unit;
                    }
                    if (invalidStart < 0) invalidStart = o;
                    invalidEnd = o + n;
                }
                o += n;
                i += unit;
            }
        }
        consumed = i;
        written = o;
        return OperationStatus.Done;
    }

    /// <summary>Written before each byte of an invalid sequence: never a byte of valid UTF-8.</summary>
    public const byte InvalidMarker = 0xFF;

    /// <summary>
    /// The GB18030 bytes that <paramref name="transcoded"/> (output of <see cref="Transcode(ReadOnlySpan{byte}, Span{byte}, bool, out int, out int, out int, out int)"/>
    /// for whole characters) came from: its text encoded back (GB18030 is one-to-one on the characters it decodes) and
    /// each invalid byte as kept behind its marker.
    /// </summary>
    public static byte[] ToSource(ReadOnlySpan<byte> transcoded)
    {
        var bytes = new List<byte>(transcoded.Length);
        while (!transcoded.IsEmpty)
        {
            int marker = transcoded.IndexOf(InvalidMarker);
            var text = marker < 0 ? transcoded : transcoded[..marker];
            if (!text.IsEmpty) bytes.AddRange(s_encoding.GetBytes(Encoding.UTF8.GetString(text)));
            if (marker < 0) break;
            if (marker + 1 < transcoded.Length) bytes.Add(transcoded[marker + 1]);
            transcoded = transcoded[Math.Min(marker + 2, transcoded.Length)..];
        }
        return [.. bytes];
    }

    /// <summary>Length of the character unit that starts at a byte ≥ 0x80 (1 for an invalid lead byte), or 0 when it is cut
    /// at the end of a non-final chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int UnitLength(ReadOnlySpan<byte> s, bool isFinal)
    {
        byte lead = s[0];
        if (lead == 0x80 || lead == 0xFF) return 1;
        if (s.Length < 2) return isFinal ? 1 : 0;
        byte b1 = s[1];
        if (b1 >= 0x40 && b1 != 0x7F && b1 != 0xFF) return 2;
        if (b1 is >= 0x30 and <= 0x39)
        {
            // A four-byte sequence is lead, 0x30..0x39, 0x81..0xFE, 0x30..0x39; anything else leaves the lead alone (invalid).
            // One cut short by the end of the input is one invalid unit, as the platform decoder reads it.
            if (s.Length < 3) return isFinal ? s.Length : 0;
            if (s[2] is < 0x81 or > 0xFE) return 1;
            if (s.Length < 4) return isFinal ? s.Length : 0;
            return s[3] is >= 0x30 and <= 0x39 ? 4 : 1;
        }
        return 1;
    }

    /// <summary>Decodes one unit into <paramref name="destination"/> with the platform decoder; <paramref name="valid"/> is
    /// false when the unit is invalid or maps to nothing (the decoder writes '?' for it, never the decoding of a sequence
    /// that starts at a byte of 0x80 or more).</summary>
    private static int DecodeUnit(ReadOnlySpan<byte> unit, Span<byte> destination, out bool valid)
    {
        Span<char> chars = stackalloc char[8];
        int n = s_encoding.GetChars(unit, chars);
        valid = unit.Length > 1 && !chars[..n].Contains('?');
        Utf8.FromUtf16(chars[..n], destination, out _, out int written);
        return written;
    }

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    private static uint[] BuildTwoByteTable()
    {
        var table = new uint[(0xFE - 0x81 + 1) * TrailCount];
        Span<byte> pair = stackalloc byte[2];
        Span<char> chars = stackalloc char[4];
        Span<byte> utf8 = stackalloc byte[4];
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                if (trail == 0x7F) continue;
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                int n = s_encoding.GetChars(pair, chars);
                if (n != 1 || char.IsSurrogate(chars[0])) continue;
                Utf8.FromUtf16(chars[..1], utf8, out _, out int len);
                uint packed = (uint)len << 24;
                for (int k = 0; k < len; k++) packed |= (uint)utf8[k] << (8 * k);
                table[(lead - 0x81) * TrailCount + (trail - 0x40)] = packed;
            }
        }
        return table;
    }
}
