using System.Globalization;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>A thin writer for HTML: literal markup goes out as is, every other value is escaped.</summary>
internal sealed class HtmlOutput
{
    private readonly TextWriter _w;

    internal HtmlOutput(TextWriter writer) => _w = writer;

    /// <summary>Writes literal markup (never input data).</summary>
    internal HtmlOutput Raw(string markup)
    {
        _w.Write(markup);
        return this;
    }

    /// <summary>Writes text escaped for both element content and quoted attribute values.</summary>
    internal HtmlOutput Text(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            int i = text.IndexOfAny("&<>\"'");
            if (i < 0)
            {
                _w.Write(text);
                return this;
            }

            _w.Write(text[..i]);
            _w.Write(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(i + 1)..];
        }

        return this;
    }

    /// <summary>Writes text escaped (null writes nothing).</summary>
    internal HtmlOutput Text(string? text) => Text(text.AsSpan());

    /// <summary>Writes an amount as yuan with two decimals.</summary>
    internal HtmlOutput Money(Money value)
    {
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out int n);
        _w.Write(buffer[..n]);
        return this;
    }

    /// <summary>Writes an optional amount (nothing when null).</summary>
    internal HtmlOutput Money(Money? value) => value is { } m ? Money(m) : this;

    /// <summary>Writes an integer.</summary>
    internal HtmlOutput Number(long value)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out int n, default, CultureInfo.InvariantCulture);
        _w.Write(buffer[..n]);
        return this;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (nothing when null).</summary>
    internal HtmlOutput Date(DateOnly? value)
    {
        if (value is not { } d) return this;
        Span<char> buffer = stackalloc char[10];
        d.TryFormat(buffer, out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _w.Write(buffer[..n]);
        return this;
    }

    /// <summary>Writes <c>yyyy-MM</c> (nothing when null).</summary>
    internal HtmlOutput Period(YearMonth? value)
    {
        if (value is { } p) _w.Write(p.ToString());
        return this;
    }

    /// <summary>Ends a line of markup (keeps the file diffable).</summary>
    internal HtmlOutput Line()
    {
        _w.Write('\n');
        return this;
    }
}
