using System.IO.Compression;
using System.Xml;

using PayrollRecon.Reporting;

namespace PayrollRecon.Reading;

/// <summary>
/// Looks through the parts of an <c>.xlsx</c> that ExcelDataReader 3.6 reads, before it reads them, for what would
/// make it work far longer than any real workbook of that size: more worksheets than a workbook may have, worksheets
/// sharing one part, string items whose text runs it would join at a cost growing with the square of their number,
/// and as many different number formats, each compared with all before it.
/// </summary>
/// <remarks>
/// The parts are found as ExcelDataReader finds them (<c>xl/workbook.xml</c>, its relationships, the worksheets they
/// name, <c>xl/sharedStrings.xml</c>; entry names compared ignoring case, the first of equal names). A part that is
/// not well-formed XML is left to ExcelDataReader to report. The worksheets and shared strings are read once more,
/// as bytes (a few percent of the time ExcelDataReader takes over them); a part in another encoding than UTF-8
/// through <see cref="XmlReader"/>.
/// </remarks>
internal static class XlsxPartCheck
{
    /// <summary>Characters copied joining one string item's runs that any item may cost (a 32,767-character cell, Excel's longest, in 1,000 runs).</summary>
    internal const long ItemJoinFloor = 1L << 24;

    /// <summary>Characters copied joining an item's runs per byte of the item, above <see cref="ItemJoinFloor"/> (an item of up to 128 runs of any length).</summary>
    internal const long ItemJoinPerByte = 64;

    /// <summary>Comparisons of number formats any workbook may cost (about 5,800 different formats).</summary>
    internal const long NumberFormatFloor = 1L << 24;

    /// <summary>Comparisons of number formats per byte of <c>xl/styles.xml</c>, above <see cref="NumberFormatFloor"/>.</summary>
    internal const long NumberFormatsPerByte = 64;

    /// <summary>The built-in number formats ExcelDataReader 3.6 knows before a workbook's own.</summary>
    private const int BuiltinNumberFormats = 36;

    private const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Bytes read from a part at a time (and looked at to choose how to read it).</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The message refusing the workbook, or null when nothing here is wrong with it.</summary>
    /// <param name="workbook">The workbook's bytes from its current position (left anywhere).</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="sheetLimit">The most worksheets a workbook may have.</param>
    /// <exception cref="InvalidDataException">The ZIP archive is damaged (as from any other reader of it).</exception>
    public static LocalizedText? FindDamage(Stream workbook, string fileName, int sheetLimit)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (ZipArchiveEntry entry in zip.Entries) entries.TryAdd(entry.FullName.Replace('\\', '/'), entry);

        // ExcelDataReader matches every relationship against every sheet before anything counts the sheets: 40,000
        // sheets were 9 s of it for a 0.5 MB file.
        List<string?>? sheetIds = SheetRelationshipIds(entries, sheetLimit, out int sheets);
        if (sheetIds is null) return new LocalizedText(MessageKey.WorkbookTooManySheets, fileName, sheets, sheetLimit);

