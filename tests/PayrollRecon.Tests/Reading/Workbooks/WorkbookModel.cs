using System.Globalization;

namespace PayrollRecon.Tests.Reading.Workbooks;

/// <summary>One cell of a test workbook: text, a number, or a date / date-time (a number with a date format).</summary>
internal abstract record WorkbookCell
{
    /// <summary>A text cell (a shared string in .xlsx, an SST string in .xls), as written.</summary>
    public static WorkbookCell Text(string value) => new TextCell(value);

    /// <summary>A numeric cell with the General format.</summary>
    public static WorkbookCell Number(double value) => new NumberCell(value);

    /// <summary>Money typed into Excel: the double nearest to the yuan amount (123450 fen → 1234.5), General format.</summary>
    public static WorkbookCell Money(long fen) => new NumberCell(double.Parse(YuanText(fen), CultureInfo.InvariantCulture));

    /// <summary>A date: its serial number (days since 1899-12-30) with the <c>yyyy-mm-dd</c> format.</summary>
    public static WorkbookCell Date(DateOnly value) => new DateCell(value);

    /// <summary>A date-time: its serial number with the fraction of the day, with the <c>yyyy-mm-dd hh:mm:ss</c> format.</summary>
    public static WorkbookCell DateTime(DateTime value) => new DateTimeCell(value);

    /// <summary>The shortest yuan text of an amount in fen: 123450 → 1234.5, 100 → 1, 5 → 0.05, -250 → -2.5.</summary>
    public static string YuanText(long fen)
    {
        string sign = fen < 0 ? "-" : "";
        ulong abs = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        ulong yuan = abs / 100, cents = abs % 100;
        if (cents == 0) return $"{sign}{yuan}";
        return cents % 10 == 0 ? $"{sign}{yuan}.{cents / 10}" : $"{sign}{yuan}.{cents:D2}";
    }

    /// <summary>The serial number Excel stores for a date-time (1900 date system).</summary>
    public static double Serial(DateTime value) => value.ToOADate();
}

internal sealed record TextCell(string Value) : WorkbookCell;

internal sealed record NumberCell(double Value) : WorkbookCell;

internal sealed record DateCell(DateOnly Value) : WorkbookCell;

internal sealed record DateTimeCell(DateTime Value) : WorkbookCell;

/// <summary>One worksheet row: its 1-based row number (rows may be left out) and its cells from column A (null: no cell).</summary>
internal sealed record WorkbookRow(int Number, IReadOnlyList<WorkbookCell?> Cells);

/// <summary>One worksheet: its name and its rows in ascending row number.</summary>
internal sealed record WorkbookSheet(string Name, IReadOnlyList<WorkbookRow> Rows)
{
    /// <summary>A sheet whose rows are numbered 1, 2, 3, … in order.</summary>
    public static WorkbookSheet Dense(string name, IEnumerable<IReadOnlyList<WorkbookCell?>> rows) =>
        new(name, [.. rows.Select((cells, i) => new WorkbookRow(i + 1, cells))]);

    /// <summary>Checks the invariants both writers rely on: ascending, positive row numbers.</summary>
    public void Validate(int maxRows, int maxColumns)
    {
        int last = 0;
        foreach (var row in Rows)
        {
            if (row.Number <= last) throw new ArgumentException($"sheet '{Name}': row {row.Number} after row {last}");
            if (row.Number > maxRows) throw new ArgumentException($"sheet '{Name}': row {row.Number} beyond {maxRows}");
            if (row.Cells.Count > maxColumns) throw new ArgumentException($"sheet '{Name}': {row.Cells.Count} columns beyond {maxColumns}");
            last = row.Number;
        }
    }
}
