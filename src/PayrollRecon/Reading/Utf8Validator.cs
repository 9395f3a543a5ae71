using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace PayrollRecon.Reading;

/// <summary>Tells whether bytes are well-formed UTF-8, with the same answer as <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>.</summary>
/// <remarks>
/// Chinese text has a byte ≥ 0x80 in nearly every 16 bytes, so the platform validator's ASCII fast path rarely applies
/// and it walks the characters one by one. With AVX2 this checks 32 bytes at a time with three nibble
/// lookups per byte pair (the "lookup" algorithm of Keiser and Lemire, <i>Validating UTF-8 in less than one instruction
/// per byte</i>, 2021): every error shows up as a bit that the table rows of the previous byte's nibbles and the current
/// byte's high nibble have in common, plus a check that the second and third byte after a three- or four-byte lead are
/// continuations. (An AVX-512 form, one 64-byte vector per step, measured no faster on the bank statement.)
/// </remarks>
internal static class Utf8Validator
{
    // The error bits of the tables.
    private const byte TooShort = 1 << 0;     // a lead or ASCII byte where a continuation was due
    private const byte TooLong = 1 << 1;      // a continuation after ASCII
    private const byte Overlong3 = 1 << 2;    // E0 followed by 80..9F
    private const byte TooLarge = 1 << 3;     // above U+10FFFF
    private const byte Surrogate = 1 << 4;    // ED followed by A0..BF
    private const byte Overlong2 = 1 << 5;    // C0 or C1 as a lead
    private const byte TooLarge1000 = 1 << 6; // F5..FF, or F4 followed by 90..BF
    private const byte Overlong4 = 1 << 6;    // F0 followed by 80..8F
    private const byte TwoContinuations = 1 << 7;
    private const byte Carry = TooShort | TooLong | TwoContinuations;

    /// <summary>True when <paramref name="utf8"/> is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8) => Avx2.IsSupported && utf8.Length >= 64 ? IsValid256(utf8) : Utf8.IsValid(utf8);

    // Every block is checked in full, ASCII or not: in Chinese text ASCII blocks come and go at random, and a shortcut for
    // them mispredicted more than it saved (the checks find nothing in ASCII after ASCII). Only the last block can leave a
    // sequence open, so that is checked once, at the end. The tail shorter than a block is checked by a call of its own
    // after the loop, so no vector of the loop lives across a call (all vector registers are the caller's to save).

    /// <summary>The AVX2 form of <see cref="IsValid(ReadOnlySpan{byte})"/>: a 64-byte block as two 32-byte vectors.</summary>
    /// <remarks>Positions are bounded by the span's length, so the arithmetic here cannot overflow and runs unchecked.</remarks>
    private static bool IsValid256(ReadOnlySpan<byte> utf8)
    {
        unchecked
        {
            ref byte p = ref MemoryMarshal.GetReference(utf8);
            int n = utf8.Length;
            Vector256<byte> error = Vector256<byte>.Zero;
            Vector256<byte> previous = Vector256<byte>.Zero;
            int i = 0;
            for (; i <= n - 64; i += 64)
            {
                Vector256<byte> a = Vector256.LoadUnsafe(ref p, (nuint)i);
                Vector256<byte> b = Vector256.LoadUnsafe(ref p, (nuint)(i + 32));
                error |= CheckBytes(a, previous) | CheckBytes(b, a);
                previous = b;
            }
            if (error != Vector256<byte>.Zero) return false;
            return i < n ? IsValidTail256(utf8[i..], previous) : Avx2.SubtractSaturate(previous, IncompleteLimits) == Vector256<byte>.Zero;
        }
    }

