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

    internal static void WriteFindings(ReconciliationResult result, TextWriter writer, ReportOptions options)
    {
        bool mask = options.Mask;
        var messages = new FindingMessages(options.Language, mask, result.Summary.AsOf);
        var text = new StringBuilder(64);
        string project = result.Summary.ProjectCode;
        using var csv = new CsvOutput(writer);
        csv.Header(FindingsHeader);
        foreach (var f in result.Findings)
        {
            csv.Field(FindingCodes.Name(f.Code));
            csv.Field(SeverityName(f.Severity));
            csv.Field(project);
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
            text.Clear();
            PersonalData.AppendTxnIds(text, f, mask);

            csv.Field(text);
            csv.FreeTextField(f.Source, mask);
            csv.Field(messages.Compose(f));
            FollowUpCsv.FollowUpFields(csv, f);
            csv.EndRow();
        }
    }

    internal static void WriteLedger(ReconciliationResult result, TextWriter writer, ReportOptions options)
    {
        // The writers' UTF-8 stream writer is bypassed: the rows go to its stream as bytes (the same bytes it would write).
        if (writer is StreamWriter { Encoding: UTF8Encoding } streamWriter)
        {
            streamWriter.Flush();
            WriteLedger(result, streamWriter.BaseStream, options);
            return;
        }

        using var bytes = new MemoryStream();
        WriteLedger(result, bytes, options);
        writer.Write(Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
    }

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
