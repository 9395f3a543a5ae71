using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>Writes <c>summary.json</c>: fixed key order, money as exact two-decimal strings, Chinese unescaped.</summary>
internal static class SummaryJson
{
    /// <summary>Bytes the JSON writer holds before they go to the stream.</summary>
    private const int FlushBytes = 64 << 10;

    private static readonly Severity[] SeverityOrder = [Severity.Red, Severity.Orange, Severity.Yellow, Severity.Info];

    internal static void Write(ReconciliationResult result, Stream stream, ReportOptions reportOptions)
    {
        bool mask = reportOptions.Mask;
        var s = result.Summary;
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // The file is read by people and tools, never embedded in HTML: keep CJK text readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteStartObject("project");
            w.WriteString("code", s.ProjectCode);
            string? projectName = s.ProjectName ?? result.Settings.Name;
            WriteNullableString(w, "name", projectName is null ? null : PersonalData.FreeText(projectName, mask));
            w.WriteEndObject();
            w.WriteString("asOf", Date(s.AsOf));
            w.WriteString("warningLevel", CsvReports.LevelName(s.WarningLevel));
            w.WriteNumber("workers", s.Workers);

            w.WriteStartObject("counts");
            w.WriteNumber("findings", result.Findings.Count);
            w.WriteStartObject("bySeverity");
            foreach (var sev in SeverityOrder)
            {
                w.WriteNumber(CsvReports.SeverityName(sev), s.CountsBySeverity.GetValueOrDefault(sev));
            }

            w.WriteEndObject();
            w.WriteStartObject("byCode");
            foreach (var (name, count) in s.CountsByCode
                         .Where(static kv => kv.Value > 0)
                         .Select(static kv => (Name: FindingCodes.Name(kv.Key), Count: kv.Value))
                         .OrderBy(static x => x.Name, StringComparer.Ordinal))
            {
                w.WriteNumber(name, count);
            }

            w.WriteEndObject();
            // SPEC §7: every finding is new, open, reopened or waived; resolved ones are gone from this run.
            w.WriteStartObject("byStatus");
            var byStatus = new int[4];
            foreach (var f in result.Findings) byStatus[(int)f.Status]++;
            foreach (var status in (ReadOnlySpan<FindingStatus>)[FindingStatus.New, FindingStatus.Open, FindingStatus.Reopened, FindingStatus.Waived])
            {
                w.WriteNumber(FollowUp.Statuses.Name(status), byStatus[(int)status]);
            }

            w.WriteNumber(FollowUp.Statuses.Resolved, result.Resolved.Count);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("totals");
            WriteMoney(w, "due", s.TotalDue);
            WriteMoney(w, "paid", s.TotalPaid);
            WriteMoney(w, "outstanding", s.TotalOutstanding);
            WriteMoney(w, "laborFundsIn", s.LaborFundsIn);
            WriteMoney(w, "wagePaymentsOut", s.WagePaymentsOut);
            w.WriteEndObject();

            var c = s.Conservation;
            w.WriteStartObject("conservation");
            WriteMoney(w, "debits", c.Debits);
            WriteMoney(w, "wagePayments", c.WagePayments);
            WriteMoney(w, "batches", c.Batches);
            WriteMoney(w, "fees", c.Fees);
            WriteMoney(w, "misuse", c.Misuse);
            WriteMoney(w, "credits", c.Credits);
            WriteMoney(w, "refunds", c.Refunds);
            WriteMoney(w, "interest", c.Interest);
            WriteMoney(w, "laborFunds", c.LaborFunds);
            w.WriteBoolean("balanced", c.Balanced);
            w.WriteEndObject();

            // Written only when it says something (R39–R41), so the summary of an ordinary statement stays as it was;
            // a reader takes its absence as oldest first, no zero and no excluded lines.
            if (s.BankStatementNewestFirst || s.ZeroBankLines > 0 || s.ExcludedBankLines > 0)
            {
                w.WriteStartObject("bankStatement");
                w.WriteBoolean("newestFirst", s.BankStatementNewestFirst);
                w.WriteNumber("zeroLines", s.ZeroBankLines);
                w.WriteNumber("excludedLines", s.ExcludedBankLines);
                w.WriteEndObject();
            }

            w.WriteStartArray("employers");
            foreach (var g in s.EmployerGrades.OrderBy(static g => g.Employer, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("employer", PersonalData.FreeText(g.Employer, mask));
                w.WriteString("grade", g.Grade.ToString());
                WriteMoney(w, "outstanding", g.Outstanding);
                w.WriteNumber("workers", g.Workers);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("files");
            foreach (var f in s.Files)
            {
                w.WriteStartObject();
                w.WriteString("file", PersonalData.FreeText(f.File, mask));
                w.WriteNumber("rowsRead", f.RowsRead);
                w.WriteNumber("rowsRejected", f.RowsRejected);
                w.WriteString("encoding", EncodingName(f.Encoding));
                w.WriteString("format", f.Format);
                if (f.Sheet is { } sheet) w.WriteString("sheet", PersonalData.FreeText(sheet, mask));
                w.WriteNumber("headerLine", f.HeaderLine);
                w.WriteNumber("preambleRows", f.PreambleRows);
                w.WriteNumber("footerRows", f.FooterRows);
                w.WriteNumber("bytes", f.Bytes);
                if (f.EncodingDecidedOnBytes > 0) w.WriteNumber("encodingDecidedOnBytes", f.EncodingDecidedOnBytes);
                if (f.Warning is { } warning) w.WriteString("warning", warning);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteFollowUp(w, result);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c>, <c>xlsx</c>, <c>xls</c> or <c>html</c>.</summary>
    internal static string EncodingName(TextEncodingKind kind) => InputFileStats.NameOf(kind);

    /// <summary>The previous run compared with, the rulings read, and the findings resolved (销号清单, SPEC §7).</summary>
    private static void WriteFollowUp(Utf8JsonWriter w, ReconciliationResult result)
    {
        w.WriteStartObject("followUp");
        if (result.PreviousAsOf is { } previous) w.WriteString("previousAsOf", Date(previous));
        else w.WriteNull("previousAsOf");
        w.WriteNumber("rulings", result.Rulings.Count);
        w.WriteStartArray("resolved");
        foreach (var r in result.Resolved)
        {
            w.WriteStartObject();
            w.WriteString("id", r.FindingId);
            w.WriteString("code", r.Code);
            // The summary has no unmasked form: a worker_id that is an ID number stays masked.
            w.WriteString("workerId", PersonalData.WorkerId(r.WorkerId, null, mask: true));
            w.WriteString("period", r.Period);
            w.WriteString("firstSeen", Date(r.FirstSeen));
            w.WriteString("resolvedOn", Date(r.ResolvedOn));
            w.WriteNumber("daysOpen", r.DaysOpen);
            w.WriteEndObject();
            // The writer keeps what it writes until flushed: a list of a million resolved findings is some 200 MB.
            if (w.BytesPending >= FlushBytes) w.Flush();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter w, string name, Money value) => w.WriteString(name, value.ToString());

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
