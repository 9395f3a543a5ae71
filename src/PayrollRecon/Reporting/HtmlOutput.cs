using System.Buffers;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>A thin writer for HTML: literal markup goes out as is, every other value is escaped.</summary>
/// <remarks>
/// UTF-8 straight into a pooled buffer (<see cref="Utf8Output"/>): markup given as UTF-8 literals is copied, text is
/// escaped and transcoded from its characters, numbers are formatted as digits, so a table row costs no string.
/// </remarks>
internal sealed class HtmlOutput : Utf8Output
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    internal HtmlOutput(Stream stream)
        : base(stream)
    {
    }

    /// <summary>Writes literal markup (never input data).</summary>
    internal HtmlOutput Raw(string markup)
    {
        Chars(markup);
        return this;
    }

    /// <summary>Writes literal markup given as UTF-8 (never input data).</summary>
    internal HtmlOutput Raw(ReadOnlySpan<byte> markup)
    {
        Reserve(markup.Length);
        Bytes(markup);
        return this;
    }

    /// <summary>Writes text escaped for both element content and quoted attribute values.</summary>
    /// <exception cref="EncoderFallbackException">The text holds a lone surrogate.</exception>
    internal HtmlOutput Text(ReadOnlySpan<char> text)
    {
        if (text.Length <= ShortText)
        {
            // Most texts are short ASCII needing no escape (ids, sources, numbers): copied in one pass, else started over.
            Reserve(text.Length);
            if (Ascii.FromUtf16(text, _buffer.AsSpan(_length), out int n) == OperationStatus.Done && !text.ContainsAny(Escaped))
            {
                _length += n;
                return this;
            }
        }

        while (text.Length > 0)
        {
            int i = text.IndexOfAny(Escaped);
            if (i < 0)
            {
                Chars(text);
                return this;
            }

            Chars(text[..i]);
            // Chars leaves room for an entity after it.
            Bytes(text[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                _ => "&#39;"u8,
            });
            text = text[(i + 1)..];
        }

        return this;
    }

    /// <summary>Writes text given as UTF-8, escaped as <see cref="Text(ReadOnlySpan{char})"/> escapes it (the five characters are
    /// ASCII, and no byte of a multi-byte UTF-8 sequence is).</summary>
    internal HtmlOutput Utf8Text(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            int i = text.IndexOfAny("&<>\"'"u8);
            if (i < 0)
            {
                Bytes(text, extra: 0);
                return this;
            }

            Bytes(text[..i], extra: 6);
            Bytes(text[i] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                (byte)'"' => "&quot;"u8,
                _ => "&#39;"u8,
            });
            text = text[(i + 1)..];
        }
    }

    /// <summary>Writes text escaped (null writes nothing).</summary>
    internal HtmlOutput Text(string? text) => Text(text.AsSpan());

    /// <summary>Writes text from the inputs escaped, every ID or card number in it masked when <paramref name="mask"/> is
    /// set (as <see cref="PersonalData.FreeText"/>; null writes nothing).</summary>
    internal HtmlOutput FreeText(string? text, bool mask) => Text(FreeTextChars(text, mask));

    /// <summary>Writes an ID or card number escaped, masked (first 6 and last 4 kept) when <paramref name="mask"/> is set
    /// (as <see cref="PersonalData.IdNumber"/>; null writes nothing).</summary>
    internal HtmlOutput IdNumber(string? idNumber, bool mask) => Text(mask && !string.IsNullOrEmpty(idNumber) ? MaskedChars(idNumber) : idNumber);

    /// <summary>Writes a worker_id escaped as <see cref="PersonalData.WorkerId"/> gives it: masked whole when it is the
    /// worker's ID number, else as free text.</summary>
    internal HtmlOutput WorkerId(string? workerId, string? idNumber, bool mask) =>
        Text(mask && PersonalData.IsIdNumber(workerId, idNumber) ? MaskedChars(workerId) : FreeTextChars(workerId, mask));

    /// <summary>Writes an amount as yuan with two decimals.</summary>
    internal HtmlOutput Money(Money value)
    {
        Reserve(32);
        MoneyBytes(value);
        return this;
    }

    /// <summary>Writes an optional amount (nothing when null).</summary>
    internal HtmlOutput Money(Money? value) => value is { } m ? Money(m) : this;

    /// <summary>Writes an integer.</summary>
    internal HtmlOutput Number(long value)
    {
        Reserve(20);
        IntegerBytes(value);
        return this;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (nothing when null).</summary>
    internal HtmlOutput Date(DateOnly? value)
    {
        if (value is not { } d) return this;
        Reserve(10);
        DateBytes(_buffer.AsSpan(_length, 10), d);
        _length += 10;
        return this;
    }

    /// <summary>Writes <c>yyyy-MM</c> (nothing when null).</summary>
    internal HtmlOutput Period(YearMonth? value)
    {
        if (value is not { } p) return this;
        Reserve(7);
        PeriodBytes(_buffer.AsSpan(_length, 7), p);
        _length += 7;
        return this;
    }

    /// <summary>Ends a line of markup (keeps the file diffable).</summary>
    internal HtmlOutput Line()
    {
        Reserve(1);
        _buffer[_length++] = (byte)'\n';
        return this;
    }

    /// <summary>The UTF-8 of a piece of a page, to be written many times with <see cref="Raw(ReadOnlySpan{byte})"/>.</summary>
    internal static byte[] Fragment(Action<HtmlOutput> write)
    {
        using var bytes = new MemoryStream();
        using (var h = new HtmlOutput(bytes)) write(h);
        return bytes.ToArray();
    }

    /// <summary>Runs <paramref name="write"/> on a page writer over the stream under <paramref name="writer"/> (see
    /// <see cref="OutputText.ThroughStream"/>), then writes out what it holds.</summary>
    internal static void Write(TextWriter writer, Action<HtmlOutput> write) =>
        OutputText.ThroughStream(writer, stream =>
        {
            using var h = new HtmlOutput(stream);
            write(h);
        });
}
