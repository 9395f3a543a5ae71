using System.Runtime.CompilerServices;
using System.Buffers;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>
/// UTF-8 bytes of a UTF-16 field, for the baselines that hand out <c>char</c> spans (Sep, Sylvan): the PayrollRecon field
/// parsers and the checksum take UTF-8, so each field they look at is transcoded into a reused buffer first.
/// </summary>
internal sealed class Utf16Fields
{
    private byte[] _buffer = new byte[1024];

    /// <summary>The UTF-8 bytes of <paramref name="field"/>, valid until the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> field)
    {
        if (field.Length * 3 > _buffer.Length) _buffer = new byte[field.Length * 3];
        OperationStatus status = System.Text.Unicode.Utf8.FromUtf16(field, _buffer, out _, out int written);
        if (status != OperationStatus.Done) throw new InvalidDataException("a field is not valid UTF-16");
        return _buffer.AsSpan(0, written);
    }
}
