using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>Composes the one-sentence message of a finding from its fields, in Chinese or English.</summary>
/// <remarks>
/// One template per code and language (a few codes have a variant when a field is absent). Placeholders:
/// <c>{who}</c> worker name (else masked worker id), <c>{P}</c> period, <c>{Amt} {Exp} {Act}</c> money,
/// <c>{Due} {Ev} {AsOf}</c> dates, <c>{Days}</c>, <c>{Detail}</c> the detail (a batch id as is; sources, years, dates through the
/// ID and card detector of <see cref="PersonalData"/>),
/// <c>{Name}</c> the detail as free text with card and ID numbers masked, <c>{Id}</c> the masked ID number,
/// <c>{Txn}</c> transaction ids, <c>{Src}</c> source, <c>{HcA} {HcB}</c> the two parts of a headcount detail <c>a/b</c>.
/// A template is split into its literal pieces and placeholders once; a message is rendered into a reused builder, or
/// as UTF-8 into a reused buffer (the writers' path: the literal pieces are encoded once), so composing a message
/// allocates nothing beyond the buffers' growth.
/// </remarks>
public sealed partial class FindingMessages
{
    /// <summary>The one-sentence message of <paramref name="finding"/> as <c>findings.csv</c> and <c>report.html</c> write
    /// it, in <see cref="ReportOptions.Language"/>, ID and card numbers masked unless <see cref="ReportOptions.Mask"/> is off.</summary>
    /// <param name="finding">A finding of a result.</param>
    /// <param name="asOf">The as-of date of the run (<see cref="Reconciliation.ReconciliationSummary.AsOf"/>), which some messages state.</param>
    /// <param name="options">Language and masking; the default is Chinese, masked.</param>
    public static string Format(Finding finding, DateOnly asOf, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingMessages(options.Language, options.Mask, asOf).ComposeString(finding);
    }

    /// <summary>The word the report uses for a severity: <c>红</c>, <c>橙</c>, <c>黄</c>, <c>提示</c> in Chinese,
    /// <c>Red</c>, <c>Orange</c>, <c>Yellow</c>, <c>Info</c> in English.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="severity"/> is not a defined value.</exception>
    public static string SeverityLabel(Severity severity, ReportLanguage language)
    {
        if (!Enum.IsDefined(severity)) throw new ArgumentOutOfRangeException(nameof(severity), severity, "no such severity");
        return Labels.For(language).SeverityLabel(severity);
    }

    private readonly StringBuilder _sb = new(256);
    private readonly ReportLanguage _language;
    private readonly bool _mask;
    private readonly DateOnly _asOf;
    private readonly Dictionary<string, Piece[]> _templates = new(ReferenceEqualityComparer.Instance);
    // The clause naming the unreadable row a finding may follow from, around the row (see Compose), and the full stop.
    private readonly Piece _causeBefore;
    private readonly Piece _causeAfter;
    private readonly Piece _fullStop;
    // The UTF-8 message, and free text masked on its way there.
    private byte[] _utf8 = new byte[512];
    private StringBuilder? _masked;
    private char[] _maskedChars = [];
    // The last date written (no day number is -1).
    private readonly char[] _lastDate = new char[10];
    private int _lastDay = -1;

    internal FindingMessages(ReportLanguage language, bool mask, DateOnly asOf)
    {
        _language = language;
        _mask = mask;
        _asOf = asOf;
        string causedBy = MessageCatalog.Template(MessageKey.CausedBy, language);
        int row = causedBy.IndexOf("{0}", StringComparison.Ordinal);
        _causeBefore = Piece.Of(causedBy[..row]);
        _causeAfter = Piece.Of(causedBy[(row + 3)..]);
        _fullStop = Piece.Of(language == ReportLanguage.En ? "." : "。");
    }

    /// <summary>The message of <paramref name="f"/>; the builder is reused by the next call.</summary>
    internal StringBuilder Compose(Finding f)
    {
        _sb.Clear();
        var text = new CharText(_sb);
        Compose(f, ref text);
        return _sb;
    }

    /// <summary>The message of <paramref name="f"/> as a string.</summary>
    internal string ComposeString(Finding f) => Compose(f).ToString();

