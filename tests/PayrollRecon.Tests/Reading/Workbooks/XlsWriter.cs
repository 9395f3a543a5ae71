using System.Buffers.Binary;
using System.Text;

namespace PayrollRecon.Tests.Reading.Workbooks;

/// <summary>
/// A minimal BIFF8 (.xls, Excel 97–2003) workbook writer for tests: a "Workbook" stream inside an OLE2 compound file.
/// </summary>
/// <remarks>
/// <para>Workbook globals: BOF (workbook globals), CODEPAGE 1200, WINDOW1, four FONTs, FORMAT 164 <c>yyyy-mm-dd</c> and
/// 165 <c>yyyy-mm-dd hh:mm:ss</c>, 15 style XFs and three cell XFs (15 General, 16 date, 17 date-time), STYLE (Normal),
/// one BOUNDSHEET per sheet (its <c>lbPlyPos</c> patched to the sheet's BOF), the SST with its CONTINUE records
/// (strings split at character boundaries, each continued piece starting with its option byte, as [MS-XLS] 2.5.293
/// requires), EOF. Each sheet: BOF (worksheet), DIMENSIONS, WINDOW2, its cells in row then column order (LABELSST for
/// text, NUMBER for numbers, dates and date-times), EOF. Record layouts per [MS-XLS] §2.4.</para>
/// <para>Compound file per [MS-CFB] version 3: 512-byte sectors, the FAT sectors first, then one directory sector (Root
/// Entry, "Workbook", two unused entries), then the Workbook stream. The stream is padded with zeros after the last EOF
/// to at least 4096 bytes (the mini-stream cutoff), so no mini stream or mini FAT is needed; readers stop at the
/// sheet's EOF. At most 109 FAT sectors (about 7 MB), so no DIFAT sectors either.</para>
/// </remarks>
internal static class XlsWriter
{
    public const int MaxRows = 65_536;
    public const int MaxColumns = 256;

    private const int MaxRecordData = 8224;
    private const int SectorSize = 512;
    private const int MiniStreamCutoff = 4096;
    private const uint FreeSect = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSect = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;

    private const ushort XfGeneral = 15, XfDate = 16, XfDateTime = 17;

    // Record types ([MS-XLS] 2.3).
    private const ushort Bof = 0x0809, Eof = 0x000A, CodePage = 0x0042, Window1 = 0x003D, Font = 0x0031, Format = 0x041E,
        Xf = 0x00E0, Style = 0x0293, BoundSheet = 0x0085, Sst = 0x00FC, Continue = 0x003C, Dimensions = 0x0200,
        Window2 = 0x023E, LabelSst = 0x00FD, Number = 0x0203;

