using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;

using PayrollRecon.Reporting;

namespace PayrollRecon.Reading;

/// <summary>
/// Looks through the parts of an <c>.xlsx</c> that ExcelDataReader 3.6 reads, before it reads them, for what would
/// make it work far longer than any real workbook of that size: more worksheets than a workbook may have, worksheets
/// sharing one part, string items whose text runs it would join at a cost growing with the square of their number,
/// and as many different number formats, each compared with all before it; and for what it would read into something
/// the worksheet does not hold, or hold whole at many times its size: two rows of one number (<see cref="SheetWatch"/>),
/// a shared-string cell without a shared string, and a row, shared string, page header or start tag of more than
/// <see cref="TextPerRecordByte"/> times the record limit.
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

    /// <summary>Bytes of text (as written) a worksheet row, a shared string or a start tag may hold per byte of the record limit.</summary>
    /// <remarks>
    /// ExcelDataReader 3.6 holds each of them whole, at several times its size, before a record can be cut at the
    /// limit: a 256 MiB inline string in a 273 KB file took 2.3 GB. Up to this many times the limit the row is read
    /// and is the usual <c>line longer than</c> error; past it the workbook is refused.
    /// </remarks>
    internal const int TextPerRecordByte = 4;

    /// <summary>Bytes of text all shared strings may hold whatever the workbook's size (ExcelDataReader holds them all at once).</summary>
    internal const long SharedStringsFloor = 32L << 20;

    /// <summary>Bytes of text all shared strings may hold per byte of the workbook, above <see cref="SharedStringsFloor"/>.</summary>
    internal const long SharedStringsPerByte = 16;

    /// <summary>Bytes read from a part at a time (and looked at to choose how to read it).</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The message refusing the workbook, or null when nothing here is wrong with it.</summary>
    /// <param name="workbook">The workbook's bytes from its current position (left anywhere).</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="sheetLimit">The most worksheets a workbook may have.</param>
    /// <param name="maxRecordBytes">The reader's record limit: text past <see cref="TextPerRecordByte"/> times it is refused.</param>
    /// <exception cref="InvalidDataException">The ZIP archive is damaged (as from any other reader of it).</exception>
    public static LocalizedText? FindDamage(Stream workbook, string fileName, int sheetLimit, int maxRecordBytes)
    {
        long workbookBytes = workbook.Length - workbook.Position;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (ZipArchiveEntry entry in zip.Entries) entries.TryAdd(entry.FullName.Replace('\\', '/'), entry);

        var limits = new TextLimits(fileName, (long)TextPerRecordByte * maxRecordBytes, maxRecordBytes,
            Math.Max(SharedStringsFloor, SharedStringsPerByte * workbookBytes));
        // The parts read here and by ExcelDataReader for their attributes: a start tag is held whole by either reader.
        foreach (string name in (ReadOnlySpan<string>)["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"])
        {
            if (!entries.TryGetValue(name, out ZipArchiveEntry? part)) continue;
            var tags = new TagWatch(limits, name);
            Scan(part, tags);
            if (tags.Damage is { } damage) return damage;
        }

        // ExcelDataReader matches every relationship against every sheet before anything counts the sheets: 40,000
        // sheets were 9 s of it for a 0.5 MB file.
        List<(string? Id, string Name)>? sheetIds = SheetRelationshipIds(entries, sheetLimit, out int sheets);
        if (sheetIds is null) return new LocalizedText(MessageKey.WorkbookTooManySheets, fileName, sheets, sheetLimit);

        var sharedStrings = new SharedStringsWatch(limits);
        if (entries.TryGetValue("xl/sharedStrings.xml", out ZipArchiveEntry? sharedStringsPart))
        {
            // First: the worksheets' shared-string cells are checked against what it holds.
            sharedStrings.Present = true;
            if (!Scan(sharedStringsPart, sharedStrings)) return Damaged(fileName, MessageKey.WorkbookBadXml);
            if (sharedStrings.Damage is { } damage) return damage;
        }
        var parts = new List<ZipArchiveEntry>();
        var names = new List<string>();
        string?[] paths = SheetPaths(entries, sheetIds);
        for (int i = 0; i < paths.Length; i++)
        {
            if (paths[i] is not { } path || !entries.TryGetValue(path, out ZipArchiveEntry? sheet)) continue;
            // Each worksheet is a part of its own. Sheets naming one part would have ExcelDataReader read it once for
            // each (and in full when opening it): 255 sheets on one part of 100,000 rows deflated to 17 KB were 15 s.
            if (parts.Contains(sheet) || sheet == sharedStringsPart) return Damaged(fileName, MessageKey.WorkbookBadStructure);
            parts.Add(sheet);
            names.Add(sheetIds[i].Name);
        }
        for (int i = 0; i < parts.Count; i++)
        {
            var watch = new SheetWatch(limits, sharedStrings, SheetNameShown(names[i]));
            if (!Scan(parts[i], watch)) return Damaged(fileName, MessageKey.WorkbookBadXml);
            if (watch.Damage is { } damage) return damage;
        }
        if (entries.TryGetValue("xl/styles.xml", out ZipArchiveEntry? styles) && NumberFormatsTooCostly(styles)) return Damaged(fileName, MessageKey.WorkbookBadStructure);
        return null;
    }

    /// <summary>A worksheet's name as a message shows it: one line, at most 31 characters (Excel's longest), card and ID numbers masked.</summary>
    private static string SheetNameShown(string name)
    {
        const int Longest = 31;
        var shown = new System.Text.StringBuilder(Math.Min(name.Length, Longest + 1));
        foreach (char c in name)
        {
            if (shown.Length == Longest)
            {
                shown.Append('…');
                break;
            }
            shown.Append(char.IsControl(c) ? ' ' : c);
        }
        return PersonalData.MaskNumbers(shown.ToString());
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

    /// <summary>The relationship id and name of each sheet of <c>xl/workbook.xml</c>; null when there are more than <paramref name="sheetLimit"/> (<paramref name="count"/> says how many).</summary>
    private static List<(string? Id, string Name)>? SheetRelationshipIds(Dictionary<string, ZipArchiveEntry> entries, int sheetLimit, out int count)
    {
        count = 0;
        var ids = new List<(string? Id, string Name)>();
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
                if (count <= sheetLimit) ids.Add((reader.GetAttribute("id", DocumentRelationships), reader.GetAttribute("name") ?? ""));
            }
        }
        return count > sheetLimit ? null : ids;
    }

    /// <summary>The ZIP entry name of each sheet's part as ExcelDataReader resolves it (null: the sheet has none).</summary>
    private static string?[] SheetPaths(Dictionary<string, ZipArchiveEntry> entries, List<(string? Id, string Name)> sheetIds)
    {
        var paths = new string?[sheetIds.Count];
        if (sheetIds.Count == 0 || !entries.TryGetValue("xl/_rels/workbook.xml.rels", out ZipArchiveEntry? entry)) return paths;
        // The first sheet of an id takes the target of every relationship of that id, as in ExcelDataReader.
        var firstOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        int firstWithoutId = -1;
        for (int i = 0; i < sheetIds.Count; i++)
        {
            if (sheetIds[i].Id is { } id) firstOfId.TryAdd(id, i);
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

    /// <summary>
    /// Reads the part for <paramref name="watch"/>; false when a string item of it would cost more to join than
    /// <see cref="ItemJoinFloor"/> and <see cref="ItemJoinPerByte"/> allow. Stops early at what <paramref name="watch"/> refuses.
    /// </summary>
    private static bool Scan(ZipArchiveEntry part, PartWatch watch)
    {
        byte[] buffer = new byte[ChunkBytes];
        using (Stream stream = part.Open())
        {
            int length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (IsUtf8(buffer.AsSpan(0, length)))
            {
                var tokens = new Utf8XmlTokens(watch);
                while (length > 0 && !watch.Stopped)
                {
                    tokens.Feed(buffer.AsSpan(0, length));
                    length = stream.Read(buffer);
                }
                tokens.Finish();
                return !watch.Items.TooCostly;
            }
        }
        using (Stream stream = part.Open())
        {
            ScanWithXmlReader(stream, watch);
        }
        return !watch.Items.TooCostly;
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

    /// <summary>
    /// The same watch over a part in another encoding, through the reader ExcelDataReader uses (a byte of markup
    /// counted as 16, text read in chunks, attribute values and text escaped back to markup for the watch).
    /// </summary>
    private static void ScanWithXmlReader(Stream stream, PartWatch watch)
    {
        using var reader = XmlReader.Create(stream);
        var attributes = new Attributes();
        char[] chunk = new char[4096];
        long offset = 0;
        while (!watch.Stopped && reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    offset += 16;
                    ElementName name = Classify(reader.LocalName);
                    attributes.Clear();
                    if (name is ElementName.Row or ElementName.Cell)
                    {
                        attributes.Set('r', reader.GetAttribute("r"));
                        attributes.Set('t', reader.GetAttribute("t"));
                    }
                    long tagBytes = 16;
                    for (int i = 0; i < reader.AttributeCount; i++) tagBytes += reader.GetAttribute(i).Length;
                    watch.Start(name, reader.IsEmptyElement, offset, tagBytes, attributes);
                    break;
                case XmlNodeType.EndElement:
                    offset += 16;
                    watch.End(offset);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int n;
                    while (!watch.Stopped && (n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        offset += n;
                        watch.Text(Escaped(chunk.AsSpan(0, n)));
                    }
                    break;
            }
        }
        watch.Finish(offset);
    }

    /// <summary>Text read by <see cref="XmlReader"/> as UTF-8 markup again (<c>&amp;</c> and <c>&lt;</c> escaped).</summary>
    private static byte[] Escaped(ReadOnlySpan<char> text)
    {
        string markup = text.ToString().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(markup);
    }

    /// <summary>The elements the watches tell apart, by local name.</summary>
    private enum ElementName
    {
        Other,

        /// <summary><c>si</c>: a shared string.</summary>
        Item,

        /// <summary><c>is</c>: a cell's inline string.</summary>
        InlineItem,

        /// <summary><c>t</c>: a run of a string's text.</summary>
        Run,
        SharedStrings,
        Worksheet,
        SheetData,
        Row,
        Cell,

        /// <summary><c>v</c>: a cell's value.</summary>
        Value,
        HeaderFooter,

        /// <summary>A page header or footer of <c>headerFooter</c>, whose text ExcelDataReader reads.</summary>
        HeaderFooterText,
    }

    private static ElementName Classify(ReadOnlySpan<char> localName) => localName switch
    {
        "si" => ElementName.Item,
        "is" => ElementName.InlineItem,
        "t" => ElementName.Run,
        "sst" => ElementName.SharedStrings,
        "worksheet" => ElementName.Worksheet,
        "sheetData" => ElementName.SheetData,
        "row" => ElementName.Row,
        "c" => ElementName.Cell,
        "v" => ElementName.Value,
        "headerFooter" => ElementName.HeaderFooter,
        "oddHeader" or "oddFooter" or "evenHeader" or "evenFooter" or "firstHeader" or "firstFooter" => ElementName.HeaderFooterText,
        _ => ElementName.Other,
    };

    /// <summary>As <see cref="Classify(ReadOnlySpan{char})"/>, from the name's bytes (by length first: one test for most tags).</summary>
    private static ElementName Classify(ReadOnlySpan<byte> localName) => localName.Length switch
    {
        1 => localName[0] switch
        {
            (byte)'c' => ElementName.Cell,
            (byte)'v' => ElementName.Value,
            (byte)'t' => ElementName.Run,
            _ => ElementName.Other,
        },
        2 => localName.SequenceEqual("si"u8) ? ElementName.Item : localName.SequenceEqual("is"u8) ? ElementName.InlineItem : ElementName.Other,
        3 => localName.SequenceEqual("row"u8) ? ElementName.Row : localName.SequenceEqual("sst"u8) ? ElementName.SharedStrings : ElementName.Other,
        >= 9 and <= 12 => ClassifyLong(localName),
        _ => ElementName.Other,
    };

    private static ElementName ClassifyLong(ReadOnlySpan<byte> localName)
    {
        Span<char> chars = stackalloc char[localName.Length];
        for (int i = 0; i < localName.Length; i++) chars[i] = localName[i] < 0x80 ? (char)localName[i] : '\uFFFD';
        return Classify(chars);
    }

    /// <summary>The limits of one workbook's text and the names its messages use.</summary>
    private sealed class TextLimits(string fileName, long text, int record, long sharedStrings)
    {
        public string FileName { get; } = fileName;

        /// <summary>Bytes of text (as written) a row, a shared string, a page header or a start tag may have.</summary>
        public long Text { get; } = text;

        /// <summary>The record limit, named in the message.</summary>
        public int Record { get; } = record;

        /// <summary>Bytes of text (as written) all shared strings together may have.</summary>
        public long SharedStrings { get; } = sharedStrings;

        public LocalizedText TooLong(LocalizedText place) => new(MessageKey.WorkbookTextTooLong, FileName, place, Text, Record);

        public LocalizedText Damaged(MessageKey reason, params object?[] args) =>
            new(MessageKey.WorkbookUnreadable, FileName, new LocalizedText(reason, args));
    }

    /// <summary>What one part is looked at for, fed by <see cref="Utf8XmlTokens"/> or <see cref="ScanWithXmlReader"/>.</summary>
    /// <remarks>
    /// A worksheet has millions of tags: only those a watch acts on reach it (names it tells apart, ends as deep as
    /// <paramref name="endDepth"/>, text while it asks for text), and the rest costs a few tests.
    /// </remarks>
    private abstract class PartWatch(TextLimits limits, int endDepth)
    {
        private readonly long _textLimit = limits.Text;

        public StringItems Items { get; } = new();

        public LocalizedText? Damage { get; private set; }

        /// <summary>Nothing more needs to be read.</summary>
        public bool Stopped => Damage is not null || Items.TooCostly;

        protected TextLimits Limits { get; } = limits;

        /// <summary>Depth of the current element: 1 for the root.</summary>
        protected int Depth { get; private set; }

        /// <summary>Text is passed to <see cref="OnText"/> (else only counted for <see cref="Items"/>).</summary>
        protected bool WantsText { get; set; }

        /// <param name="name">The element.</param>
        /// <param name="empty">The tag closes itself.</param>
        /// <param name="offset">Where the tag ends in the part.</param>
        /// <param name="tagBytes">The tag's length: the XML reader holds all its attributes at once.</param>
        /// <param name="attributes">Its r and t (rows and cells only).</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Start(ElementName name, bool empty, long offset, long tagBytes, Attributes attributes)
        {
            Items.Start(name, empty, offset);
            Depth++;
            if (tagBytes > _textLimit) TagSoFar(tagBytes);
            if (name is not (ElementName.Other or ElementName.Run) && Damage is null) OnStart(name, attributes);
            if (empty)
            {
                if (Depth <= endDepth) OnEnd();
                Depth--;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(long offset)
        {
            Items.End(offset);
            if (Depth <= endDepth) OnEnd();
            if (Depth > 0) Depth--;
        }

        /// <summary>Text as written (entities not replaced), in one or more pieces.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Text(ReadOnlySpan<byte> text)
        {
            Items.Text(text.Length);
            if (WantsText && Damage is null) OnText(text);
        }

        public void Finish(long offset) => Items.Finish(offset);

        /// <summary>A start tag (read so far) of <paramref name="bytes"/>.</summary>
        public void TagSoFar(long bytes)
        {
            if (bytes > _textLimit) Refuse(Limits.TooLong(TagPlace()));
        }

        protected abstract LocalizedText TagPlace();

        /// <summary>An element the watch tells apart starts (not <see cref="ElementName.Other"/> or <see cref="ElementName.Run"/>).</summary>
        protected abstract void OnStart(ElementName name, Attributes attributes);

        /// <summary>An element ends (one at most as deep as the watch asked for).</summary>
        protected abstract void OnEnd();

        protected abstract void OnText(ReadOnlySpan<byte> text);

        protected void Refuse(LocalizedText damage) => Damage ??= damage;
    }

    /// <summary>A part of which only the start tags matter (their attributes are read, nothing else is held).</summary>
    private sealed class TagWatch(TextLimits limits, string partName) : PartWatch(limits, endDepth: 0)
    {
        protected override LocalizedText TagPlace() => new(MessageKey.WorkbookPlacePart, partName);

        protected override void OnStart(ElementName name, Attributes attributes)
        {
        }

        protected override void OnEnd()
        {
        }

        protected override void OnText(ReadOnlySpan<byte> text)
        {
        }
    }

    /// <summary>
    /// <c>xl/sharedStrings.xml</c> as ExcelDataReader 3.6 reads it (<c>XlsxWorkbook.ReadSharedStrings</c>): each
    /// <c>si</c> child of the root <c>sst</c> is a string, numbered from 0. It holds them all from the start, so one
    /// longer than <see cref="TextLimits.Text"/>, or all together longer than <see cref="TextLimits.SharedStrings"/>
    /// (each counted 16 bytes more), is refused; the length of each string longer than <see cref="ShortString"/> is kept for the rows that use it.
    /// </summary>
    private sealed class SharedStringsWatch(TextLimits limits) : PartWatch(limits, endDepth: 2)
    {
        /// <summary>Bytes a string is counted as at most without its length being kept.</summary>
        public const int ShortString = 64;

        /// <summary>Bytes each string adds to the total besides its text.</summary>
        private const int ItemOverhead = 16;

        private readonly Dictionary<int, long> _longStrings = [];
        private bool _root;
        private bool _inItem;
        private long _itemBytes;
        private long _totalBytes;

        /// <summary>The workbook has the part.</summary>
        public bool Present { get; set; }

        /// <summary>The strings cells may refer to.</summary>
        public int Count { get; private set; }

        /// <summary>Bytes string <paramref name="index"/> (one of <see cref="Count"/>) is counted as.</summary>
        public long Length(int index) => _longStrings.GetValueOrDefault(index, ShortString);

        protected override LocalizedText TagPlace() => new(MessageKey.WorkbookPlacePart, "xl/sharedStrings.xml");

        protected override void OnStart(ElementName name, Attributes attributes)
        {
            if (Depth == 1) _root = name == ElementName.SharedStrings;
            else if (Depth == 2 && _root && name == ElementName.Item)
            {
                Count = Count == int.MaxValue ? Count : Count + 1;
                _inItem = WantsText = true;
                _itemBytes = 0;
                // Each string costs a reference and a string object besides its text, however short.
                AddToTotal(ItemOverhead);
            }
        }

        protected override void OnEnd()
        {
            if (Depth != 2 || !_inItem) return;
            _inItem = WantsText = false;
            if (_itemBytes > ShortString) _longStrings[Count - 1] = _itemBytes;
        }

        protected override void OnText(ReadOnlySpan<byte> text)
        {
            if (!_inItem) return;
            _itemBytes += text.Length;
            if (_itemBytes > Limits.Text) Refuse(Limits.TooLong(new LocalizedText(MessageKey.WorkbookPlaceSharedString, Count - 1)));
            AddToTotal(text.Length);
        }

        private void AddToTotal(long bytes)
        {
            _totalBytes += bytes;
            if (_totalBytes > Limits.SharedStrings) Refuse(Limits.Damaged(MessageKey.WorkbookSharedStringsTooLarge, Limits.SharedStrings));
        }
    }

    /// <summary>
    /// A worksheet as ExcelDataReader 3.6 reads it (<c>XlsxWorksheet</c>): the <c>row</c> children of the root's
    /// <c>sheetData</c>, their <c>c</c> children and those cells' <c>v</c> or <c>is</c> values, and the page headers
    /// and footers of <c>headerFooter</c>. Refused: two rows of one number (it would join consecutive ones into one row
    /// and hand over the others out of place); a shared-string cell (<c>t="s"</c>) whose value is not the number of a
    /// shared string (it would hand over the value itself as the text); a row whose values, shared strings counted,
    /// or a page header whose text, is longer than <see cref="TextLimits.Text"/> (it holds a row and a header whole).
    /// </summary>
    /// <remarks>
    /// Numbers as ExcelDataReader reads them: a row's <c>r</c> as <c>int.TryParse</c> does, a row without one (or with
    /// one it cannot read) following the row before; a cell's column from the letters of its <c>r</c>, else following
    /// the cell before. Namespaces are not looked at: a row of another namespace, which it skips, is checked too.
    /// </remarks>
    private sealed class SheetWatch(TextLimits limits, SharedStringsWatch sharedStrings, string sheetName) : PartWatch(limits, endDepth: 5)
    {
        private readonly byte[] _value = new byte[Attributes.Kept];
        private ulong[] _rowsSeen = [];
        private bool _root;
        private bool _inSheetData;
        private bool _inHeaderFooter;
        private bool _inHeaderText;
        private bool _inRow;
        private bool _inCell;
        private bool _inValue;
        private bool _sharedCell;
        private bool _hasPreviousRow;
        private int _nextRowIndex;
        private int _rowIndex;
        private int _nextColumnIndex;
        private int _columnIndex;
        private int _valueLength;
        private bool _valueBlank;
        private long _rowBytes;
        private long _headerBytes;

        protected override LocalizedText TagPlace() => _inRow ? RowPlace() : new LocalizedText(MessageKey.WorkbookPlaceSheet, sheetName);

        protected override void OnStart(ElementName name, Attributes attributes)
        {
            switch (Depth)
            {
                case 1:
                    _root = name == ElementName.Worksheet;
                    break;
                case 2 when _root:
                    _inSheetData = name == ElementName.SheetData;
                    _inHeaderFooter = name == ElementName.HeaderFooter;
                    if (_inSheetData)
                    {
                        // Each sheetData is read on its own: a row without a number in it follows from row 1.
                        _nextRowIndex = 0;
                        _hasPreviousRow = false;
                    }
                    break;
                case 3 when _inSheetData && name == ElementName.Row:
                    StartRow(attributes);
                    break;
                case 3 when _inHeaderFooter && name == ElementName.HeaderFooterText:
                    _inHeaderText = WantsText = true;
                    _headerBytes = 0;
                    break;
                case 4 when _inRow && name == ElementName.Cell:
                    _inCell = true;
                    _columnIndex = TryColumn(attributes.RLength, attributes.R, out int column) ? unchecked(column - 1) : _nextColumnIndex;
                    _nextColumnIndex = unchecked(_columnIndex + 1);
                    _sharedCell = attributes.TLength == 1 ? attributes.T[0] == (byte)'s'
                        : attributes.TLength > 1 && attributes.T.Contains((byte)'&') && Decoded(attributes.T, attributes.TLength, attribute: true) == "s";
                    break;
                case 5 when _inCell && name is ElementName.Value or ElementName.InlineItem:
                    _inValue = WantsText = true;
                    _valueLength = 0;
                    _valueBlank = true;
                    break;
            }
        }

        protected override void OnEnd()
        {
            switch (Depth)
            {
                case 2:
                    _inSheetData = _inHeaderFooter = false;
                    break;
                case 3:
                    _inRow = _inHeaderText = WantsText = false;
                    break;
                case 4:
                    _inCell = false;
                    break;
                case 5 when _inValue:
                    _inValue = WantsText = false;
                    if (_sharedCell) CheckSharedString();
                    break;
            }
        }

        protected override void OnText(ReadOnlySpan<byte> text)
        {
            if (_inValue)
            {
                _rowBytes += text.Length;
                if (_rowBytes > Limits.Text) Refuse(Limits.TooLong(RowPlace()));
                if (_sharedCell)
                {
                    if (_valueLength < _value.Length) text[..Math.Min(text.Length, _value.Length - _valueLength)].CopyTo(_value.AsSpan(_valueLength));
                    _valueLength = (int)Math.Min((long)_valueLength + text.Length, int.MaxValue);
                    _valueBlank &= text.IndexOfAnyExcept(" \t\r\n"u8) < 0;
                }
            }
            else if (_inHeaderText)
            {
                _headerBytes += text.Length;
                if (_headerBytes > Limits.Text) Refuse(Limits.TooLong(new LocalizedText(MessageKey.WorkbookPlaceSheet, sheetName)));
            }
        }

        private LocalizedText RowPlace() => new(MessageKey.WorkbookPlaceRow, RowNumber(_rowIndex), sheetName);

        /// <summary>The worksheet row number of a 0-based row index (as wide as ExcelDataReader may make it).</summary>
        private static long RowNumber(int index) => (long)index + 1;

        private void StartRow(Attributes attributes)
        {
            if (attributes.RLength > Attributes.Kept)
            {
                // No row number is written so; white space or zeros before one (which int.TryParse reads) are damage too.
                Refuse(Limits.Damaged(MessageKey.WorkbookBadStructure));
                return;
            }
            int index = attributes.RLength >= 0 && TryNumber(attributes.R, attributes.RLength, NumberStyles.Integer, NumberFormatInfo.CurrentInfo, attribute: true, out int number)
                ? unchecked(number - 1)
                : _nextRowIndex;
            bool repeated = _hasPreviousRow && index == _rowIndex;
            if (index is >= 0 and < CsvReaderOptions.MaxWorksheetRows)
            {
                // Rows past Excel's last are refused when read (more rows than a worksheet has): only earlier ones are remembered.
                int word = index >> 6;
                if (word >= _rowsSeen.Length) Array.Resize(ref _rowsSeen, Math.Max(word + 1, Math.Min(2 * _rowsSeen.Length, CsvReaderOptions.MaxWorksheetRows >> 6)));
                ulong bit = 1UL << (index & 63);
                repeated |= (_rowsSeen[word] & bit) != 0;
                _rowsSeen[word] |= bit;
            }
            _rowIndex = index;
            _hasPreviousRow = true;
            _nextRowIndex = unchecked(index + 1);
            _inRow = true;
            _rowBytes = 0;
            _nextColumnIndex = 0;
            if (repeated) Refuse(Limits.Damaged(MessageKey.WorkbookRepeatedRow, sheetName, RowNumber(index)));
        }

        /// <summary>A shared-string cell's value ends: it must be the number of a shared string (or blank, which reads as an empty cell).</summary>
        private void CheckSharedString()
        {
            if (_valueBlank) return;
            ReadOnlySpan<byte> written = _value.AsSpan(0, Math.Min(_valueLength, _value.Length));
            int index;
            bool number;
            if (_valueLength <= _value.Length && System.Text.Ascii.IsValid(written) && !written.Contains((byte)'&'))
            {
                // Nearly always: digits as written.
                number = int.TryParse(written, NumberStyles.Any, CultureInfo.InvariantCulture, out index);
            }
            else
            {
                string? text = _valueLength <= _value.Length ? Decoded(_value, _valueLength, attribute: false) : null;
                if (text is not null && string.IsNullOrWhiteSpace(text)) return;
                index = 0;
                number = text is not null && int.TryParse(text, NumberStyles.Any, CultureInfo.InvariantCulture, out index);
            }
            string cell = ColumnName(_columnIndex) + RowNumber(_rowIndex).ToString(CultureInfo.InvariantCulture);
            if (!number)
            {
                Refuse(Limits.Damaged(MessageKey.WorkbookSharedStringNotANumber, cell, sheetName));
            }
            else if (index < 0 || index >= sharedStrings.Count)
            {
                Refuse(sharedStrings.Present
                    ? Limits.Damaged(MessageKey.WorkbookSharedStringOutOfRange, cell, sheetName, index, sharedStrings.Count)
                    : Limits.Damaged(MessageKey.WorkbookSharedStringsMissing, cell, sheetName, index));
            }
            else
            {
                // The row holds the string (a copy of it for each cell when it has _xHHHH_ escapes).
                _rowBytes += sharedStrings.Length(index);
                if (_rowBytes > Limits.Text) Refuse(Limits.TooLong(RowPlace()));
            }
        }

        /// <summary>The column of a cell reference as ExcelDataReader 3.6 reads it (<c>ReferenceHelper.ParseReference</c>: capital letters, then digits), 1-based.</summary>
        private static bool TryColumn(int length, ReadOnlySpan<byte> written, out int column)
        {
            column = 0;
            if (length < 0 || length > written.Length) return false;
            if (written.Contains((byte)'&'))
            {
                string? decoded = Decoded(written, length, attribute: true);
                return decoded is not null && TryColumn(decoded.Length, System.Text.Encoding.UTF8.GetBytes(decoded), out column);
            }
            int position = 0;
            while (position < written.Length && written[position] is >= (byte)'A' and <= (byte)'Z')
            {
                column = unchecked((column * 26) + (written[position] - 'A' + 1));
                position++;
            }
            // char.IsDigit of a character after the letters: an ASCII digit here (a byte past 0x7F is no whole character).
            if (position == 0 || position == written.Length || !char.IsAsciiDigit((char)written[position])) return false;
            ReadOnlySpan<byte> digits = written[position..];
            // Up to 9 digits always fit an int: the usual reference needs no parsing.
            return digits.Length <= 9 ? !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
                : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }

        /// <summary>A number of at most <see cref="Attributes.Kept"/> bytes as written, read as <c>int.TryParse</c> reads the text the XML reader gives.</summary>
        private static bool TryNumber(ReadOnlySpan<byte> kept, int length, NumberStyles styles, IFormatProvider provider, bool attribute, out int number)
        {
            number = 0;
            if (length > kept.Length) return false;
            ReadOnlySpan<byte> written = kept[..length];
            if (System.Text.Ascii.IsValid(written) && !written.Contains((byte)'&')) return int.TryParse(written, styles, provider, out number);
            string? text = Decoded(written, length, attribute);
            return text is not null && int.TryParse(text, styles, provider, out number);
        }

        /// <summary>Excel's letters for a 0-based column index (<c>A</c>, <c>Z</c>, <c>AA</c>, …).</summary>
        private static string ColumnName(int index)
        {
            Span<char> letters = stackalloc char[8];
            int at = letters.Length;
            long n = (long)(index & int.MaxValue) + 1;
            while (n > 0)
            {
                n--;
                letters[--at] = (char)('A' + (int)(n % 26));
                n /= 26;
            }
            return new string(letters[at..]);
        }
    }

    /// <summary>
    /// The text of an attribute value or element content of at most <see cref="Attributes.Kept"/> bytes as written,
    /// as <see cref="XmlReader"/> gives it: the five predefined entities and character references replaced, in an
    /// attribute tab, CR and LF written as such read as spaces. Null when <paramref name="length"/> is longer than
    /// what was kept, or an entity is unknown or a character reference invalid (the XML reader refuses those).
    /// </summary>
    private static string? Decoded(ReadOnlySpan<byte> kept, int length, bool attribute)
    {
        if (length > kept.Length) return null;
        ReadOnlySpan<byte> written = kept[..length];
        if (written.IndexOfAny("&\t\r\n"u8) < 0 && System.Text.Ascii.IsValid(written)) return System.Text.Encoding.ASCII.GetString(written);
        var text = new System.Text.StringBuilder(length);
        for (int i = 0; i < written.Length; i++)
        {
            byte b = written[i];
            if (b != (byte)'&')
            {
                text.Append(attribute && b is (byte)'\t' or (byte)'\r' or (byte)'\n' ? ' ' : b < 0x80 ? (char)b : '\uFFFD');
                continue;
            }
            int end = written[i..].IndexOf((byte)';');
            if (end < 0) return null;
            ReadOnlySpan<byte> entity = written.Slice(i + 1, end - 1);
            i += end;
            if (entity.SequenceEqual("lt"u8)) text.Append('<');
            else if (entity.SequenceEqual("gt"u8)) text.Append('>');
            else if (entity.SequenceEqual("amp"u8)) text.Append('&');
            else if (entity.SequenceEqual("quot"u8)) text.Append('"');
            else if (entity.SequenceEqual("apos"u8)) text.Append('\'');
            else if (entity.Length > 1 && entity[0] == (byte)'#')
            {
                bool hex = entity[1] == (byte)'x';
                ReadOnlySpan<byte> digits = entity[(hex ? 2 : 1)..];
                if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                    || code is 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    return null;
                }
                text.Append(char.ConvertFromUtf32(code));
            }
            else
            {
                return null;
            }
        }
        return text.ToString();
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

        public bool TooCostly { get; private set; }

        public void Start(ElementName name, bool empty, long offset)
        {
            _depth++;
            if (_itemDepth < 0)
            {
                if (name is ElementName.Item or ElementName.InlineItem)
                {
                    _itemDepth = _depth;
                    _itemStart = offset;
                    _itemChars = 0;
                    _itemJoined = 0;
                }
            }
            else if (_runDepth < 0 && name == ElementName.Run)
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
    /// Start tags, end tags and text of UTF-8 XML fed in pieces, for a <see cref="PartWatch"/>: element names reduced
    /// to their local name, the <c>r</c> and <c>t</c> attributes of rows and cells kept as written (other attributes
    /// skipped; quoted values may hold <c>&gt;</c>), CDATA counted as text, comments, processing instructions and
    /// declarations skipped. Not a validator: what is not well-formed is ExcelDataReader's to refuse.
    /// </summary>
    private sealed class Utf8XmlTokens(PartWatch watch)
    {
        /// <summary>Longest local name kept: longer ones are none of the names looked for.</summary>
        private const int NameBytes = 16;

        private readonly byte[] _name = new byte[NameBytes];
        private readonly byte[] _bang = new byte["[CDATA[".Length];
        private readonly Attributes _attributes = new();
        private State _state;
        private long _offset;
        private long _tagStart;
        private int _nameLength;
        private byte _quote;
        private byte _last;
        private byte _beforeLast;
        private int _bangLength;
        private ElementName _element;

        /// <summary>The attribute whose name is being read (or was last read): 0 none, else <c>r</c> or <c>t</c>; -1 another.</summary>
        private int _attribute;

        /// <summary>The attribute whose quoted value is being read (0: one not kept).</summary>
        private char _valueOf;

        /// <summary>Reading an attribute's name (after white space, before <c>=</c>).</summary>
        private bool _inAttributeName;

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
                        if (n > 0) watch.Text(rest[..n]);
                        i += n;
                        if (k >= 0)
                        {
                            _tagStart = _offset + i;
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
                            _element = _nameLength > NameBytes ? ElementName.Other : Classify(_name.AsSpan(0, _nameLength));
                            _attributes.Clear();
                            _attribute = 0;
                            _inAttributeName = false;
                            break;
                        }
                        // A prefix ends at ':'; a longer local name than the buffer is none of those looked for.
                        if (b == (byte)':') _nameLength = 0;
                        else if (_nameLength < NameBytes) _name[_nameLength++] = b;
                        else _nameLength = NameBytes + 1;
                        i++;
                        break;
                    }
                    case State.Attributes when _element is ElementName.Row or ElementName.Cell:
                        i += RowOrCellAttributes(rest, i);
                        break;
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
                            StartElement(empty, i + k + 1);
                        }
                        else
                        {
                            _quote = b;
                            _valueOf = '\0';
                            _state = State.Quoted;
                        }
                        i += k + 1;
                        break;
                    }
                    case State.Quoted:
                    {
                        int k = rest.IndexOf(_quote);
                        ReadOnlySpan<byte> value = k < 0 ? rest : rest[..k];
                        if (_valueOf != '\0') _attributes.Append(_valueOf, value);
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
                        watch.End(_offset + i);
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
                        if (_state == State.CData && n > 0) watch.Text(rest[..n]);
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
                            if (_state == State.CData) watch.Text(">"u8);
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
            // A start tag not closed yet is held whole by the XML reader too: one that grows past the limit is refused now.
            if (_state is State.StartName or State.Attributes or State.Quoted) watch.TagSoFar(_offset - _tagStart);
        }

        public void Finish() => watch.Finish(_offset);

        /// <summary>
        /// The attributes of a row or cell (a few dozen bytes) up to a quote or the tag's end, a byte at a time: the
        /// name before each value tells whether it is r or t. Returns the bytes of <paramref name="rest"/> consumed;
        /// <paramref name="at"/> is where <paramref name="rest"/> starts in the piece.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int RowOrCellAttributes(ReadOnlySpan<byte> rest, int at)
        {
            int k = 0;
            byte b = 0;
            for (; k < rest.Length; k++)
            {
                b = rest[k];
                if (b is (byte)'>' or (byte)'"' or (byte)'\'') break;
                _last = b;
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'=' or (byte)'/')
                {
                    _inAttributeName = false;
                }
                else if (!_inAttributeName)
                {
                    // A name starts: r or t when it is that one letter (a prefixed name is another attribute).
                    _inAttributeName = true;
                    _attribute = b is (byte)'r' or (byte)'t' ? b : -1;
                }
                else
                {
                    _attribute = -1;
                }
            }
            if (k == rest.Length) return k;
            if (b == (byte)'>')
            {
                StartElement(_last == (byte)'/', at + k + 1);
                return k + 1;
            }
            _last = b;
            _quote = b;
            _valueOf = _attribute switch
            {
                'r' => 'r',
                't' => 't',
                _ => '\0',
            };
            _attribute = 0;
            _inAttributeName = false;
            _state = State.Quoted;
            return k + 1;
        }

        /// <summary>The start tag ends at <paramref name="end"/> of the current piece.</summary>
        private void StartElement(bool empty, int end)
        {
            watch.Start(_element, empty, _offset + end, _offset + end - _tagStart, _attributes);
            _state = State.Text;
        }
    }

    /// <summary>The <c>r</c> and <c>t</c> attributes of a start tag, as written (entities not yet replaced), the first <see cref="Kept"/> bytes of each.</summary>
    private sealed class Attributes
    {
        /// <summary>Bytes kept of a value: more than any row number, cell reference or cell type is written with.</summary>
        public const int Kept = 64;

        private readonly byte[] _r = new byte[Kept];
        private readonly byte[] _t = new byte[Kept];

        /// <summary>The length of <c>r</c> as written (may exceed <see cref="Kept"/>), -1 when absent.</summary>
        public int RLength { get; private set; } = -1;

        /// <summary>The length of <c>t</c> as written (may exceed <see cref="Kept"/>), -1 when absent.</summary>
        public int TLength { get; private set; } = -1;

        public ReadOnlySpan<byte> R => _r.AsSpan(0, Math.Min(Math.Max(RLength, 0), Kept));

        public ReadOnlySpan<byte> T => _t.AsSpan(0, Math.Min(Math.Max(TLength, 0), Kept));

        public void Clear() => RLength = TLength = -1;

        /// <summary>Adds <paramref name="value"/> to attribute <paramref name="name"/> (a value may come in pieces).</summary>
        public void Append(char name, ReadOnlySpan<byte> value)
        {
            if (name == 'r') RLength = Append(_r, RLength, value);
            else TLength = Append(_t, TLength, value);
        }

        /// <summary>Sets an attribute from <see cref="XmlReader"/> (entities replaced): written back as markup.</summary>
        public void Set(char name, string? value)
        {
            if (value is null) return;
            Append(name, Escaped(value));
        }

        private static int Append(byte[] kept, int length, ReadOnlySpan<byte> value)
        {
            length = Math.Max(length, 0);
            if (length < Kept) value[..Math.Min(value.Length, Kept - length)].CopyTo(kept.AsSpan(length));
            return (int)Math.Min((long)length + value.Length, int.MaxValue);
        }
    }
}
