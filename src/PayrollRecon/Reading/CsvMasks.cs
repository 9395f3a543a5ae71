using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PayrollRecon.Reading;

/// <summary>The vector width the CSV core finds structure with: 512, 256 or 128 bits, or a byte at a time.</summary>
internal enum CsvVectorWidth
{
    Scalar = 0,
    Vector128 = 128,
    Vector256 = 256,
    Vector512 = 512,
}

/// <summary>
/// The CSV core's one way of finding structure: for a 64-byte block, one bit mask per character class (separator, line
/// feed, quote, carriage return), at the vector width chosen for the reader.
/// </summary>
/// <remarks>
/// Every width gives the same masks, so the bulk indexer and the resumable scanner behave the same on every machine;
/// <see cref="Use"/> lets tests run the reader at each width the CPU supports, as a machine with less would.
/// </remarks>
internal static class CsvMasks
{
    /// <summary>Bytes per block: one bit of a 64-bit mask each.</summary>
    public const int BlockBytes = 64;

    public const byte Quote = (byte)'"';
    public const byte LineFeed = (byte)'\n';
    public const byte CarriageReturn = (byte)'\r';

    private static readonly AsyncLocal<CsvVectorWidth?> s_override = new();

    /// <summary>The widest vectors this CPU accelerates.</summary>
    public static CsvVectorWidth Widest { get; } =
        Vector512.IsHardwareAccelerated ? CsvVectorWidth.Vector512
        : Vector256.IsHardwareAccelerated ? CsvVectorWidth.Vector256
        : Vector128.IsHardwareAccelerated ? CsvVectorWidth.Vector128
        : CsvVectorWidth.Scalar;

    /// <summary>The width a reader created now uses: <see cref="Widest"/>, or the narrower one a test asked for with <see cref="Use"/>.</summary>
    public static CsvVectorWidth Current => s_override.Value is { } width && width < Widest ? width : Widest;

    /// <summary>Every width this CPU can run, widest first (a width it cannot run would silently run as a narrower one).</summary>
    public static IReadOnlyList<CsvVectorWidth> Supported { get; } =
        [.. new[] { CsvVectorWidth.Vector512, CsvVectorWidth.Vector256, CsvVectorWidth.Vector128, CsvVectorWidth.Scalar }.Where(w => w <= Widest)];

    /// <summary>Readers created in this flow of execution (this test), until the result is disposed, use at most <paramref name="width"/>.</summary>
    public static IDisposable Use(CsvVectorWidth width)
    {
        CsvVectorWidth? previous = s_override.Value;
        s_override.Value = width;
        return new Restore(previous);
    }

    private sealed class Restore(CsvVectorWidth? previous) : IDisposable
    {
        public void Dispose() => s_override.Value = previous;
    }