    /// <summary>The message of <paramref name="f"/> as UTF-8, the bytes of <see cref="Compose"/>'s text; valid until the next call.</summary>
    /// <exception cref="EncoderFallbackException">The text holds a lone surrogate (as the writers' strict UTF-8 encoding reports it).</exception>
    internal ReadOnlySpan<byte> ComposeUtf8(Finding f)
    {
        var text = new Utf8Text(this);
        Compose(f, ref text);
        return _utf8.AsSpan(0, text.Length);
    }

    private void Compose<T>(Finding f, ref T text)
        where T : struct, IMessageText
    {
        foreach (var piece in Template(_language == ReportLanguage.En ? English(f) : Chinese(f)))
        {
            if (piece.Text is not null) text.Literal(piece);
            else AppendPlaceholder(piece.Placeholder, f, ref text);
        }
        if (f.CausedBy is { } cause)
        {
            // Inside the sentence: before its closing full stop.
            text.TrimFullStop();
            text.Literal(_causeBefore);
            text.Append(cause);
            text.Literal(_causeAfter);
            text.Literal(_fullStop);
        }
    }

    /// <summary>The pieces of <paramref name="template"/> (one of the constants of the template lists), split once.</summary>
    private Piece[] Template(string template)
    {
        if (_templates.TryGetValue(template, out var pieces)) return pieces;
        var list = new List<Piece>();
        var t = template.AsSpan();
        while (t.Length > 0)
        {
            int open = t.IndexOf('{');
            if (open < 0)
            {
                list.Add(Piece.Of(t.ToString()));
                break;
            }

            if (open > 0) list.Add(Piece.Of(t[..open].ToString()));
            t = t[(open + 1)..];
            int close = t.IndexOf('}');
            list.Add(new Piece(null, null, PlaceholderOf(t[..close])));
            t = t[(close + 1)..];
        }
        pieces = [.. list];
        _templates.Add(template, pieces);
        return pieces;
    }

    private static Placeholder PlaceholderOf(ReadOnlySpan<char> name) => name switch
    {
        "who" => Placeholder.Who,
        "P" => Placeholder.Period,
        "Amt" => Placeholder.Amount,
        "Exp" => Placeholder.Expected,
        "Act" => Placeholder.Actual,
        "Due" => Placeholder.DueDate,
        "Ev" => Placeholder.EventDate,
        "AsOf" => Placeholder.AsOf,
        "Days" => Placeholder.Days,
        "Detail" => Placeholder.Detail,
        "Name" => Placeholder.Name,
        "Id" => Placeholder.Id,
        "Txn" => Placeholder.Txn,
        "Src" => Placeholder.Source,
        "HcA" => Placeholder.HeadcountA,
        "HcB" => Placeholder.HeadcountB,
        _ => throw new InvalidOperationException($"unknown placeholder {{{name}}}"),
    };

    private void AppendPlaceholder<T>(Placeholder placeholder, Finding f, ref T text)
        where T : struct, IMessageText
    {
        switch (placeholder)
        {
            case Placeholder.Who: AppendWho(f, ref text); break;
            case Placeholder.Period: AppendPeriod(f.Period, ref text); break;
            case Placeholder.Amount: AppendMoney(f.Amount, ref text); break;
            case Placeholder.Expected: AppendMoney(f.Expected, ref text); break;
            case Placeholder.Actual: AppendMoney(f.Actual, ref text); break;
            case Placeholder.DueDate: AppendDate(f.DueDate, ref text); break;
            case Placeholder.EventDate: AppendDate(f.EventDate, ref text); break;
            case Placeholder.AsOf: AppendDate(_asOf, ref text); break;
            case Placeholder.Days:
                if (f.Days is { } days) AppendInt(days, ref text);
                else text.Append(MissingText);
                break;
            case Placeholder.Detail:
                if (string.IsNullOrEmpty(f.Detail)) text.Append(MissingText);
                // A batch id is the bank's reference of the debit, evidence like a transaction id: kept as is, unless
                // it is a worker's card or ID number (a shifted column).
                else if (f.DetailIsBatchId) AppendMasked(f.Detail, (f.PersonalIds & Finding.PersonalBatchId) != 0 && _mask, ref text);
                else text.FreeText(f.Detail, _mask);
                break;
            case Placeholder.Name when f.Diagnostic is { } d:
                // An unreadable row's reason, told in the report's language from its structured form.
                text.FreeText(MessageCatalog.Detail(d, _language), _mask);
                break;
            case Placeholder.Name:
                if (string.IsNullOrEmpty(f.Detail)) text.Append(MissingText);
                else text.FreeText(f.Detail, _mask);
                break;
            case Placeholder.Id: AppendMasked(f.IdNumber, _mask, ref text); break;
            case Placeholder.Txn: AppendTxnIds(f, ref text); break;
            case Placeholder.Source:
                if (string.IsNullOrEmpty(f.Source)) text.Append(MissingText);
                else text.FreeText(f.Source, _mask);
                break;
            case Placeholder.HeadcountA: text.Append(HeadcountPart(f.Detail, 0)); break;
            default: text.Append(HeadcountPart(f.Detail, 1)); break;
        }
    }

