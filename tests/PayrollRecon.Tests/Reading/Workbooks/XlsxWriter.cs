using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PayrollRecon.Tests.Reading.Workbooks;

/// <summary>
/// A minimal Office Open XML (.xlsx) workbook writer for tests: the parts Excel itself writes for a plain workbook —
/// <c>[Content_Types].xml</c>, <c>_rels/.rels</c>, <c>xl/workbook.xml</c>, <c>xl/_rels/workbook.xml.rels</c>,
/// <c>xl/styles.xml</c>, <c>xl/sharedStrings.xml</c> and one <c>xl/worksheets/sheetN.xml</c> per sheet.
/// </summary>
/// <remarks>
/// Text goes to the shared-string table (<c>t="s"</c>), as Excel stores it; numbers are written as the shortest
/// round-trip decimal of the double (<c>1234.5</c>); dates and date-times are serial numbers with cell style 1
/// (<c>yyyy-mm-dd</c>, custom format 164) or 2 (<c>yyyy-mm-dd hh:mm:ss</c>, custom format 165). Rows keep their own
/// numbers (<c>&lt;row r="17"&gt;</c>), so rows may be left out. The same sheets always give the same bytes.
/// </remarks>
internal static class XlsxWriter
{
    public const int MaxRows = 1_048_576;
    public const int MaxColumns = 16_384;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DateStyle = "1";
    private const string DateTimeStyle = "2";

    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(params WorkbookSheet[] sheets) => Write((IReadOnlyList<WorkbookSheet>)sheets);

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        foreach (var s in sheets) s.Validate(MaxRows, MaxColumns);

