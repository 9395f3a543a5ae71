using System.Buffers;
using System.Globalization;
using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>The CSV outputs: findings, ledger and portfolio.</summary>
internal static class CsvReports
{
    internal const string FindingsHeader =
        "code,severity,project,employer,worker_id,worker_name,id_number,period,amount,expected,actual,due_date,event_date,days,txn_ids,source,message,status,first_seen,runs_open,ruling,finding_id";

    internal const string LedgerHeader =
        "worker_id,worker_name,id_number,employer,period,days,hours,due,due_source,due_date,paid,paid_on_time,outstanding,last_paid_date,status";

    internal const string PortfolioHeader =
        "code,name,warning_level,red,orange,yellow,info,due,paid,outstanding,workers,employers_c,error,as_of,new,open,reopened,resolved,waived,oldest_open_days,top_codes";

    internal static void WriteFindings(ReconciliationResult result, TextWriter writer, ReportOptions options) =>
        OutputText.ThroughStream(writer, stream => WriteFindings(result, stream, options));

    /// <summary>Writes the findings rows (after the header) as UTF-8 to <paramref name="stream"/>, a row at a time into a pooled buffer.</summary>
    internal static void WriteFindings(ReconciliationResult result, Stream stream, ReportOptions options)
    {
        bool mask = options.Mask;
        var messages = new FindingMessages(options.Language, mask, result.Summary.AsOf);
        var text = new StringBuilder(64);
        string project = result.Summary.ProjectCode;
        // code,severity,project start every row and repeat for every finding of a code: rendered once per code and severity.
        var leads = new byte[]?[CodeCount * SeverityCount];
        using var csv = new Utf8CsvOutput(stream);
        csv.Header(FindingsHeader);
        foreach (var f in result.Findings)
        {
            byte[] lead = leads[(int)f.Code * SeverityCount + (int)f.Severity] ??= Lead(f.Code, f.Severity, project);
            csv.Reserve(lead.Length + Utf8CsvOutput.FixedRowBytes);
            csv.Rendered(lead);
            csv.FreeTextField(f.Employer, mask);
            csv.WorkerIdField(f.WorkerId, f.IdNumber, mask);
            csv.FreeTextField(f.WorkerName, mask);
            csv.MaskedField(f.IdNumber, mask);
            csv.Field(f.Period);
            csv.Field(f.Amount);
            csv.Field(f.Expected);
            csv.Field(f.Actual);
            csv.Field(f.DueDate);
            csv.Field(f.EventDate);
            csv.Field(f.Days);
            if (f.TxnIds.Count == 1 && (f.PersonalIds & 1) == 0)
            {
                // One id written as is, the common case: no joining.
                csv.Field(f.TxnIds[0]);
            }
            else
            {
                text.Clear();
                PersonalData.AppendTxnIds(text, f, mask);
                csv.Field(text);
            }
            csv.FreeTextField(f.Source, mask);
            csv.Utf8Field(messages.ComposeUtf8(f));
            FollowUpCsv.FollowUpFields(csv, f);
            csv.EndRow();
        }
    }

    /// <summary>Finding codes (their values are 0 to this, less one).</summary>
    internal static readonly int CodeCount = Enum.GetValues<FindingCode>().Length;

    /// <summary>Severities (their values are 0 to this, less one).</summary>
    internal const int SeverityCount = (int)Severity.Red + 1;

    /// <summary>The first fields of a findings row, <c>code,severity,project</c>, as UTF-8.</summary>
    private static byte[] Lead(FindingCode code, Severity severity, string project)
    {
        using var bytes = new MemoryStream();
        using (var csv = new Utf8CsvOutput(bytes))
        {
            csv.Field(FindingCodes.Name(code));
            csv.Field(SeverityName(severity));
            csv.Field(project);
        }
        return bytes.ToArray();
    }

    internal static void WriteLedger(ReconciliationResult result, TextWriter writer, ReportOptions options) =>
        OutputText.ThroughStream(writer, stream => WriteLedger(result, stream, options));