    private const string MissingText = "—";

    private void AppendWho<T>(Finding f, ref T text)
        where T : struct, IMessageText
    {
        if (!string.IsNullOrEmpty(f.WorkerName)) text.FreeText(f.WorkerName, _mask);
        else if (PersonalData.IsIdNumber(f.WorkerId, f.IdNumber)) AppendMasked(f.WorkerId, _mask, ref text);
        else if (!string.IsNullOrEmpty(f.WorkerId)) text.FreeText(f.WorkerId, _mask);
        else text.Append(_language == ReportLanguage.En ? "Worker" : "该工人");
    }

    private void AppendPeriod<T>(YearMonth? period, ref T text)
        where T : struct, IMessageText
    {
        if (period is not { } p)
        {
            text.Append(MissingText);
            return;
        }

        Span<char> buffer = stackalloc char[8];
        if (_language == ReportLanguage.En)
        {
            // Years are 1–9999 (YearMonth's range): four digits, as D4 pads them.
            Digits(buffer[..4], p.Year);
            buffer[4] = '-';
            Digits(buffer.Slice(5, 2), p.Month);
            text.Append(buffer[..7]);
        }
        else
        {
            AppendInt(p.Year, ref text);
            text.Append("年");
            AppendInt(p.Month, ref text);
            text.Append("月");
        }
    }

