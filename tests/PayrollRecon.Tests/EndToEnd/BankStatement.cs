using System.Globalization;
using System.Text;

using PayrollRecon.Tests.Generation;
using PayrollRecon.Tests.Reading.Workbooks;

namespace PayrollRecon.Tests.EndToEnd;

/// <summary>
/// A bank statement as a table of texts (header and data rows as the generator wrote them), re-written the ways banks
/// export statements: other column names and layouts, newest first, with preamble and footer rows, padded cells, other
/// encodings, or as an Excel workbook. Every re-writing keeps each line's meaning; only its form changes.
/// </summary>
internal sealed record BankStatement(string[] Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>Chinese aliases (SPEC §2.1, R38) of the English column names.</summary>
    private static readonly Dictionary<string, string> ChineseNames = new(StringComparer.Ordinal)
    {
        ["txn_id"] = "交易流水号", ["time"] = "交易时间", ["direction"] = "借贷标志", ["amount"] = "交易金额", ["balance"] = "余额",
        ["counterparty_name"] = "对方户名", ["counterparty_account"] = "对方账号", ["memo"] = "摘要", ["batch_id"] = "批次号",
        ["debit"] = "借方发生额", ["credit"] = "贷方发生额",
    };

    private static readonly HashSet<string> MoneyColumns = ["amount", "balance", "debit", "credit", "交易金额", "余额", "借方发生额", "贷方发生额"];
    private static readonly HashSet<string> TimeColumns = ["time", "交易时间"];
    private static readonly HashSet<string> Debits = ["D", "借"];

    /// <summary>The table of a generated, UTF-8, comma-separated statement (no quoted line breaks in generated files).</summary>
    public static BankStatement ParseCsv(byte[] utf8)
    {
        string text = new UTF8Encoding(false, true).GetString(utf8);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(GeneratedFiles.SplitCsv).ToList();
        return new BankStatement(lines[0], lines.Skip(1).ToList());
    }

    /// <summary>The index of the column with the English name or its Chinese alias.</summary>
    public int Column(string name) =>
        Array.IndexOf(Header, name) is >= 0 and var i ? i
        : Array.IndexOf(Header, ChineseNames[name]) is >= 0 and var j ? j
        : throw new ArgumentException($"no column {name}");

    private static string Cell(string[] row, int column) => column < row.Length ? row[column] : "";

    /// <summary>The data lines in reverse order; the header stays on top (R40).</summary>
    public BankStatement NewestFirst() => this with { Rows = Rows.Reverse().ToList() };

    /// <summary>Chinese column names, and 借/贷 for D/C.</summary>
    public BankStatement Chinese()
    {
        int dir = Array.IndexOf(Header, "direction");
        if (dir < 0) return this with { Header = [.. Header.Select(h => ChineseNames.GetValueOrDefault(h, h))] };
        return new BankStatement(
            [.. Header.Select(h => ChineseNames.GetValueOrDefault(h, h))],
            [.. Rows.Select(r => dir >= r.Length ? r : [.. r.Select((v, i) => i != dir ? v : v switch { "D" => "借", "C" => "贷", _ => v })])]);
    }

    /// <summary>Layout B: direction and amount replaced by 借方发生额 and 贷方发生额 (one of the two filled).</summary>
    public BankStatement LayoutB()
    {
        int dir = Column("direction"), amount = Column("amount");
        string[] header = [.. Header.SelectMany((h, i) => i == dir ? ["借方发生额"] : i == amount ? ["贷方发生额"] : new[] { h })];
        var rows = Rows.Select(r =>
        {
            bool debit = Debits.Contains(Cell(r, dir));
            string a = Cell(r, amount);
            return r.Select((v, i) => i == dir ? (debit ? a : "") : i == amount ? (debit ? "" : a) : v).ToArray();
        }).ToList();
        return new BankStatement(header, rows);
    }

    /// <summary>The dates of the first and last lines in time order, for a preamble's 起止日期.</summary>
    public (DateOnly From, DateOnly To) Period()
    {
        int time = Array.FindIndex(Header, TimeColumns.Contains);
        // A planted unreadable line (a day that does not exist) has no date to state.
        var dates = Rows.Select(r => DateOnly.TryParseExact(Cell(r, time)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().ToList();
        return (dates.Min(), dates.Max());
    }

    /// <summary>Σ of the money in the amount (or debit and credit) columns, for a footer's 合计.</summary>
    public long TotalFen()
    {
        long total = 0;
        var columns = Header.Select((h, i) => (h, i)).Where(x => MoneyColumns.Contains(x.h) && x.h is not ("balance" or "余额")).Select(x => x.i).ToList();
        foreach (var r in Rows)
            foreach (int c in columns)
                if (TryFen(Cell(r, c), out long fen)) total += fen;
        return total;
    }

    // ------------------------------------------------------------------ CSV

    /// <summary>How each written field is padded: (column, header line?) → the text before and after the value.</summary>
    public delegate (string Before, string After) Padding(int column, bool header);

    /// <summary>The statement as CSV: optional preamble records, the header, the data lines, optional footer records.</summary>
    public byte[] ToCsv(Encoding encoding, string newline = "\n", Padding? padding = null,
        IReadOnlyList<string[]>? preamble = null, IReadOnlyList<string[]>? footer = null)
    {
        var sb = new StringBuilder();
        void Line(string[] fields, bool header, bool pad)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0) sb.Append(',');
                var (before, after) = pad && padding is not null ? padding(i, header) : ("", "");
                string v = fields[i];
                // White space inside quotes is trimmed after unquoting too (R2), so padding can always go there.
                if (v.IndexOfAny([',', '"', '\r', '\n']) >= 0) sb.Append('"').Append(before).Append(v.Replace("\"", "\"\"")).Append(after).Append('"');
                else sb.Append(before).Append(v).Append(after);
            }
            sb.Append(newline);
        }
        foreach (var r in preamble ?? []) Line(r, header: false, pad: false);
        Line(Header, header: true, pad: true);
        foreach (var r in Rows) Line(r, header: false, pad: true);
        foreach (var r in footer ?? []) Line(r, header: false, pad: false);
        return encoding.GetBytes(sb.ToString());
    }

    /// <summary>The preamble a bank puts above its statement: the bank and title, the account and holder (when the
    /// project has an account), the period, then a blank record.</summary>
    public List<string[]> BankPreamble(string? account, string? holder)
    {
        var (from, to) = Period();
        List<string[]> rows = [["中国建设银行 交易明细"]];
        if (account is not null) rows.Add(["账　　号：" + account, "户　　名：" + (holder ?? "")]);
        rows.Add([$"起止日期：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}"]);
        rows.Add([""]);
        return rows;
    }

    /// <summary>The footer a bank puts under its statement: a total, the line count and a disclaimer.</summary>
    public List<string[]> BankFooter() =>
    [
        ["合计", "", "", Grouped(TotalFen()) + " "],
        [$"共 {Rows.Count} 笔"],
        ["以上数据仅供参考"],
    ];

    // ------------------------------------------------------------------ workbook

    /// <summary>The statement as a worksheet: money as numeric cells, times as date-time cells (or as text), every
    /// other value as text, empty values as no cell. With a preamble and footer, the blank rows are left out of the
    /// sheet (sparse row numbers), as Excel saves them.</summary>
    public WorkbookSheet ToSheet(string name, bool timeAsDateTimeCells, bool bankPreambleAndFooter = false, string? account = null, string? holder = null)
    {
        var rows = new List<WorkbookRow>();
        int number = 0;
        void Add(IEnumerable<WorkbookCell?> cells) => rows.Add(new WorkbookRow(++number, [.. cells]));

        if (bankPreambleAndFooter)
        {
            foreach (var r in BankPreamble(account, holder))
            {
                if (r.All(v => v.Length == 0)) number++;
                else Add(r.Select(Text));
            }
        }
        Add(Header.Select(Text));
        foreach (var r in Rows)
        {
            Add(r.Select((v, i) =>
            {
                if (v.Length == 0) return null;
                if (MoneyColumns.Contains(Header[i]) && IsPlainDecimal(v)) return WorkbookCell.Number(double.Parse(v, CultureInfo.InvariantCulture));
                if (timeAsDateTimeCells && TimeColumns.Contains(Header[i]) &&
                    DateTime.TryParseExact(v, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                    return WorkbookCell.DateTime(t);
                return WorkbookCell.Text(v);
            }));
        }
        if (bankPreambleAndFooter)
        {
            number++;
            Add([WorkbookCell.Text("合计"), null, null, WorkbookCell.Money(TotalFen())]);
            Add([WorkbookCell.Text($"共 {Rows.Count} 笔")]);
            Add([WorkbookCell.Text("以上数据仅供参考")]);
        }
        return new WorkbookSheet(name, rows);

        static WorkbookCell? Text(string v) => v.Length == 0 ? null : WorkbookCell.Text(v);
    }

    /// <summary>A value Excel would hold as a number: digits with an optional fraction, the double's shortest text
    /// giving the same number back (so 12.345 stays 12.345, an invalid amount either way).</summary>
    private static bool IsPlainDecimal(string v)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(v, @"^-?[0-9]{1,15}(\.[0-9]{1,6})?$")) return false;
        double d = double.Parse(v, CultureInfo.InvariantCulture);
        return decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) ==
               decimal.Parse(v, CultureInfo.InvariantCulture);
    }

    private static bool TryFen(string v, out long fen)
    {
        fen = 0;
        if (!System.Text.RegularExpressions.Regex.IsMatch(v, @"^[0-9]{1,15}(\.[0-9]{1,2})?$")) return false;
        fen = GeneratedFiles.Fen(v);
        return true;
    }

    private static string Grouped(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