    /// <summary>Writes the ledger rows (after the header) as UTF-8 to <paramref name="stream"/>, a row at a time into a pooled buffer.</summary>
    internal static void WriteLedger(ReconciliationResult result, Stream stream, ReportOptions options)
    {
        bool mask = options.Mask;
        using var csv = new Utf8CsvOutput(stream);
        // A worker's rows come together and repeat its four identity fields: they are rendered (masked, guarded,
        // quoted) once per worker and copied as UTF-8 for the worker's other months.
        var identity = new StringWriter(new StringBuilder(128), CultureInfo.InvariantCulture);
        using var identityCsv = new CsvOutput(identity);
        char[] identityChars = new char[128];
        byte[] identityBytes = ArrayPool<byte>.Shared.Rent(512);
        int identityLength = 0;
        LedgerLine previous = default;
        bool first = true;
        try
        {
            csv.Header(LedgerHeader);
            foreach (var e in new LedgerLines(result.Ledger))
            {
                if (first || !SameIdentity(previous, e))
                {
                    identity.GetStringBuilder().Clear();
                    identityCsv.WorkerIdField(e.WorkerId ?? e.IdNumber, e.IdNumber, mask);
                    identityCsv.FreeTextField(e.WorkerName, mask);
                    identityCsv.MaskedField(e.IdNumber, mask);
                    identityCsv.FreeTextField(e.Employer, mask);
                    identityCsv.EndRow();
                    // The rendered row ends with the record separator, which is not part of the fields.
                    var rendered = identity.GetStringBuilder();
                    int chars = rendered.Length - 1;
                    if (identityChars.Length < chars) identityChars = new char[chars];
                    rendered.CopyTo(0, identityChars, chars);
                    identityLength = Utf8CsvOutput.Encode(identityChars.AsSpan(0, chars), ref identityBytes);
                    previous = e;
                    first = false;
                }

                csv.Reserve(identityLength + Utf8CsvOutput.FixedRowBytes);
                csv.Rendered(identityBytes.AsSpan(0, identityLength));
                csv.Field(e.Period);
                csv.Field(e.Days);
                csv.Hours(e.Seconds);
                csv.Field(e.Due);
                csv.Rendered(e.DueSource == DueSource.Payroll ? "payroll"u8 : "computed"u8);
                csv.Field(e.DueDate);
                csv.Field(e.Paid);
                csv.Field(e.PaidOnTime);
                csv.Field(e.Outstanding);
                csv.Field(e.LastPaidDate);
                csv.Rendered(StatusBytes(e.Status));
                csv.EndRow();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(identityBytes);
        }
    }

    /// <summary><see cref="StatusName"/> as UTF-8.</summary>
    private static ReadOnlySpan<byte> StatusBytes(LedgerStatus status) => status switch
    {
        LedgerStatus.Ok => "ok"u8,
        LedgerStatus.Late => "late"u8,
        LedgerStatus.Short => "short"u8,
        LedgerStatus.Unpaid => "unpaid"u8,
        _ => "pending"u8,
    };

    /// <summary>True when two ledger rows carry the same identity fields (the same strings, as the engine shares them per worker).</summary>
    private static bool SameIdentity(in LedgerLine a, in LedgerLine b) =>
        string.Equals(a.WorkerId, b.WorkerId, StringComparison.Ordinal)
        && string.Equals(a.WorkerName, b.WorkerName, StringComparison.Ordinal)
        && string.Equals(a.IdNumber, b.IdNumber, StringComparison.Ordinal)
        && string.Equals(a.Employer, b.Employer, StringComparison.Ordinal);

    internal static void WritePortfolio(IEnumerable<PortfolioEntry> entries, TextWriter writer, ReportOptions options)
    {
        bool mask = options.Mask;
        var sorted = entries.ToList();
        // Ordinal code order, so the portfolios of shards (which split projects by code order) concatenate.
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Code, b.Code));
        using var csv = new CsvOutput(writer);
        csv.Header(PortfolioHeader);
        foreach (var p in sorted)
        {
            // The code names the project's output folder: an identifier of the project, kept as is.
            csv.Field(p.Code);
            csv.FreeTextField(p.Name, mask);
            if (p.Error is not null)
            {
                // A project that failed to load has no level, counts or totals: empty, not a misleading zero.
                for (int i = 0; i < 10; i++) csv.Field(ReadOnlySpan<char>.Empty);
                csv.FreeTextField(p.Error, mask);
                for (int i = 0; i < 8; i++) csv.Field(ReadOnlySpan<char>.Empty);
                csv.EndRow();
                continue;
            }

            csv.Field(LevelName(p.WarningLevel));
            csv.Field(p.Red);
            csv.Field(p.Orange);
            csv.Field(p.Yellow);
            csv.Field(p.Info);
            csv.Field(p.Due);
            csv.Field(p.Paid);
            csv.Field(p.Outstanding);
            csv.Field(p.Workers);
            csv.Field(p.EmployersC);
            csv.Field(ReadOnlySpan<char>.Empty);
            csv.Field(p.AsOf);
            csv.Field(p.New);
            csv.Field(p.Open);
            csv.Field(p.Reopened);
            csv.Field(p.Resolved);
            csv.Field(p.Waived);
            csv.Field(p.OldestOpenDays);
            csv.Field(string.Join(';', p.TopCodes));
            csv.EndRow();
        }
    }

    /// <summary><c>red|orange|yellow|info</c>.</summary>
    internal static string SeverityName(Severity severity) => Severities.Name(severity);

    /// <summary>The project warning level: <c>red|orange|yellow|green</c> (info alone is green).</summary>
    internal static string LevelName(Severity? level) => level switch
    {
        Severity.Red => "red",
        Severity.Orange => "orange",
        Severity.Yellow => "yellow",
        _ => "green",
    };

    /// <summary><c>ok|late|short|unpaid|pending</c>.</summary>
    internal static string StatusName(LedgerStatus status) => status switch
    {
        LedgerStatus.Ok => "ok",
        LedgerStatus.Late => "late",
        LedgerStatus.Short => "short",
        LedgerStatus.Unpaid => "unpaid",
        _ => "pending",
    };

    /// <summary>Writes seconds as hours with two decimals, rounded half away from zero in integer arithmetic.</summary>
    internal static int FormatHours(long seconds, Span<char> destination)
    {
        long magnitude = Math.Abs(seconds);
        long hundredths = (magnitude * 100 + 1800) / 3600;
        int pos = 0;
        if (seconds < 0 && hundredths > 0) destination[pos++] = '-';
        (hundredths / 100).TryFormat(destination[pos..], out int n, default, CultureInfo.InvariantCulture);
        pos += n;
        destination[pos++] = '.';
        destination[pos++] = (char)('0' + hundredths % 100 / 10);
        destination[pos++] = (char)('0' + hundredths % 10);
        return pos;
    }
}