        // Shared strings in order of first use, as Excel numbers them.
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int references = 0;
        foreach (var sheet in sheets)
            foreach (var row in sheet.Rows)
                foreach (var cell in row.Cells)
                    if (cell is TextCell t)
                    {
                        references++;
                        if (!index.ContainsKey(t.Value))
                        {
                            index[t.Value] = strings.Count;
                            strings.Add(t.Value);
                        }
                    }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => ContentTypes(w, sheets.Count));
            Part(zip, "_rels/.rels", w =>
            {
                w.WriteStartElement("Relationships", PackageRels);
                Relationship(w, "rId1", RelNs + "/officeDocument", "xl/workbook.xml");
                w.WriteEndElement();
            });
            Part(zip, "xl/workbook.xml", w => Workbook(w, sheets));
            Part(zip, "xl/_rels/workbook.xml.rels", w =>
            {
                w.WriteStartElement("Relationships", PackageRels);
                for (int i = 0; i < sheets.Count; i++)
                    Relationship(w, $"rId{i + 1}", RelNs + "/worksheet", $"worksheets/sheet{i + 1}.xml");
                Relationship(w, $"rId{sheets.Count + 1}", RelNs + "/styles", "styles.xml");
                Relationship(w, $"rId{sheets.Count + 2}", RelNs + "/sharedStrings", "sharedStrings.xml");
                w.WriteEndElement();
            });
            Part(zip, "xl/styles.xml", Styles);
            Part(zip, "xl/sharedStrings.xml", w => SharedStrings(w, strings, references));
            for (int i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                Part(zip, $"xl/worksheets/sheet{i + 1}.xml", w => Worksheet(w, sheet, index));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The cell reference of a 0-based column and 1-based row: (0, 1) → A1, (27, 5) → AB5.</summary>
    public static string CellReference(int column, int row)
    {
        var sb = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) sb.Insert(0, (char)('A' + ((c - 1) % 26)));
        return sb.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None };
        using var w = XmlWriter.Create(stream, settings);
        w.WriteStartDocument(standalone: true);
        write(w);
        w.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w, int sheetCount)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (int i = 0; i < sheetCount; i++)
            Override(w, ns, $"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(w, ns, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRels);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<WorkbookSheet> sheets)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        w.WriteStartElement("bookViews", Main);
        w.WriteStartElement("workbookView", Main);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheets", Main);
        for (int i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteStartElement("numFmts", Main);
        w.WriteAttributeString("count", "2");
        NumFmt(w, "164", "yyyy-mm-dd");
        NumFmt(w, "165", "yyyy-mm-dd hh:mm:ss");
        w.WriteEndElement();

        w.WriteStartElement("fonts", Main);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("font", Main);
        Val(w, "sz", "11");
        Val(w, "name", "宋体");
        Val(w, "charset", "134");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("fills", Main);
        w.WriteAttributeString("count", "2");
        foreach (string pattern in (string[])["none", "gray125"])
        {
            w.WriteStartElement("fill", Main);
            w.WriteStartElement("patternFill", Main);
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("borders", Main);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border", Main);
        foreach (string side in (string[])["left", "right", "top", "bottom", "diagonal"]) w.WriteElementString(side, Main, "");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs", Main);
        w.WriteAttributeString("count", "1");
        Xf(w, "0", xfId: null);
        w.WriteEndElement();

        // Style 0: General; 1: date; 2: date-time.
        w.WriteStartElement("cellXfs", Main);
        w.WriteAttributeString("count", "3");
        Xf(w, "0", xfId: "0");
        Xf(w, "164", xfId: "0");
        Xf(w, "165", xfId: "0");
        w.WriteEndElement();

        w.WriteStartElement("cellStyles", Main);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle", Main);
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        static void NumFmt(XmlWriter w, string id, string code)
        {
            w.WriteStartElement("numFmt", Main);
            w.WriteAttributeString("numFmtId", id);
            w.WriteAttributeString("formatCode", code);
            w.WriteEndElement();
        }

        static void Val(XmlWriter w, string name, string value)
        {
            w.WriteStartElement(name, Main);
            w.WriteAttributeString("val", value);
            w.WriteEndElement();
        }

        static void Xf(XmlWriter w, string numFmtId, string? xfId)
        {
            w.WriteStartElement("xf", Main);
            w.WriteAttributeString("numFmtId", numFmtId);
            w.WriteAttributeString("fontId", "0");
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            if (xfId is not null) w.WriteAttributeString("xfId", xfId);
            if (numFmtId != "0") w.WriteAttributeString("applyNumberFormat", "1");
            w.WriteEndElement();
        }
    }

    private static void SharedStrings(XmlWriter w, List<string> strings, int references)
    {
        w.WriteStartElement("sst", Main);
        w.WriteAttributeString("count", references.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("uniqueCount", strings.Count.ToString(CultureInfo.InvariantCulture));
        foreach (string s in strings)
        {
            w.WriteStartElement("si", Main);
            w.WriteStartElement("t", Main);
            if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.Contains('\n')))
                w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteString(s);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Worksheet(XmlWriter w, WorkbookSheet sheet, Dictionary<string, int> strings)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        int lastRow = sheet.Rows.Count == 0 ? 1 : sheet.Rows[^1].Number;
        int lastColumn = Math.Max(1, sheet.Rows.Count == 0 ? 1 : sheet.Rows.Max(r => r.Cells.Count));
        w.WriteStartElement("dimension", Main);
        w.WriteAttributeString("ref", lastRow == 1 && lastColumn == 1 ? "A1" : $"A1:{CellReference(lastColumn - 1, lastRow)}");
        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        foreach (var row in sheet.Rows)
        {
            w.WriteStartElement("row", Main);
            w.WriteAttributeString("r", row.Number.ToString(CultureInfo.InvariantCulture));
            for (int c = 0; c < row.Cells.Count; c++)
            {
                if (row.Cells[c] is not { } cell) continue;
                w.WriteStartElement("c", Main);
                w.WriteAttributeString("r", CellReference(c, row.Number));
                switch (cell)
                {
                    case TextCell t:
                        w.WriteAttributeString("t", "s");
                        w.WriteElementString("v", Main, strings[t.Value].ToString(CultureInfo.InvariantCulture));
                        break;
                    case NumberCell n:
                        w.WriteElementString("v", Main, Number(n.Value));
                        break;
                    case DateCell d:
                        w.WriteAttributeString("s", DateStyle);
                        w.WriteElementString("v", Main, Number(WorkbookCell.Serial(d.Value.ToDateTime(TimeOnly.MinValue))));
                        break;
                    case DateTimeCell dt:
                        w.WriteAttributeString("s", DateTimeStyle);
                        w.WriteElementString("v", Main, Number(WorkbookCell.Serial(dt.Value)));
                        break;
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string Number(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"a cell cannot hold {value}");
        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
