using System.Globalization;
using System.Text;

using ExcelDataReader;

namespace PayrollRecon.Tests.Reading.Workbooks;

/// <summary>Reads a workbook back through ExcelDataReader (the reader the product uses), sheet by sheet, every row
/// from row 1 (rows left out come back empty), every value as ExcelDataReader types it.</summary>
internal static class WorkbookReadBack
{
    public static List<(string Name, List<object?[]> Rows)> Read(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>The first worksheet as CSV text, each cell as SPEC R32 reads it: text as written, a number as the
    /// shortest decimal that round-trips it, a date cell as <c>yyyy-MM-dd</c> and a date-time cell as
    /// <c>yyyy-MM-dd HH:mm:ss</c>, an empty cell as empty. A row without a value (one left out of the sheet, which
    /// ExcelDataReader hands out as empty) is a blank line, not a record of empty fields. A reference reading,
    /// independent of the product's.</summary>
    public static string FirstSheetAsR32Csv(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sb = new StringBuilder();
        while (reader.Read())
        {
            bool any = false;
            for (int i = 0; i < reader.FieldCount && !any; i++) any = reader.GetValue(i) is not null;
            for (int i = 0; i < reader.FieldCount && any; i++)
            {
                if (i > 0) sb.Append(',');
                string text = reader.GetValue(i) switch
                {
                    null => "",
                    string s => s,
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => (reader.GetNumberFormatString(i) ?? "").Contains('h', StringComparison.OrdinalIgnoreCase) || t.TimeOfDay != TimeSpan.Zero
                        ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                        : t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                };
                sb.Append(text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text);
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>What <see cref="Read"/> must give for <paramref name="sheet"/>: a value per cell (null where there is
    /// none), rows 1..last, trailing empty cells trimmed.</summary>
    public static List<object?[]> Expected(WorkbookSheet sheet)
    {
        var rows = new List<object?[]>();
        foreach (var row in sheet.Rows)
        {
            while (rows.Count < row.Number - 1) rows.Add([]);
            rows.Add([.. row.Cells.Select(Value)]);
        }
        return [.. rows.Select(Trim)];
    }

    /// <summary>A row without its trailing nulls, for comparing rows of different widths.</summary>
    public static object?[] Trim(object?[] row)
    {
        int n = row.Length;
        while (n > 0 && row[n - 1] is null) n--;
        return row[..n];
    }

    private static object? Value(WorkbookCell? cell) => cell switch
    {
        null => null,
        TextCell t => t.Value,
        NumberCell n => n.Value,
        DateCell d => d.Value.ToDateTime(TimeOnly.MinValue),
        DateTimeCell dt => dt.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };
}
