using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Generation;

internal sealed partial class ProjectBuilder
{
    private long WriteWorkers(string path)
    {
        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        csv.Header(_zh
            ? "工号,姓名,身份证号,工资卡号,用工单位,班组,工种,计薪方式,工资标准,进场日期,退场日期"
            : "worker_id,name,id_number,bank_account,employer,team,trade,wage_type,wage_rate,entry_date,exit_date");
        foreach (var w in _workers) RosterRow(csv, w, w.WorkerId, w.Name, w.IdNumber, w.BankAccount);
        foreach (var x in _extraRows) RosterRow(csv, x.Template, x.WorkerId, x.BlankName ? "" : x.Template.Name, x.IdNumber, x.BankAccount);
        return csv.BytesWritten;
    }

    private void RosterRow(CsvByteWriter csv, WorkerPlan w, string workerId, string name, string idNumber, string account)
    {
        var style = _zh ? DateStyle.Slash : DateStyle.Iso;
        csv.Text(workerId);
        csv.Text(name);
        csv.Text(idNumber);
        csv.Text(account);
        csv.Text(_employers[w.Employer].Name);
        csv.Text(w.Team);
        csv.Text(w.Trade);
        csv.Text(WageTypeText(w.WageType));
        if (w.WageType == WageType.Piece) csv.Empty(); else csv.Money(w.RateFen);
        if (w.Entry is { } entry) csv.Date(entry, style); else csv.Empty();
        if (w.Exit is { } exit) csv.Date(exit, style); else csv.Empty();
        csv.EndRow();
    }

    private string WageTypeText(WageType type) => (type, _zh) switch
    {
        (WageType.Daily, false) => "daily",
        (WageType.Monthly, false) => "monthly",
        (WageType.Hourly, false) => "hourly",
        (WageType.Piece, false) => "piece",
        (WageType.Daily, true) => "日薪",
        (WageType.Monthly, true) => "月薪",
        (WageType.Hourly, true) => "时薪",
        _ => "计件",
    };

    private long WriteCalendar(string path)
    {
        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        csv.Header("date,kind");
        foreach (var (date, isWorkday) in _calendar.Entries)
        {
            csv.Date(date, DateStyle.Iso);
            csv.Text(isWorkday ? "workday" : "holiday");
            csv.EndRow();
        }
        return csv.BytesWritten;
    }

    private long WriteProjectJson(string path)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("code", Code);
            json.WriteString("name", _projectName);
            json.WriteString("contractor", _contractor);
            json.WriteString("account", _account);
            json.WriteString("asOf", IsoDate(_asOf));
            json.WriteNumber("payDay", _payDay);
            json.WriteNumber("payMonthOffset", 1);
            json.WriteNumber("graceDays", 0);
            MoneyProperty(json, "amountTolerance", 0);
            json.WriteStartObject("minimumWage");
            MoneyProperty(json, "monthly", _minMonthly);
            MoneyProperty(json, "hourly", _minHourly);
            json.WriteEndObject();
            json.WriteStartArray("laborFunds");
            for (int i = 0; i < _n; i++)
            {
                json.WriteStartObject();
                json.WriteString("period", _months[i].ToString());
                MoneyProperty(json, "amount", _laborAmount[i]);
                json.WriteString("dueDate", IsoDate(_laborDue[i]));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return new FileInfo(path).Length;
    }

    // Money goes into JSON as a number literal with two decimals, never through a binary floating point.
    private static void MoneyProperty(Utf8JsonWriter json, string name, long fen)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(new Money(fen).ToString());
    }

    private static string IsoDate(DateOnly d) => $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";

    /// <summary>Writes <c>expected-findings.csv</c> (UTF-8, LF, sorted by code name, worker, period).</summary>
    private long WriteExpected(string path)
    {
        _expected.Sort();
        var sb = new StringBuilder("code,worker_id,period\n");
        foreach (var f in _expected)
        {
            sb.Append(FindingCodes.Name(f.Code)).Append(',').Append(f.WorkerId).Append(',');
            if (f.Period is { } p) sb.Append(p.ToString());
            sb.Append('\n');
        }
        byte[] bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }
}
