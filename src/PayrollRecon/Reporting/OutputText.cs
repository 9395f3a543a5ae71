using System.Text;

namespace PayrollRecon.Reporting;

/// <summary>Creates the buffered UTF-8 writers every output goes through.</summary>
internal static class OutputText
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A buffered writer over <paramref name="stream"/> (left open), LF line ends, optionally after a BOM.</summary>
    /// <remarks>The BOM is written explicitly: <see cref="StreamWriter"/> skips the preamble on a stream not at position 0.</remarks>
    internal static StreamWriter Create(Stream stream, bool byteOrderMark)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (byteOrderMark) stream.Write([0xEF, 0xBB, 0xBF]);
        return new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }
}