    /// <summary>Writes <paramref name="value"/> (0 ≤ value &lt; 10^length) as exactly <paramref name="destination"/>.Length digits.</summary>
    private static void Digits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private static void AppendInt<T>(int value, ref T text)
        where T : struct, IMessageText
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out int n, default, CultureInfo.InvariantCulture);
        text.Append(buffer[..n]);
    }

    private static void AppendMasked<T>(string? value, bool mask, ref T text)
        where T : struct, IMessageText
    {
        if (string.IsNullOrEmpty(value))
        {
            text.Append(MissingText);
            return;
        }

        if (!mask)
        {
            text.Append(value);
            return;
        }

        Span<char> buffer = value.Length <= 64 ? stackalloc char[64] : new char[value.Length];
        buffer = buffer[..value.Length];
        PersonalData.MaskInto(value, buffer);
        text.Append(buffer);
    }

    private static void AppendMoney<T>(Money? value, ref T text)
        where T : struct, IMessageText
    {
        if (value is not { } m)
        {
            text.Append(MissingText);
            return;
        }

        Span<char> buffer = stackalloc char[32];
        m.TryFormat(buffer, out int n);
        text.Append(buffer[..n]);
    }

    private void AppendDate<T>(DateOnly? value, ref T text)
        where T : struct, IMessageText
    {
        if (value is not { } d)
        {
            text.Append(MissingText);
            return;
        }

        // Findings in a row often share a date (the lines of one statement day): the last one is formatted once.
        if (d.DayNumber != _lastDay)
        {
            // DateOnly years are 1–9999: always four digits, as the custom format yyyy-MM-dd pads them.
            d.Deconstruct(out int year, out int month, out int day);
            Span<char> date = _lastDate;
            Digits(date[..4], year);
            date[4] = '-';
            Digits(date.Slice(5, 2), month);
            date[7] = '-';
            Digits(date.Slice(8, 2), day);
            _lastDay = d.DayNumber;
        }
        text.Append(_lastDate);
    }

    private void AppendTxnIds<T>(Finding f, ref T text)
        where T : struct, IMessageText
    {
        if (f.TxnIds.Count == 0)
        {
            text.Append(MissingText);
            return;
        }

        // As PersonalData.AppendTxnIds joins them.
        for (int i = 0; i < f.TxnIds.Count; i++)
        {
            if (i > 0) text.Append(";");
            string id = f.TxnIds[i];
            if (id.Length > 0) AppendMasked(id, _mask && i < 31 && (f.PersonalIds & (1 << i)) != 0, ref text);
        }
    }

    private static ReadOnlySpan<char> HeadcountPart(string? detail, int part)
    {
        var d = detail.AsSpan();
        int slash = d.IndexOf('/');
        if (slash < 0) return part == 0 && d.Length > 0 ? d : MissingText;
        return part == 0 ? d[..slash] : d[(slash + 1)..];
    }

    private static bool HasDetail(Finding f) => !string.IsNullOrEmpty(f.Detail);

    private enum Placeholder
    {
        Who,
        Period,
        Amount,
        Expected,
        Actual,
        DueDate,
        EventDate,
        AsOf,
        Days,
        Detail,
        Name,
        Id,
        Txn,
        Source,
        HeadcountA,
        HeadcountB,
    }

    /// <summary>A literal piece of a template (its text and UTF-8) or a placeholder.</summary>
    private readonly record struct Piece(string? Text, byte[]? Utf8, Placeholder Placeholder)
    {
        public static Piece Of(string text) => new(text, Encoding.UTF8.GetBytes(text), default);
    }

    /// <summary>Where a message is rendered: characters or UTF-8.</summary>
    private interface IMessageText
    {
        /// <summary>Appends text as it is.</summary>
        void Append(ReadOnlySpan<char> text);

        /// <summary>Appends a literal piece of a template.</summary>
        void Literal(in Piece piece);

        /// <summary>Appends text from the inputs with every ID or card number in it masked when <paramref name="mask"/> is set.</summary>
        void FreeText(string text, bool mask);

        /// <summary>Removes a closing full stop (<c>.</c> or <c>。</c>) from the end.</summary>
        void TrimFullStop();
    }

    private readonly struct CharText(StringBuilder sb) : IMessageText
    {
        public void Append(ReadOnlySpan<char> text) => sb.Append(text);

        public void Literal(in Piece piece) => sb.Append(piece.Text);

        public void FreeText(string text, bool mask) => PersonalData.AppendFreeText(sb, text, mask);

        public void TrimFullStop()
        {
            if (sb.Length > 0 && sb[^1] is '.' or '。') sb.Length--;
        }
    }

    private struct Utf8Text(FindingMessages owner) : IMessageText
    {
        public int Length { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            Span<byte> to = Room(3 * text.Length);
            int ascii = Utf8Output.NarrowAscii(text, to);
            if (ascii < text.Length)
            {
                if (Utf8.FromUtf16(text[ascii..], to[ascii..], out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    throw Utf8Output.LoneSurrogate();
                }
                ascii += written;
            }
            Length += ascii;
        }

        public void Literal(in Piece piece)
        {
            piece.Utf8.CopyTo(Room(piece.Utf8!.Length));
            Length += piece.Utf8.Length;
        }

        public void FreeText(string text, bool mask)
        {
            if (!mask || !PersonalData.HasSensitiveRun(text))
            {
                Append(text);
                return;
            }

            var masked = owner._masked ??= new StringBuilder(64);
            masked.Clear();
            PersonalData.AppendFreeText(masked, text, mask);
            if (owner._maskedChars.Length < masked.Length) owner._maskedChars = new char[Math.Max(masked.Length, 2 * owner._maskedChars.Length)];
            masked.CopyTo(0, owner._maskedChars, masked.Length);
            Append(owner._maskedChars.AsSpan(0, masked.Length));
        }

        public void TrimFullStop()
        {
            var bytes = owner._utf8.AsSpan(0, Length);
            if (bytes.EndsWith("."u8)) Length -= 1;
            else if (bytes.EndsWith("。"u8)) Length -= 3;
        }

        /// <summary>Room for <paramref name="bytes"/> more bytes after what the message holds.</summary>
        private readonly Span<byte> Room(int bytes)
        {
            if (owner._utf8.Length - Length < bytes) Array.Resize(ref owner._utf8, Math.Max(Length + bytes, 2 * owner._utf8.Length));
            return owner._utf8.AsSpan(Length);
        }
    }
}
