using System.Text;

namespace PayrollRecon.Reporting;

/// <summary>Creates the buffered UTF-8 writers every output goes through.</summary>
internal static class OutputText
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Characters buffered per writer.</summary>
    /// <remarks>Small enough that the writer's char buffer (2 bytes a char) and its encoded-byte buffer (3 bytes a char)
    /// stay below the 85,000-byte large-object threshold: in a batch every project opens three writers, and large
    /// buffers there made nearly every garbage collection a full one.</remarks>
    internal const int BufferChars = 16 * 1024;

    /// <summary>A buffered writer over <paramref name="stream"/> (left open), LF line ends, optionally after a BOM.</summary>
    /// <remarks>The BOM is written explicitly: <see cref="StreamWriter"/> skips the preamble on a stream not at position 0.</remarks>
    internal static StreamWriter Create(Stream stream, bool byteOrderMark)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (byteOrderMark) stream.Write([0xEF, 0xBB, 0xBF]);
        return new StreamWriter(stream, Utf8NoBom, bufferSize: BufferChars, leaveOpen: true) { NewLine = "\n" };
    }

    /// <summary>
    /// Runs a UTF-8 writer on the stream under <paramref name="writer"/> when it is the writers' UTF-8 stream writer
    /// (the same bytes it would write), else on memory whose text then goes to <paramref name="writer"/>.
    /// </summary>
    internal static void ThroughStream(TextWriter writer, Action<Stream> write)
    {
        if (writer is StreamWriter { Encoding: UTF8Encoding } streamWriter)
        {
            streamWriter.Flush();
            write(streamWriter.BaseStream);
            return;
        }

        using var bytes = new MemoryStream();
        write(bytes);
        writer.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
    }

    /// <summary>Text for a one-line message: every control character (line breaks, ESC, BEL, C1) shown as <c>?</c>, so input text can neither break the line nor drive a terminal.</summary>
    internal static string ControlsShown(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')) return text;
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++) span[i] = char.IsControl(t[i]) ? '?' : t[i];
        });
    }
}