    /// <summary>The last bytes (fewer than 64) after <paramref name="previous"/>, as a block padded with zeros (ASCII,
    /// which also reports a sequence cut at the end).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsValidTail256(ReadOnlySpan<byte> rest, Vector256<byte> previous)
    {
        Span<byte> tail = stackalloc byte[64];
        tail.Clear();
        rest.CopyTo(tail);
        ref byte t = ref MemoryMarshal.GetReference(tail);
        Vector256<byte> a = Vector256.LoadUnsafe(ref t);
        Vector256<byte> b = Vector256.LoadUnsafe(ref t, 32);
        Vector256<byte> error = CheckBytes(a, previous) | CheckBytes(b, a) | Avx2.SubtractSaturate(b, IncompleteLimits);
        return error == Vector256<byte>.Zero;
    }

    /// <summary>Error bits for the 32 bytes of <paramref name="input"/>, given the 32 bytes before them (all zero when
    /// <paramref name="input"/> is ASCII, unless the bytes before it leave a sequence open).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> CheckBytes(Vector256<byte> input, Vector256<byte> previous)
    {
        // Bytes 1, 2 and 3 positions earlier: the high lane of the previous vector joined to the low lane of this one.
        Vector256<byte> joined = Avx2.Permute2x128(previous, input, 0x21);
        Vector256<byte> prev1 = Avx2.AlignRight(input, joined, 15);
        Vector256<byte> prev2 = Avx2.AlignRight(input, joined, 14);
        Vector256<byte> prev3 = Avx2.AlignRight(input, joined, 13);

        Vector256<byte> lowNibble = Vector256.Create((byte)0x0F);
        Vector256<byte> prev1High = Avx2.ShiftRightLogical(prev1.AsUInt16(), 4).AsByte() & lowNibble;
        Vector256<byte> prev1Low = prev1 & lowNibble;
        Vector256<byte> inputHigh = Avx2.ShiftRightLogical(input.AsUInt16(), 4).AsByte() & lowNibble;

        Vector256<byte> byte1High = Avx2.Shuffle(Vector256.Create(Vector128.Create(
            TooLong,
            TooLong,
            TooLong,
            TooLong,
            TooLong,
            TooLong,
            TooLong,
            TooLong,
            TwoContinuations,
            TwoContinuations,
            TwoContinuations,
            TwoContinuations,
            TooShort | Overlong2,
            TooShort,
            TooShort | Overlong3 | Surrogate,
            TooShort | TooLarge | TooLarge1000 | Overlong4)), prev1High);
        Vector256<byte> byte1Low = Avx2.Shuffle(Vector256.Create(Vector128.Create(
            Carry | Overlong3 | Overlong2 | Overlong4,
            Carry | Overlong2,
            Carry,
            Carry,
            Carry | TooLarge,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000 | Surrogate,
            Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000)), prev1Low);
        Vector256<byte> byte2High = Avx2.Shuffle(Vector256.Create(Vector128.Create(
            TooShort,
            TooShort,
            TooShort,
            TooShort,
            TooShort,
            TooShort,
            TooShort,
            TooShort,
            TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge1000 | Overlong4,
            TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge,
            TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
            TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
            TooShort,
            TooShort,
            TooShort,
            TooShort)), inputHigh);
        Vector256<byte> special = byte1High & byte1Low & byte2High;

        // The second byte after a lead E0..FF and the third after F0..FF must be continuations (bit 7 of special).
        Vector256<byte> mustBeContinuation = Avx2.SubtractSaturate(prev2, Vector256.Create((byte)(0xE0 - 0x80)))
            | Avx2.SubtractSaturate(prev3, Vector256.Create((byte)(0xF0 - 0x80)));
        return (mustBeContinuation & Vector256.Create((byte)0x80)) ^ special;
    }

    /// <summary>Per byte of the last 32 bytes, the largest value that leaves no sequence open at the end: only the last
    /// three bytes can start one (a four-byte lead at 29, a three-byte one at 30, any lead at 31).</summary>
    private static Vector256<byte> IncompleteLimits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create(
            (byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xEF, 0xDF, 0xBF);
    }
}