    public static byte[] Write(params WorkbookSheet[] sheets) => Write((IReadOnlyList<WorkbookSheet>)sheets);

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        foreach (var s in sheets)
        {
            s.Validate(MaxRows, MaxColumns);
            if (s.Name.Length is 0 or > 31) throw new ArgumentException($"sheet name '{s.Name}' must have 1..31 characters");
        }
        return CompoundFile(WorkbookStream(sheets));
    }

    // ------------------------------------------------------------------ BIFF8 stream

    private static byte[] WorkbookStream(IReadOnlyList<WorkbookSheet> sheets)
    {
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

        var s = new MemoryStream();
        Record(s, Bof, BofBody(0x0005));
        Record(s, CodePage, U16(1200));
        Record(s, Window1, Window1Body());
        for (int i = 0; i < 4; i++) Record(s, Font, FontBody("Arial"));
        Record(s, Format, FormatBody(164, "yyyy-mm-dd"));
        Record(s, Format, FormatBody(165, "yyyy-mm-dd hh:mm:ss"));
        for (int i = 0; i < 15; i++) Record(s, Xf, XfBody(0, style: true));
        Record(s, Xf, XfBody(0, style: false));
        Record(s, Xf, XfBody(164, style: false));
        Record(s, Xf, XfBody(165, style: false));
        // STYLE: built-in style 0 (Normal) on style XF 0.
        Record(s, Style, [0x00, 0x80, 0x00, 0xFF]);
        var boundSheetAt = new long[sheets.Count];
        for (int i = 0; i < sheets.Count; i++)
        {
            boundSheetAt[i] = s.Position + 4;
            Record(s, BoundSheet, BoundSheetBody(sheets[i].Name));
        }
        SstRecords(s, strings, references);
        Record(s, Eof, []);

        for (int i = 0; i < sheets.Count; i++)
        {
            uint offset = checked((uint)s.Position);
            byte[] bytes = s.GetBuffer();
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)boundSheetAt[i]), offset);
            SheetRecords(s, sheets[i], index, selected: i == 0);
        }

        // Padding past the last EOF: the stream stays out of the mini stream (size >= the 4096-byte cutoff).
        if (s.Length < MiniStreamCutoff) s.SetLength(MiniStreamCutoff);
        return s.ToArray();
    }

    private static void SheetRecords(MemoryStream s, WorkbookSheet sheet, Dictionary<string, int> strings, bool selected)
    {
        Record(s, Bof, BofBody(0x0010));
        var dims = new byte[14];
        if (sheet.Rows.Count > 0)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(dims.AsSpan(0), (uint)(sheet.Rows[0].Number - 1));
            BinaryPrimitives.WriteUInt32LittleEndian(dims.AsSpan(4), (uint)sheet.Rows[^1].Number);
            BinaryPrimitives.WriteUInt16LittleEndian(dims.AsSpan(8), 0);
            BinaryPrimitives.WriteUInt16LittleEndian(dims.AsSpan(10), (ushort)sheet.Rows.Max(r => r.Cells.Count));
        }
        Record(s, Dimensions, dims);
        var window2 = new byte[18];
        // fDspGrid, fDspRwCol, fDspZeros, fDefaultHdr, fDspGuts; fSelected and fPaged on the first sheet.
        BinaryPrimitives.WriteUInt16LittleEndian(window2.AsSpan(0), (ushort)(selected ? 0x06B6 : 0x00B6));
        BinaryPrimitives.WriteUInt16LittleEndian(window2.AsSpan(6), 0x0040);
        Record(s, Window2, window2);

        foreach (var row in sheet.Rows)
        {
            ushort rw = (ushort)(row.Number - 1);
            for (int c = 0; c < row.Cells.Count; c++)
            {
                switch (row.Cells[c])
                {
                    case TextCell t:
                    {
                        var body = new byte[10];
                        Cell(body, rw, c, XfGeneral);
                        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(6), (uint)strings[t.Value]);
                        Record(s, LabelSst, body);
                        break;
                    }
                    case NumberCell n:
                        Record(s, Number, NumberBody(rw, c, XfGeneral, n.Value));
                        break;
                    case DateCell d:
                        Record(s, Number, NumberBody(rw, c, XfDate, WorkbookCell.Serial(d.Value.ToDateTime(TimeOnly.MinValue))));
                        break;
                    case DateTimeCell dt:
                        Record(s, Number, NumberBody(rw, c, XfDateTime, WorkbookCell.Serial(dt.Value)));
                        break;
                }
            }
        }
        Record(s, Eof, []);
    }

    private static void Cell(byte[] body, ushort rw, int col, ushort xf)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(0), rw);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)col);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), xf);
    }

    private static byte[] NumberBody(ushort rw, int col, ushort xf, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"a cell cannot hold {value}");
        var body = new byte[14];
        Cell(body, rw, col, xf);
        BinaryPrimitives.WriteDoubleLittleEndian(body.AsSpan(6), value);
        return body;
    }

    /// <summary>BOF ([MS-XLS] 2.4.21): BIFF8 (0x0600), the substream type, build 0x0DBB, year 1996 (0x07CC), no history
    /// flags, lowest BIFF version 6.</summary>
    private static byte[] BofBody(ushort type)
    {
        var b = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), 0x0DBB);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), 0x07CC);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), 0x00000006);
        return b;
    }

    private static byte[] Window1Body()
    {
        var b = new byte[18];
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), 0x0168);  // xWn
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 0x001E);  // yWn
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), 0x3A98);  // dxWn
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), 0x2328);  // dyWn
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), 0x0038);  // horizontal and vertical scroll, tabs
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(10), 0);      // itabCur
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), 0);      // itabFirst
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), 1);      // ctabSel
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 0x0258); // wTabRatio
        return b;
    }

    /// <summary>FONT ([MS-XLS] 2.4.122): 10 pt, automatic colour, normal weight, then the name as a ShortXLUnicodeString.</summary>
    private static byte[] FontBody(string name)
    {
        var b = new List<byte>();
        b.AddRange(U16(200));    // dyHeight, twips
        b.AddRange(U16(0));      // grbit
        b.AddRange(U16(0x7FFF)); // icv
        b.AddRange(U16(400));    // bls
        b.AddRange(U16(0));      // sss
        b.Add(0);                // uls
        b.Add(0);                // bFamily
        b.Add(0);                // bCharSet
        b.Add(0);                // reserved
        b.AddRange(ShortUnicode(name));
        return [.. b];
    }

    /// <summary>FORMAT ([MS-XLS] 2.4.126): the format index, then the format string as an XLUnicodeString.</summary>
    private static byte[] FormatBody(ushort id, string code) => [.. U16(id), .. LongUnicode(code)];

    /// <summary>XF ([MS-XLS] 2.4.353), 20 bytes: font 0, the number format, a style XF (parent 0xFFF) or a cell XF on
    /// style 0, bottom-aligned, default colours.</summary>
    private static byte[] XfBody(ushort format, bool style)
    {
        var b = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), format);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), (ushort)(style ? 0xFFF5 : 0x0001));
        b[6] = 0x20;                                     // alcV = bottom
        b[9] = (byte)(style ? 0x00 : (format != 0 ? 0x04 : 0x00)); // fAtrNum on a cell XF with its own format
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), 0x20C0); // icvFore 0x40, icvBack 0x41
        return b;
    }

    /// <summary>BOUNDSHEET ([MS-XLS] 2.4.28): stream position (patched later), visible worksheet, the name.</summary>
    private static byte[] BoundSheetBody(string name) => [0, 0, 0, 0, 0, 0, .. ShortUnicode(name)];

    /// <summary>SST ([MS-XLS] 2.4.265) and its CONTINUE records; each string an XLUnicodeRichExtendedString with 16-bit
    /// characters and no rich text or phonetic runs.</summary>
    private static void SstRecords(MemoryStream s, List<string> strings, int references)
    {
        var records = new List<List<byte>>();
        var current = new List<byte>(MaxRecordData);
        current.AddRange(U32((uint)references));
        current.AddRange(U32((uint)strings.Count));
        records.Add(current);

        void NewRecord()
        {
            current = new List<byte>(MaxRecordData);
            records.Add(current);
        }

        foreach (string text in strings)
        {
            if (text.Length > ushort.MaxValue) throw new ArgumentException("a cell text longer than 65535 characters");
            // The 3-byte header never splits, and a string's first character stays with it.
            if (MaxRecordData - current.Count < 3 + (text.Length > 0 ? 2 : 0)) NewRecord();
            current.AddRange(U16((ushort)text.Length));
            current.Add(0x01); // fHighByte: 16-bit characters
            int i = 0;
            while (i < text.Length)
            {
                int room = (MaxRecordData - current.Count) / 2;
                if (room == 0)
                {
                    NewRecord();
                    current.Add(0x01); // a continued string restates its option byte
                    room = (MaxRecordData - 1) / 2;
                }
                int n = Math.Min(room, text.Length - i);
                // A surrogate pair is one character to a reader: do not split it.
                if (n < text.Length - i && n > 0 && char.IsHighSurrogate(text[i + n - 1])) n--;
                if (n == 0)
                {
                    NewRecord();
                    current.Add(0x01);
                    continue;
                }
                current.AddRange(Encoding.Unicode.GetBytes(text, i, n));
                i += n;
            }
        }

        for (int r = 0; r < records.Count; r++) Record(s, r == 0 ? Sst : Continue, [.. records[r]]);
    }

    private static void Record(Stream s, ushort type, byte[] body)
    {
        if (body.Length > MaxRecordData) throw new ArgumentException($"record 0x{type:X4} of {body.Length} bytes");
        s.Write(U16(type));
        s.Write(U16((ushort)body.Length));
        s.Write(body);
    }

    private static byte[] ShortUnicode(string text)
    {
        if (text.Length > 255) throw new ArgumentException("a short string longer than 255 characters");
        return [(byte)text.Length, 0x01, .. Encoding.Unicode.GetBytes(text)];
    }

    private static byte[] LongUnicode(string text) => [.. U16((ushort)text.Length), 0x01, .. Encoding.Unicode.GetBytes(text)];

    private static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    // ------------------------------------------------------------------ compound file

    /// <summary>An OLE2 compound file ([MS-CFB] v3) holding <paramref name="workbook"/> as its "Workbook" stream.</summary>
    private static byte[] CompoundFile(byte[] workbook)
    {
        int streamSectors = (workbook.Length + SectorSize - 1) / SectorSize;
        const int dirSectors = 1;
        const int entriesPerFatSector = SectorSize / 4;
        int fatSectors = 1;
        while (fatSectors * entriesPerFatSector < fatSectors + dirSectors + streamSectors) fatSectors++;
        if (fatSectors > 109) throw new ArgumentException("workbook too large for a compound file without DIFAT sectors");

        int dirStart = fatSectors;
        int streamStart = fatSectors + dirSectors;
        int totalSectors = streamStart + streamSectors;
        var file = new byte[SectorSize * (1 + totalSectors)];

        // Header.
        var h = file.AsSpan(0, SectorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(h, 0xE11AB1A1E011CFD0);
        BinaryPrimitives.WriteUInt16LittleEndian(h[24..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], 0x0003); // major version 3
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], 0xFFFE); // byte order
        BinaryPrimitives.WriteUInt16LittleEndian(h[30..], 9);      // sector shift: 512
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], 6);      // mini sector shift: 64
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], 0);      // directory sectors (0 in v3)
        BinaryPrimitives.WriteUInt32LittleEndian(h[44..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(h[48..], (uint)dirStart);
        BinaryPrimitives.WriteUInt32LittleEndian(h[52..], 0);      // transaction signature
        BinaryPrimitives.WriteUInt32LittleEndian(h[56..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(h[60..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(h[64..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(h[68..], EndOfChain); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(h[72..], 0);
        for (int i = 0; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(h[(76 + (4 * i))..], i < fatSectors ? (uint)i : FreeSect);

        // FAT.
        var fat = new uint[fatSectors * entriesPerFatSector];
        Array.Fill(fat, FreeSect);
        for (int i = 0; i < fatSectors; i++) fat[i] = FatSect;
        fat[dirStart] = EndOfChain;
        for (int i = 0; i < streamSectors; i++) fat[streamStart + i] = i == streamSectors - 1 ? EndOfChain : (uint)(streamStart + i + 1);
        for (int i = 0; i < fat.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + (4 * i)), fat[i]);

        // Directory: Root Entry (storage, child 1), Workbook (stream), two unused entries.
        var dir = file.AsSpan(SectorSize * (1 + dirStart), SectorSize);
        DirectoryEntry(dir[..128], "Root Entry", type: 5, child: 1, start: EndOfChain, size: 0,
            clsid: new Guid("00020820-0000-0000-c000-000000000046"));
        DirectoryEntry(dir.Slice(128, 128), "Workbook", type: 2, child: NoStream, start: (uint)streamStart, size: (uint)workbook.Length, clsid: Guid.Empty);
        for (int e = 2; e < 4; e++)
        {
            var entry = dir.Slice(128 * e, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], NoStream);
        }

        workbook.CopyTo(file.AsSpan(SectorSize * (1 + streamStart)));
        return file;
    }

    private static void DirectoryEntry(Span<byte> e, string name, byte type, uint child, uint start, uint size, Guid clsid)
    {
        byte[] n = Encoding.Unicode.GetBytes(name);
        n.CopyTo(e);
        BinaryPrimitives.WriteUInt16LittleEndian(e[64..], (ushort)(n.Length + 2)); // with the terminating NUL
        e[66] = type;
        e[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(e[68..], NoStream); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(e[72..], NoStream); // right sibling
        BinaryPrimitives.WriteUInt32LittleEndian(e[76..], child);
        clsid.TryWriteBytes(e.Slice(80, 16));
        BinaryPrimitives.WriteUInt32LittleEndian(e[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(e[120..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(e[124..], 0);
    }
}