    /// <summary>
    /// Bit i of the result set when byte i at <paramref name="p"/> is the separator; the line feeds, quotes and carriage
    /// returns come in their own masks. Reads 64 bytes from <paramref name="p"/>, so the caller's buffer has the slack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Load(ref byte p, byte separator, CsvVectorWidth width, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns)
    {
        if (Vector512.IsHardwareAccelerated && width == CsvVectorWidth.Vector512)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref p);
            lineFeeds = Vector512.Equals(v, Vector512.Create(LineFeed)).ExtractMostSignificantBits();
            quotes = Vector512.Equals(v, Vector512.Create(Quote)).ExtractMostSignificantBits();
            carriageReturns = Vector512.Equals(v, Vector512.Create(CarriageReturn)).ExtractMostSignificantBits();
            return Vector512.Equals(v, Vector512.Create(separator)).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated && width >= CsvVectorWidth.Vector256)
        {
            Vector256<byte> lo = Vector256.LoadUnsafe(ref p);
            Vector256<byte> hi = Vector256.LoadUnsafe(ref p, 32);
            lineFeeds = Bits(lo, hi, LineFeed);
            quotes = Bits(lo, hi, Quote);
            carriageReturns = Bits(lo, hi, CarriageReturn);
            return Bits(lo, hi, separator);
        }
        if (Vector128.IsHardwareAccelerated && width >= CsvVectorWidth.Vector128)
        {
            Vector128<byte> a = Vector128.LoadUnsafe(ref p);
            Vector128<byte> b = Vector128.LoadUnsafe(ref p, 16);
            Vector128<byte> c = Vector128.LoadUnsafe(ref p, 32);
            Vector128<byte> d = Vector128.LoadUnsafe(ref p, 48);
            lineFeeds = Bits(a, b, c, d, LineFeed);
            quotes = Bits(a, b, c, d, Quote);
            carriageReturns = Bits(a, b, c, d, CarriageReturn);
            return Bits(a, b, c, d, separator);
        }
        ulong sepBits = 0;
        ulong lfBits = 0;
        ulong quoteBits = 0;
        ulong crBits = 0;
        for (int i = 0; i < BlockBytes; i++)
        {
            byte b = Unsafe.Add(ref p, i);
            if (b == separator) sepBits |= 1UL << i;
            else if (b == LineFeed) lfBits |= 1UL << i;
            else if (b == Quote) quoteBits |= 1UL << i;
            else if (b == CarriageReturn) crBits |= 1UL << i;
        }
        lineFeeds = lfBits;
        quotes = quoteBits;
        carriageReturns = crBits;
        return sepBits;
    }

    /// <summary>
    /// For a block with no quote and no carriage return (nearly every block of a file with LF line ends): true, with bit i
    /// of <paramref name="structural"/> set when byte i is the separator or a line feed and of <paramref name="lineFeeds"/>
    /// when it is a line feed, the masks <see cref="Load"/> gives such a block; false for any other block, which
    /// <see cref="Load"/> then reads. Reads 64 bytes from <paramref name="p"/>, so the caller's buffer has the slack.
    /// </summary>
    /// <remarks>Two masks taken from the vectors instead of four: the quote and carriage-return comparisons are only tested
    /// for any match, together.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LoadPlain(ref byte p, byte separator, CsvVectorWidth width, out ulong structural, out ulong lineFeeds)
    {
        if (Vector512.IsHardwareAccelerated && width == CsvVectorWidth.Vector512)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref p);
            Vector512<byte> lf = Vector512.Equals(v, Vector512.Create(LineFeed));
            Vector512<byte> rare = Vector512.Equals(v, Vector512.Create(Quote)) | Vector512.Equals(v, Vector512.Create(CarriageReturn));
            lineFeeds = lf.ExtractMostSignificantBits();
            structural = (Vector512.Equals(v, Vector512.Create(separator)) | lf).ExtractMostSignificantBits();
            return rare == Vector512<byte>.Zero;
        }
        if (Vector256.IsHardwareAccelerated && width >= CsvVectorWidth.Vector256)
        {
            Vector256<byte> lo = Vector256.LoadUnsafe(ref p);
            Vector256<byte> hi = Vector256.LoadUnsafe(ref p, 32);
            Vector256<byte> lfCode = Vector256.Create(LineFeed);
            Vector256<byte> sep = Vector256.Create(separator);
            Vector256<byte> quote = Vector256.Create(Quote);
            Vector256<byte> cr = Vector256.Create(CarriageReturn);
            Vector256<byte> lfLo = Vector256.Equals(lo, lfCode);
            Vector256<byte> lfHi = Vector256.Equals(hi, lfCode);
            Vector256<byte> rare = Vector256.Equals(lo, quote) | Vector256.Equals(lo, cr) | Vector256.Equals(hi, quote) | Vector256.Equals(hi, cr);
            lineFeeds = lfLo.ExtractMostSignificantBits() | ((ulong)lfHi.ExtractMostSignificantBits() << 32);
            structural = (Vector256.Equals(lo, sep) | lfLo).ExtractMostSignificantBits()
                | ((ulong)(Vector256.Equals(hi, sep) | lfHi).ExtractMostSignificantBits() << 32);
            return rare == Vector256<byte>.Zero;
        }
        if (Vector128.IsHardwareAccelerated && width >= CsvVectorWidth.Vector128)
        {
            Vector128<byte> a = Vector128.LoadUnsafe(ref p);
            Vector128<byte> b = Vector128.LoadUnsafe(ref p, 16);
            Vector128<byte> c = Vector128.LoadUnsafe(ref p, 32);
            Vector128<byte> d = Vector128.LoadUnsafe(ref p, 48);
            Vector128<byte> quote = Vector128.Create(Quote);
            Vector128<byte> cr = Vector128.Create(CarriageReturn);
            Vector128<byte> rare = Vector128.Equals(a, quote) | Vector128.Equals(a, cr) | Vector128.Equals(b, quote) | Vector128.Equals(b, cr)
                | Vector128.Equals(c, quote) | Vector128.Equals(c, cr) | Vector128.Equals(d, quote) | Vector128.Equals(d, cr);
            lineFeeds = Bits(a, b, c, d, LineFeed);
            structural = Bits(a, b, c, d, separator) | lineFeeds;
            return rare == Vector128<byte>.Zero;
        }
        ulong separators = Load(ref p, separator, width, out lineFeeds, out ulong quotes, out ulong carriageReturns);
        structural = separators | lineFeeds;
        return (quotes | carriageReturns) == 0;
    }

    /// <summary>Bit i set when byte i at <paramref name="p"/> is the separator, a line feed, a quote or a carriage return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadStructural(ref byte p, byte separator, CsvVectorWidth width)
    {
        ulong separators = Load(ref p, separator, width, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns);
        return separators | lineFeeds | quotes | carriageReturns;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Vector256<byte> lo, Vector256<byte> hi, byte value)
    {
        Vector256<byte> c = Vector256.Create(value);
        return Vector256.Equals(lo, c).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(hi, c).ExtractMostSignificantBits() << 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, Vector128<byte> d, byte value)
    {
        Vector128<byte> v = Vector128.Create(value);
        return Vector128.Equals(a, v).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(b, v).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(c, v).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(d, v).ExtractMostSignificantBits() << 48);
    }
}
