using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using PayrollRecon.Records;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Parsed rows as one-line JSON objects for <c>inspect --rows</c>: what the reader made of each row, personal numbers masked.</summary>
internal static class InspectedRows
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(in BankRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("txnId", Text(r.TxnId));
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (r.TimeOfDay is { } t) w.WriteString("time", t.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("direction", r.Direction == BankDirection.Debit ? "debit" : "credit");
        w.WriteString("amount", r.Amount.ToString());
        if (r.Balance is { } b) w.WriteString("balance", b.ToString());
        w.WriteString("counterpartyName", Masked(r.CounterpartyName));
        w.WriteString("counterpartyAccount", Masked(r.CounterpartyAccount));
        w.WriteString("memo", Masked(r.Memo));
        if (!r.BatchId.IsEmpty) w.WriteString("batchId", Text(r.BatchId));
        if (r.Status != BankLineStatus.Succeeded) w.WriteString("status", r.Status.ToString().ToLowerInvariant());
        return End(buffer, w);
    }

    public static string Json(in WorkerRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("workerId", Masked(r.WorkerId));
        w.WriteString("name", Masked(r.Name));
        w.WriteString("idNumber", Masked(r.IdNumber));
        w.WriteString("bankAccount", Masked(r.BankAccount));
        w.WriteString("employer", Masked(r.Employer));
        w.WriteString("wageType", r.WageType.ToString().ToLowerInvariant());
        if (r.WageRateFen is { } rate) w.WriteString("wageRate", new Model.Money(rate).ToString());
        if (r.EntryDate is { } e) w.WriteString("entryDate", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (r.ExitDate is { } x) w.WriteString("exitDate", x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return End(buffer, w);
    }

    public static string Json(in AttendanceRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("idNumber", Masked(r.IdNumber));
        w.WriteString("time", r.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("direction", r.Direction.ToString().ToLowerInvariant());
        return End(buffer, w);
    }

    public static string Json(in PayrollRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("idNumber", Masked(r.IdNumber));
        w.WriteString("period", r.Period.ToString());
        if (r.Days is { } d) w.WriteNumber("days", d);
        w.WriteString("gross", r.Gross.ToString());
        w.WriteString("deductions", r.Deductions.ToString());
        w.WriteString("net", r.Net.ToString());
        return End(buffer, w);
    }

    public static string Json(in BatchRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("batchId", Text(r.BatchId));
        w.WriteString("bankAccount", Masked(r.BankAccount));
        w.WriteString("name", Masked(r.Name));
        w.WriteString("amount", r.Amount.ToString());
        w.WriteString("status", r.Status.ToString().ToLowerInvariant());
        return End(buffer, w);
    }

    public static string Json(in CalendarRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("kind", r.Kind.ToString().ToLowerInvariant());
        return End(buffer, w);
    }

    /// <summary>A rulings row as JSON.</summary>
    public static string Json(in RulingRow r)
    {
        var (buffer, w) = Start(r.Line);
        w.WriteString("finding_id", Text(r.FindingId));
        w.WriteString("ruling", Findings.FindingRuling.Name(r.Kind));
        w.WriteString("reason", Text(r.Reason));
        w.WriteString("reviewer", Text(r.Reviewer));
        if (r.Date is { } date) w.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return End(buffer, w);
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Masked(ReadOnlySpan<byte> utf8) => PersonalData.MaskNumbers(Text(utf8));

    private static (MemoryStream, Utf8JsonWriter) Start(long line)
    {
        var buffer = new MemoryStream();
        var w = new Utf8JsonWriter(buffer, Options);
        w.WriteStartObject();
        w.WriteNumber("line", line);
        return (buffer, w);
    }

    private static string End(MemoryStream buffer, Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.Flush();
        w.Dispose();
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