        var parts = new List<ZipArchiveEntry>();
        if (entries.TryGetValue("xl/sharedStrings.xml", out ZipArchiveEntry? sharedStrings)) parts.Add(sharedStrings);
        foreach (string? path in SheetPaths(entries, sheetIds))
        {
            if (path is null || !entries.TryGetValue(path, out ZipArchiveEntry? sheet)) continue;
            // Each worksheet is a part of its own. Sheets naming one part would have ExcelDataReader read it once for
            // each (and in full when opening it): 255 sheets on one part of 100,000 rows deflated to 17 KB were 15 s.
            if (parts.Contains(sheet)) return Damaged(fileName, MessageKey.WorkbookBadStructure);
            parts.Add(sheet);
        }
        foreach (ZipArchiveEntry part in parts)
        {
            if (!Scan(part)) return Damaged(fileName, MessageKey.WorkbookBadXml);
        }
        if (entries.TryGetValue("xl/styles.xml", out ZipArchiveEntry? styles) && NumberFormatsTooCostly(styles)) return Damaged(fileName, MessageKey.WorkbookBadStructure);
        return null;
    }

    /// <summary>
    /// True when ExcelDataReader 3.6 would compare the number formats of <c>xl/styles.xml</c> more often than
    /// <see cref="NumberFormatFloor"/> and <see cref="NumberFormatsPerByte"/> allow.
    /// </summary>
    /// <remarks>
    /// <c>CommonWorkbook.AddNumberFormat</c> compares each <c>numFmt</c> with every format known so far (the built-in
    /// ones and each different one before it): 40,000 different formats, 200 KB deflated, took 9-17 s. Excel itself
    /// keeps at most about 250; any number of repeats of a few formats costs little and is let through.
    /// </remarks>
    private static bool NumberFormatsTooCostly(ZipArchiveEntry styles)
    {
        using Stream stream = styles.Open();
        using var reader = XmlReader.Create(stream);
        if (!reader.IsStartElement("styleSheet", SpreadsheetMl)) return false;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        long comparisons = 0;
        long budget = Math.Max(NumberFormatFloor, NumberFormatsPerByte * styles.Length);
        bool inNumberFormats = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.Depth == 1)
            {
                inNumberFormats = reader.LocalName == "numFmts" && reader.NamespaceURI == SpreadsheetMl && !reader.IsEmptyElement;
            }
            else if (reader.Depth == 2 && inNumberFormats && reader.LocalName == "numFmt" && reader.NamespaceURI == SpreadsheetMl)
            {
                comparisons += BuiltinNumberFormats + codes.Count;
                if (comparisons > budget) return true;
                codes.Add(reader.GetAttribute("formatCode") ?? "");
            }
        }
        return false;
    }

    private static LocalizedText Damaged(string fileName, MessageKey reason) =>
        new(MessageKey.WorkbookUnreadable, fileName, new LocalizedText(reason));

    /// <summary>The relationship id of each sheet of <c>xl/workbook.xml</c>; null when there are more than <paramref name="sheetLimit"/> (<paramref name="count"/> says how many).</summary>
    private static List<string?>? SheetRelationshipIds(Dictionary<string, ZipArchiveEntry> entries, int sheetLimit, out int count)
    {
        count = 0;
        var ids = new List<string?>();
        if (!entries.TryGetValue("xl/workbook.xml", out ZipArchiveEntry? entry)) return ids;
        using Stream stream = entry.Open();
        using var reader = XmlReader.Create(stream);
        if (!reader.IsStartElement("workbook", SpreadsheetMl)) return ids;
        bool inSheets = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                inSheets = reader.LocalName == "sheets" && reader.NamespaceURI == SpreadsheetMl && !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && inSheets && reader.LocalName == "sheet" && reader.NamespaceURI == SpreadsheetMl)
            {
                count++;
                if (count <= sheetLimit) ids.Add(reader.GetAttribute("id", DocumentRelationships));
            }
        }
        return count > sheetLimit ? null : ids;
    }

    /// <summary>The ZIP entry name of each sheet's part as ExcelDataReader resolves it (null: the sheet has none).</summary>
    private static string?[] SheetPaths(Dictionary<string, ZipArchiveEntry> entries, List<string?> sheetIds)
    {
        var paths = new string?[sheetIds.Count];
        if (sheetIds.Count == 0 || !entries.TryGetValue("xl/_rels/workbook.xml.rels", out ZipArchiveEntry? entry)) return paths;
        // The first sheet of an id takes the target of every relationship of that id, as in ExcelDataReader.
        var firstOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        int firstWithoutId = -1;
        for (int i = 0; i < sheetIds.Count; i++)
        {
            if (sheetIds[i] is { } id) firstOfId.TryAdd(id, i);
            else if (firstWithoutId < 0) firstWithoutId = i;
        }
        using Stream stream = entry.Open();
        using var reader = XmlReader.Create(stream);
        if (!reader.IsStartElement("Relationships", PackageRelationships)) return paths;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1 || reader.LocalName != "Relationship" || reader.NamespaceURI != PackageRelationships) continue;
            int sheet = reader.GetAttribute("Id") is { } relationship ? firstOfId.GetValueOrDefault(relationship, -1) : firstWithoutId;
            if (sheet < 0) continue;
            string? target = reader.GetAttribute("Target");
            paths[sheet] = target is null ? null
                : target.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? target[1..] : "xl/" + target;
        }
        return paths;
    }

    /// <summary>False when a string item of the part would cost more to join than <see cref="ItemJoinFloor"/> and <see cref="ItemJoinPerByte"/> allow.</summary>
    private static bool Scan(ZipArchiveEntry part)
    {
        byte[] buffer = new byte[ChunkBytes];
        var items = new StringItems();
        using (Stream stream = part.Open())
        {
            int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (IsUtf8(buffer.AsSpan(0, length)))
            {
                var tokens = new Utf8XmlTokens(items);
                while (length > 0 && !items.TooCostly)
                {
                    tokens.Feed(buffer.AsSpan(0, length));
                    length = stream.Read(buffer);
                }
                tokens.Finish();
                return !items.TooCostly;
            }
        }
        using (Stream stream = part.Open())
        {
            ScanWithXmlReader(stream, items);
        }
        return !items.TooCostly;
    }

    /// <summary>True when the part is UTF-8 as <see cref="XmlReader"/> would read it: no other byte order mark, no other declared encoding.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        if (head.IsEmpty) return true;
        if (head[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') return true;
        if (head[0] != (byte)'<' || head.Length < 2 || head[1] == 0) return false;
        if (!head.StartsWith("<?xml"u8)) return true;
        int end = head.IndexOf("?>"u8);
        if (end < 0) return false;
        ReadOnlySpan<byte> declaration = head[..end];
        int at = declaration.IndexOf("encoding"u8);
        if (at < 0) return true;
        ReadOnlySpan<byte> rest = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n="u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\'')) return false;
        int close = rest[1..].IndexOf(rest[0]);
        if (close < 0) return false;
        ReadOnlySpan<byte> name = rest.Slice(1, close);
        return System.Text.Ascii.EqualsIgnoreCase(name, "utf-8"u8) || System.Text.Ascii.EqualsIgnoreCase(name, "utf8"u8);
    }

    /// <summary>The same count over a part in another encoding, through the reader ExcelDataReader uses (a byte of markup counted as 16).</summary>
    private static void ScanWithXmlReader(Stream stream, StringItems items)
    {
        using var reader = XmlReader.Create(stream);
        long offset = 0;
        while (!items.TooCostly && reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    offset += 16;
                    items.Start(StringItems.Classify(reader.LocalName), reader.IsEmptyElement, offset);
                    break;
                case XmlNodeType.EndElement:
                    offset += 16;
                    items.End(offset);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    offset += reader.Value.Length;
                    items.Text(reader.Value.Length);
                    break;
            }
        }
        items.Finish(offset);
    }

    /// <summary>
    /// The cost of joining each string item's runs as ExcelDataReader 3.6 does (<c>XlsxWorkbook.ReadStringItem</c>:
    /// <c>result += run</c>, a new string per non-empty run, for a shared string <c>si</c> and an inline <c>is</c>).
    /// </summary>
    /// <remarks>
    /// Every <c>t</c> inside an item counts as a run and every byte of its text (entities and bytes of a multi-byte
    /// character included) as a character, so the cost is never underestimated. A 4.7 KB .xlsx holding one shared
    /// string of 320,000 one-letter runs took 22 s; real rich text has a few runs per cell.
    /// </remarks>
    private sealed class StringItems
    {
        private int _depth;
        private int _itemDepth = -1;
        private int _runDepth = -1;
        private long _itemStart;
        private long _itemChars;
        private long _itemJoined;
        private long _runChars;

        public enum Name
        {
            Other,
            Item,
            Run,
        }

        public bool TooCostly { get; private set; }

        public static Name Classify(ReadOnlySpan<char> localName) =>
            localName is "si" or "is" ? Name.Item : localName is "t" ? Name.Run : Name.Other;

        public static Name Classify(ReadOnlySpan<byte> localName) =>
            localName.SequenceEqual("si"u8) || localName.SequenceEqual("is"u8) ? Name.Item : localName.SequenceEqual("t"u8) ? Name.Run : Name.Other;

        public void Start(Name name, bool empty, long offset)
        {
            _depth++;
            if (_itemDepth < 0)
            {
                if (name == Name.Item)
                {
                    _itemDepth = _depth;
                    _itemStart = offset;
                    _itemChars = 0;
                    _itemJoined = 0;
                }
            }
            else if (_runDepth < 0 && name == Name.Run)
            {
                _runDepth = _depth;
                _runChars = 0;
            }
            if (empty) End(offset);
        }

        public void End(long offset)
        {
            if (_depth == _runDepth)
            {
                _runDepth = -1;
                if (_runChars > 0)
                {
                    _itemChars += _runChars;
                    _itemJoined = Math.Min(_itemJoined + _itemChars, long.MaxValue / 2);
                }
            }
            if (_depth == _itemDepth)
            {
                _itemDepth = -1;
                Check(offset);
            }
            if (_depth > 0) _depth--;
        }

        public void Text(long chars)
        {
            if (_runDepth >= 0) _runChars += chars;
        }

        /// <summary>An item the part ends inside is judged as it stands.</summary>
        public void Finish(long offset)
        {
            if (_itemDepth < 0) return;
            if (_runDepth >= 0) End(offset);
            _itemDepth = -1;
            Check(offset);
        }

        private void Check(long offset)
        {
            if (_itemJoined > Math.Max(ItemJoinFloor, ItemJoinPerByte * (offset - _itemStart))) TooCostly = true;
        }
    }

    /// <summary>
    /// Start tags, end tags and text of UTF-8 XML fed in pieces, for <see cref="StringItems"/>: element names reduced
    /// to their local name, attributes skipped (quoted values may hold <c>&gt;</c>), CDATA counted as text, comments,
    /// processing instructions and declarations skipped. Not a validator: what is not well-formed is ExcelDataReader's
    /// to refuse.
    /// </summary>
    private sealed class Utf8XmlTokens(StringItems items)
    {
        /// <summary>Longest local name kept: longer ones are none of the names looked for.</summary>
        private const int NameBytes = 8;

        private readonly byte[] _name = new byte[NameBytes];
        private readonly byte[] _bang = new byte["[CDATA[".Length];
        private State _state;
        private long _offset;
        private int _nameLength;
        private byte _quote;
        private byte _last;
        private byte _beforeLast;
        private int _bangLength;

        private enum State
        {
            Text,
            Open,
            StartName,
            Attributes,
            Quoted,
            EndTag,
            Bang,
            Comment,
            CData,
            Instruction,
            Declaration,
        }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            int i = 0;
            while (i < bytes.Length)
            {
                ReadOnlySpan<byte> rest = bytes[i..];
                switch (_state)
                {
                    case State.Text:
                    {
                        int k = rest.IndexOf((byte)'<');
                        int n = k < 0 ? rest.Length : k;
                        items.Text(n);
                        i += n;
                        if (k >= 0)
                        {
                            i++;
                            _state = State.Open;
                        }
                        break;
                    }
                    case State.Open:
                        byte first = rest[0];
                        if (first == (byte)'/')
                        {
                            _state = State.EndTag;
                            i++;
                        }
                        else if (first == (byte)'?')
                        {
                            _state = State.Instruction;
                            _last = 0;
                            i++;
                        }
                        else if (first == (byte)'!')
                        {
                            _state = State.Bang;
                            _bangLength = 0;
                            i++;
                        }
                        else
                        {
                            _state = State.StartName;
                            _nameLength = 0;
                        }
                        break;
                    case State.StartName:
                    {
                        byte b = rest[0];
                        if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>')
                        {
                            _state = State.Attributes;
                            _last = 0;
                            break;
                        }
                        // A prefix ends at ':'; a longer local name than the buffer is none of those looked for.
                        if (b == (byte)':') _nameLength = 0;
                        else if (_nameLength < NameBytes) _name[_nameLength++] = b;
                        else _nameLength = NameBytes + 1;
                        i++;
                        break;
                    }
                    case State.Attributes:
                    {
                        int k = rest.IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
                        if (k < 0)
                        {
                            _last = rest[^1];
                            i = bytes.Length;
                            break;
                        }
                        byte b = rest[k];
                        if (b == (byte)'>')
                        {
                            bool empty = (k > 0 ? rest[k - 1] : _last) == (byte)'/';
                            StringItems.Name name = _nameLength > NameBytes ? StringItems.Name.Other : StringItems.Classify(_name.AsSpan(0, _nameLength));
                            items.Start(name, empty, _offset + i);
                            _state = State.Text;
                        }
                        else
                        {
                            _quote = b;
                            _state = State.Quoted;
                        }
                        i += k + 1;
                        break;
                    }
                    case State.Quoted:
                    {
                        int k = rest.IndexOf(_quote);
                        if (k < 0)
                        {
                            i = bytes.Length;
                            break;
                        }
                        i += k + 1;
                        _last = _quote;
                        _state = State.Attributes;
                        break;
                    }
                    case State.EndTag:
                    {
                        int k = rest.IndexOf((byte)'>');
                        if (k < 0)
                        {
                            i = bytes.Length;
                            break;
                        }
                        i += k + 1;
                        items.End(_offset + i);
                        _state = State.Text;
                        break;
                    }
                    case State.Bang:
                    {
                        // "<!--" a comment, "<![CDATA[" text, anything else a declaration.
                        byte b = rest[0];
                        i++;
                        _bang[_bangLength++] = b;
                        ReadOnlySpan<byte> seen = _bang.AsSpan(0, _bangLength);
                        if (seen.SequenceEqual("--"u8))
                        {
                            _state = State.Comment;
                            _last = _beforeLast = 0;
                        }
                        else if (seen.SequenceEqual("[CDATA["u8))
                        {
                            _state = State.CData;
                            _last = _beforeLast = 0;
                        }
                        else if (!"--"u8.StartsWith(seen) && !"[CDATA["u8.StartsWith(seen))
                        {
                            _state = b == (byte)'>' ? State.Text : State.Declaration;
                        }
                        break;
                    }
                    case State.Comment or State.CData or State.Instruction:
                    {
                        // Each ends at a '>' after "--", "]]" or "?".
                        int k = rest.IndexOf((byte)'>');
                        int n = k < 0 ? rest.Length : k;
                        if (_state == State.CData) items.Text(n);
                        byte beforeLast = n >= 2 ? rest[n - 2] : n == 1 ? _last : _beforeLast;
                        byte last = n >= 1 ? rest[n - 1] : _last;
                        i += n;
                        if (k < 0)
                        {
                            _beforeLast = beforeLast;
                            _last = last;
                            break;
                        }
                        i++;
                        bool ends = _state switch
                        {
                            State.Comment => beforeLast == (byte)'-' && last == (byte)'-',
                            State.CData => beforeLast == (byte)']' && last == (byte)']',
                            _ => last == (byte)'?',
                        };
                        if (ends)
                        {
                            _state = State.Text;
                        }
                        else
                        {
                            if (_state == State.CData) items.Text(1);
                            _beforeLast = last;
                            _last = (byte)'>';
                        }
                        break;
                    }
                    default:
                    {
                        int k = rest.IndexOf((byte)'>');
                        if (k < 0)
                        {
                            i = bytes.Length;
                            break;
                        }
                        i += k + 1;
                        _state = State.Text;
                        break;
                    }
                }
            }
            _offset += bytes.Length;
        }

        public void Finish() => items.Finish(_offset);
    }
}
