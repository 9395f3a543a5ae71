using System.Globalization;
using System.Text;

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
/// Templates are rendered into a reused builder, so composing a message allocates nothing beyond the builder's growth.
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

    internal FindingMessages(ReportLanguage language, bool mask, DateOnly asOf)
    {
        _language = language;
        _mask = mask;
        _asOf = asOf;
    }

    /// <summary>The message of <paramref name="f"/>; the builder is reused by the next call.</summary>
    internal StringBuilder Compose(Finding f)
    {
        _sb.Clear();
        Render(_language == ReportLanguage.En ? English(f) : Chinese(f), f);
        if (f.CausedBy is { } cause)
        {
            // Inside the sentence: before its closing full stop.
            if (_sb.Length > 0 && _sb[^1] is '.' or '。') _sb.Length--;
            _sb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, MessageCatalog.Template(MessageKey.CausedBy, _language), cause);
            _sb.Append(_language == ReportLanguage.En ? '.' : '。');
        }
        return _sb;
    }

    /// <summary>The message of <paramref name="f"/> as a string.</summary>
    internal string ComposeString(Finding f) => Compose(f).ToString();

    private void Render(string template, Finding f)
    {
        var t = template.AsSpan();
        while (t.Length > 0)
        {
            int open = t.IndexOf('{');
            if (open < 0)
            {
                _sb.Append(t);
                return;
            }

            _sb.Append(t[..open]);
            t = t[(open + 1)..];
            int close = t.IndexOf('}');
            AppendPlaceholder(t[..close], f);
            t = t[(close + 1)..];
        }
    }

    private void AppendPlaceholder(ReadOnlySpan<char> name, Finding f)
    {
        switch (name)
        {
            case "who": AppendWho(f); break;
            case "P": AppendPeriod(f.Period); break;
            case "Amt": AppendMoney(f.Amount); break;
            case "Exp": AppendMoney(f.Expected); break;
            case "Act": AppendMoney(f.Actual); break;
            case "Due": AppendDate(f.DueDate); break;
            case "Ev": AppendDate(f.EventDate); break;
            case "AsOf": AppendDate(_asOf); break;
            case "Days":
                if (f.Days is { } days) AppendInt(days, default);
                else _sb.Append(Missing);
                break;
            case "Detail":
                if (string.IsNullOrEmpty(f.Detail)) _sb.Append(Missing);
                // A batch id is the bank's reference of the debit, evidence like a transaction id: kept as is, unless
                // it is a worker's card or ID number (a shifted column).
                else if (f.DetailIsBatchId) _sb.Append(PersonalData.EvidenceId(f.Detail, (f.PersonalIds & Finding.PersonalBatchId) != 0, _mask));
                else PersonalData.AppendFreeText(_sb, f.Detail, _mask);
                break;
            case "Name" when f.Diagnostic is { } d:
                // An unreadable row's reason, told in the report's language from its structured form.
                PersonalData.AppendFreeText(_sb, MessageCatalog.Detail(d, _language), _mask);
                break;
            case "Name":
                if (string.IsNullOrEmpty(f.Detail)) _sb.Append(Missing);
                else PersonalData.AppendFreeText(_sb, f.Detail, _mask);
                break;
            case "Id": AppendMasked(f.IdNumber, _mask); break;
            case "Txn": AppendTxnIds(f); break;
            case "Src":
                if (string.IsNullOrEmpty(f.Source)) _sb.Append(Missing);
                else PersonalData.AppendFreeText(_sb, f.Source, _mask);
                break;
            case "HcA": _sb.Append(HeadcountPart(f.Detail, 0)); break;
            case "HcB": _sb.Append(HeadcountPart(f.Detail, 1)); break;
            default: throw new InvalidOperationException($"unknown placeholder {{{name}}}");
        }
    }

    private const char Missing = '—';
    private const string MissingText = "—";

    private void AppendWho(Finding f)
    {
        if (!string.IsNullOrEmpty(f.WorkerName)) PersonalData.AppendFreeText(_sb, f.WorkerName, _mask);
        else if (PersonalData.IsIdNumber(f.WorkerId, f.IdNumber)) AppendMasked(f.WorkerId, _mask);
        else if (!string.IsNullOrEmpty(f.WorkerId)) PersonalData.AppendFreeText(_sb, f.WorkerId, _mask);
        else _sb.Append(_language == ReportLanguage.En ? "Worker" : "该工人");
    }

    private void AppendPeriod(YearMonth? period)
    {
        if (period is not { } p)
        {
            _sb.Append(Missing);
            return;
        }

        if (_language == ReportLanguage.En)
        {
            AppendInt(p.Year, "D4");
            _sb.Append('-');
            AppendInt(p.Month, "D2");
        }
        else
        {
            AppendInt(p.Year, default);
            _sb.Append('年');
            AppendInt(p.Month, default);
            _sb.Append('月');
        }
    }

    // Formats through a stack buffer: StringBuilder's own int and interpolation paths fall back to a temporary string
    // whenever the current chunk is short of room.
    private void AppendInt(int value, ReadOnlySpan<char> format)
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out int n, format, CultureInfo.InvariantCulture);
        _sb.Append(buffer[..n]);
    }

    private void AppendMasked(string? value, bool mask)
    {
        if (string.IsNullOrEmpty(value))
        {
            _sb.Append(Missing);
            return;
        }

        if (!mask)
        {
            _sb.Append(value);
            return;
        }

        Span<char> buffer = value.Length <= 64 ? stackalloc char[64] : new char[value.Length];
        buffer = buffer[..value.Length];
        PersonalData.MaskInto(value, buffer);
        _sb.Append(buffer);
    }

    private void AppendMoney(Money? value)
    {
        if (value is not { } m)
        {
            _sb.Append(Missing);
            return;
        }

        Span<char> buffer = stackalloc char[32];
        m.TryFormat(buffer, out int n);
        _sb.Append(buffer[..n]);
    }

    private void AppendDate(DateOnly? value)
    {
        if (value is not { } d)
        {
            _sb.Append(Missing);
            return;
        }

        Span<char> buffer = stackalloc char[10];
        d.TryFormat(buffer, out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _sb.Append(buffer[..n]);
    }

    private void AppendTxnIds(Finding f)
    {
        if (f.TxnIds.Count == 0) _sb.Append(Missing);
        else PersonalData.AppendTxnIds(_sb, f, _mask);
    }

    private static ReadOnlySpan<char> HeadcountPart(string? detail, int part)
    {
        var d = detail.AsSpan();
        int slash = d.IndexOf('/');
        if (slash < 0) return part == 0 && d.Length > 0 ? d : MissingText;
        return part == 0 ? d[..slash] : d[(slash + 1)..];
    }

    private static bool HasDetail(Finding f) => !string.IsNullOrEmpty(f.Detail);
}
