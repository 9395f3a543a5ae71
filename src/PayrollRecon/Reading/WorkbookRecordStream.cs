using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

using ExcelDataReader;
using ExcelDataReader.Exceptions;

using PayrollRecon.Model;
using PayrollRecon.Reporting;

namespace PayrollRecon.Reading;

/// <summary>One worksheet of an <c>.xlsx</c> or <c>.xls</c> workbook as UTF-8 CSV, a row at a time (R32, R33).</summary>
/// <remarks>
/// Line <i>n</i> of the text is worksheet row <i>n</i>: ExcelDataReader (3.6, both formats) hands over every row from
/// the first, a row missing from the file (xlsx stores only rows that have cells, xls only rows with records) as one
/// without cells, which becomes an empty line; an xlsx repeating a row number (which it would merge into one row) is
/// refused by <see cref="XlsxPartCheck"/> before it is read. The n-th row it hands over is therefore row n as long as
/// the file lists its rows in ascending order, as both formats require (rows out of order are read, counted in the
/// order handed over). Every non-empty row has as many fields as the worksheet has columns, so rows of one sheet always agree in
/// field count. The worksheet read is the first, hidden or not (R32), in which one of the first 50 non-blank rows
/// satisfies the header probe; with no probe, or none satisfying it, the first visible one with a non-empty cell, then
/// a hidden one, else the first. A workbook that cannot be read, at opening or at any later row, is a one-line
/// <see cref="PayrollDataException"/>; so is one with more than <see cref="CsvReaderOptions.MaxWorkbookSheets"/>
/// worksheets, or a worksheet read past <see cref="CsvReaderOptions.MaxWorksheetRows"/> rows. At most
/// <see cref="CsvReaderOptions.MaxWorksheetHeaderSearchRows"/> rows of a worksheet are looked at to choose it.
/// </remarks>
internal sealed class WorkbookRecordStream : RecordStream
{
    /// <summary>Non-blank rows of a worksheet looked at for a header (R33).</summary>
    internal const int HeaderSearchRows = 50;

    /// <summary>The cells (columns × rows) a worksheet may claim whatever the file's size: any real export fits.</summary>
    internal const long MinCellBudget = 32L << 20;

    /// <summary>The cells a worksheet may claim per byte of its workbook, above <see cref="MinCellBudget"/>.</summary>
    internal const long CellsPerByte = 256;

    /// <summary>The bytes of an OLE2 compound file header up to its DIFAT sector count.</summary>
    private const int CompoundHeaderBytes = 76;

    /// <summary>The OLE2 header's own size: sector 0 starts after it.</summary>
    private const int CompoundHeaderBytesOnDisk = 512;

    /// <summary>The smallest OLE2 sector.</summary>
    private const int MinSectorBytes = 512;

    /// <summary>ENDOFCHAIN: no sector follows (here: there is no DIFAT sector).</summary>
    private const uint EndOfChain = 0xFFFFFFFE;

    /// <summary>Rows an .xls worksheet can have: BIFF row numbers are 16-bit, and a DIMENSIONS record may claim no more.</summary>
    /// <remarks>
    /// Only a damaged DIMENSIONS record (its last row is 32 bits wide in BIFF8) claims more, and ExcelDataReader's .xls
    /// reader walks its row index in blocks of 32 up to the claimed row, past the last row the file has: 352 million
    /// claimed rows of a worksheet without columns (so without cells to count against <see cref="MinCellBudget"/>)
    /// were 6 s of nothing before the next read returned. The .xlsx reader stops at the last row it finds.
    /// </remarks>
    internal const int XlsMaxRows = 1 << 16;

    private readonly IExcelDataReader _reader;
    private readonly IDisposable? _owner;
    private readonly string _fileName;
    private readonly TextEncodingKind _kind;
    private readonly long _sourceLength;
    private readonly Dictionary<int, WorkbookCellText.DateParts> _dateParts = [];
    private readonly Dictionary<int, WorkbookCellText.DateParts> _numberDateParts = [];
    private readonly char[] _scratch = new char[WorkbookCellText.ScratchChars];
    private readonly int _rowLimit;
    private int _fieldCount;
    private int _rowCount;
    private long _rowsServed;
    private bool _done;
    private string? _sheetName;

    static WorkbookRecordStream()
    {
        // ExcelDataReader's configuration and the .xls code-page strings need the legacy code pages.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private WorkbookRecordStream(IExcelDataReader reader, Stream workbook, IDisposable? owner, string fileName, TextEncodingKind kind, int maxRecordBytes, int rowLimit)
        : base(maxRecordBytes)
    {
        _rowLimit = rowLimit;
        _reader = reader;
        _owner = owner;
        _fileName = fileName;
        _kind = kind;
        _sourceLength = workbook.Length;
    }

    public override TextEncodingKind Kind => _kind;

    /// <summary>The workbook's size at the end; while reading, that size in proportion to the worksheet's rows served.</summary>
    public override long SourceBytesRead =>
        _done || _rowCount <= 0 ? (_done ? _sourceLength : 0) : (long)(_sourceLength * Math.Min(1.0, (double)_rowsServed / _rowCount));

    public override string? SheetName => _sheetName;

    /// <summary>Opens the workbook that is the whole of the seekable <paramref name="workbook"/> and chooses its worksheet.</summary>
    /// <param name="workbook">The workbook's bytes, from position 0.</param>
    /// <param name="owner">What to dispose when done (the input stream or a temporary copy), or null to leave it open.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="kind">xlsx or xls, as the signature said.</param>
    /// <param name="options">The record limit and the header probe.</param>
    public static WorkbookRecordStream Open(Stream workbook, IDisposable? owner, string fileName, TextEncodingKind kind, CsvReaderOptions options)
    {
        // What ExcelDataReader would spend minutes or gigabytes on is refused before it opens the workbook.
        LocalizedText? damage = kind switch
        {
            TextEncodingKind.Xls when IsDamagedCompoundHeader(workbook) =>
                new LocalizedText(MessageKey.WorkbookUnreadable, fileName, new LocalizedText(MessageKey.WorkbookBadContainer)),
            TextEncodingKind.Xlsx => XlsxDamage(workbook, fileName, options.WorkbookSheetLimit, options.EffectiveMaxRecordBytes),
            _ => null,
        };
        if (damage is not null)
        {
            owner?.Dispose();
            throw new PayrollDataException(fileName, damage);
        }

        IExcelDataReader reader;
        try
        {
            var configuration = new ExcelReaderConfiguration
            {
                LeaveOpen = true,
                // Only BIFF5 and older store 8-bit text, and then under a code page; one without it is most likely Chinese.
                FallbackEncoding = Gb18030Transcoder.Encoding,
            };
            reader = ExcelReaderFactory.CreateReader(new WorkbookSourceStream(workbook), configuration);
        }
        catch (Exception e) when (IsWorkbookFault(e))
        {
            owner?.Dispose();
            throw Unreadable(fileName, e);
        }

        var stream = new WorkbookRecordStream(reader, workbook, owner, fileName, kind, options.EffectiveMaxRecordBytes, options.WorksheetRowLimit);
        try
        {
            stream.ChooseSheet(options.HeaderProbe, options.WorkbookSheetLimit);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return stream;
    }

    protected override bool ProduceRecord()
    {
        if (_done) return false;
        bool more;
        try
        {
            more = _reader.Read();
            if (more && _rowsServed >= _rowLimit)
            {
                // A worksheet cannot hold more rows in Excel; a file that claims more (or repeats empty rows without end) is refused.
                throw new PayrollDataException(_fileName, new LocalizedText(MessageKey.WorksheetTooManyRows, _fileName, _rowLimit));
            }
            if (more) WriteRow();
        }
        catch (Exception e) when (IsWorkbookFault(e))
        {
            throw Unreadable(_fileName, e);
        }
        if (!more)
        {
            _done = true;
            return false;
        }
        _rowsServed++;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _done = true;
            try
            {
                _reader.Dispose();
            }
            catch (Exception e) when (IsWorkbookFault(e))
            {
                // Closing a damaged workbook may fail again; the error that matters was reported when reading.
            }
            _owner?.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Positions the reader at the start of the worksheet to read (R33) and notes its name and size.</summary>
    private void ChooseSheet(Func<IReadOnlyList<string>, int>? probe, int sheetLimit)
    {
        try
        {
            if (_reader.ResultsCount > sheetLimit)
            {
                throw new PayrollDataException(_fileName, new LocalizedText(MessageKey.WorkbookTooManySheets, _fileName, _reader.ResultsCount, sheetLimit));
            }
            int chosen = _reader.ResultsCount > 1 ? FindSheet(probe) : 0;
            _reader.Reset();
            for (int i = 0; i < chosen; i++) _reader.NextResult();
            CheckDimensions();
            _sheetName = _reader.Name;
            _fieldCount = _reader.FieldCount;
            _rowCount = _reader.RowCount;
        }
        catch (Exception e) when (IsWorkbookFault(e))
        {
            throw Unreadable(_fileName, e);
        }
    }

    /// <summary>Refuses a worksheet whose stated size no real workbook of this file's size has.</summary>
    /// <remarks>
    /// Every row is handed over with the worksheet's column count, blank rows included, so a damaged dimension record
    /// (an .xls of 6 KB claiming 61,424 columns and rows) would mean billions of empty cells: hours of work for nothing.
    /// A worksheet wider than its format allows (256 columns in .xls, 16,384 in .xlsx), longer than .xls allows
    /// (<see cref="XlsMaxRows"/>), or claiming more cells than <see cref="MinCellBudget"/> or
    /// <see cref="CellsPerByte"/> per byte of the file, is a damaged workbook.
    /// </remarks>
    private void CheckDimensions()
    {
        int columns = _reader.FieldCount;
        long rows = Math.Max(1, _reader.RowCount);
        int maxColumns = _kind == TextEncodingKind.Xls ? 256 : 16384;
        long maxRows = _kind == TextEncodingKind.Xls ? XlsMaxRows : long.MaxValue;
        long budget = Math.Max(MinCellBudget, _sourceLength * CellsPerByte);
        if (columns > maxColumns || rows > maxRows || columns * rows > budget)
            throw new PayrollDataException(_fileName, new LocalizedText(MessageKey.WorkbookClaimsSize, _fileName, columns, rows));
    }

    /// <summary>The index of the worksheet to read; the reader is left anywhere.</summary>
    private int FindSheet(Func<IReadOnlyList<string>, int>? probe)
    {
        // R32: "The first worksheet that has a header row (R33) is read", hidden or not; without one, the one holding the
        // row that binds most columns (the file is then unreadable, and R33's message names that row), else the first
        // non-empty one.
        int visibleNonEmpty = -1, hiddenNonEmpty = -1;
        int bestScore = 0, bestSheet = -1;
        var cells = new List<string>();
        int index = 0;
        do
        {
            CheckDimensions();
            bool visible = _reader.VisibleState is null or "visible";
            int nonBlank = 0;
            int rows = 0;
            // Blank rows count toward a bound too: a few bytes of xlsx can claim a million empty rows before the first cell.
            while (nonBlank < HeaderSearchRows && rows++ < CsvReaderOptions.MaxWorksheetHeaderSearchRows && _reader.Read())
            {
                if (!RowTexts(cells)) continue;
                nonBlank++;
                if (visible && visibleNonEmpty < 0) visibleNonEmpty = index;
                if (!visible && hiddenNonEmpty < 0) hiddenNonEmpty = index;
                if (probe is null) break;
                int score = probe(cells);
                if (score == CsvReaderOptions.HeaderBinds) return index;
                if (score > bestScore)
                {
                    bestScore = score;
                    bestSheet = index;
                }
            }
            if (probe is null && visibleNonEmpty >= 0) return visibleNonEmpty;
            index++;
        }
        while (_reader.NextResult());

        if (bestSheet >= 0) return bestSheet;
        if (visibleNonEmpty >= 0) return visibleNonEmpty;
        return hiddenNonEmpty >= 0 ? hiddenNonEmpty : 0;
    }

    /// <summary>The current row's cell texts; false when none is non-blank.</summary>
    private bool RowTexts(List<string> cells)
    {
        cells.Clear();
        bool any = false;
        int count = _reader.FieldCount;
        for (int i = 0; i < count; i++)
        {
            string text = new(CellText(i));
            // As the CSV core will see it: one line, no tabs.
            text = text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
            any |= !string.IsNullOrWhiteSpace(text);
            cells.Add(text);
        }
        return any;
    }

    private void WriteRow()
    {
        BeginRecord();
        // One field past the CSV core's limit is enough to make the row an error; the cells after it are not looked at.
        int fields = Math.Min(_fieldCount, CsvReader.MaxFieldsPerRecord + 1);
        for (int i = 0; i < fields; i++) AppendField(CellText(i));
        EndRecord();
    }

    /// <summary>Cell <paramref name="i"/> of the current row per R32 (see <see cref="WorkbookCellText"/>).</summary>
    private ReadOnlySpan<char> CellText(int i)
    {
        object? value = _reader.GetValue(i);
        switch (value)
        {
            case null or string:
                return WorkbookCellText.Format(value, default, _scratch);
            case DateTime:
                return WorkbookCellText.Format(value, DatePartsOf(i), _scratch);
            case double or int:
                // A built-in East Asian date format (yyyy"年"m"月"d"日" …) comes as a bare serial number.
                int format = _reader.GetNumberFormatIndex(i);
                WorkbookCellText.DateParts eastAsian = WorkbookCellText.BuiltinEastAsian(format);
                if (eastAsian != WorkbookCellText.DateParts.None && _reader.GetNumberFormatString(i) is null
                    && WorkbookCellText.FromSerial(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) is { } date)
                {
                    return WorkbookCellText.Date(date, eastAsian, _scratch);
                }
                // A custom date format whose literal text is not quoted (yyyy年m月d日) also comes as a bare number.
                WorkbookCellText.DateParts custom = NumberFormatDateParts(i, format);
                if (custom != WorkbookCellText.DateParts.None
                    && WorkbookCellText.FromSerial(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) is { } serial)
                {
                    return WorkbookCellText.Date(serial, custom, _scratch);
                }
                return WorkbookCellText.Format(value, default, _scratch);
            default:
                return WorkbookCellText.Format(value, default, _scratch);
        }
    }

    private WorkbookCellText.DateParts NumberFormatDateParts(int i, int format)
    {
        if (!_numberDateParts.TryGetValue(format, out WorkbookCellText.DateParts parts))
        {
            parts = WorkbookCellText.PartsOfNumberFormat(_reader.GetNumberFormatString(i));
            _numberDateParts[format] = parts;
        }
        return parts;
    }

    private WorkbookCellText.DateParts DatePartsOf(int i)
    {
        int format = _reader.GetNumberFormatIndex(i);
        if (!_dateParts.TryGetValue(format, out WorkbookCellText.DateParts parts))
        {
            parts = WorkbookCellText.PartsOf(_reader.GetNumberFormatString(i));
            _dateParts[format] = parts;
        }
        return parts;
    }

    /// <summary>
    /// True for an OLE2 compound file whose header gives sectors of another size than MS-CFB allows, or counts more
    /// DIFAT sectors than the file has sectors.
    /// </summary>
    /// <remarks>
    /// ExcelDataReader 3.6 (CompoundDocument) takes both on trust. A sector is 2^shift bytes, the shift 9 or 12 and a
    /// mini sector's 6 (MS-CFB 2.2, "MUST"); from any other shift it sizes its sector table and every sector it reads:
    /// 6.6 KB .xls files with a shift of 24, 28 or 65,535 allocated 1.7-6 GB (13 GB at the peak) and ran for seconds
    /// (found by the workbook fuzz target). It follows the DIFAT chain for as many sectors as the header counts, with
    /// no cycle check and no bound but the end of the file: a 6.6 KB .xls whose DIFAT sector names itself as the next
    /// one and counts 33 million of them grew a list by 127 entries a sector until it ran out of memory minutes later.
    /// Every DIFAT sector is a sector of the file, and no sector is smaller than 512 bytes, so a larger count is a
    /// damaged container. The count is only followed, and so only checked, when the chain has a first sector.
    /// <paramref name="workbook"/> is left where it was.
    /// </remarks>
    private static bool IsDamagedCompoundHeader(Stream workbook)
    {
        Span<byte> header = stackalloc byte[CompoundHeaderBytes];
        long start = workbook.Position;
        int length = workbook.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        workbook.Position = start;
        if (length < header.Length || !header.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return false;
        ushort sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        ushort miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        if (sectorShift is not (9 or 12) || miniSectorShift != 6) return true;
        uint firstDifatSector = BinaryPrimitives.ReadUInt32LittleEndian(header[68..]);
        int difatSectors = BinaryPrimitives.ReadInt32LittleEndian(header[72..]);
        long sectors = (workbook.Length - start - CompoundHeaderBytesOnDisk + MinSectorBytes - 1) / MinSectorBytes;
        return firstDifatSector != EndOfChain && difatSectors > sectors;
    }

    /// <summary>What <see cref="XlsxPartCheck"/> finds wrong with an .xlsx; null also when its ZIP or XML is damaged, for ExcelDataReader to say how. <paramref name="workbook"/> is left where it was.</summary>
    private static LocalizedText? XlsxDamage(Stream workbook, string fileName, int sheetLimit, int maxRecordBytes)
    {
        long start = workbook.Position;
        try
        {
            return XlsxPartCheck.FindDamage(workbook, fileName, sheetLimit, maxRecordBytes);
        }
        catch (Exception e) when (IsWorkbookFault(e))
        {
            return null;
        }
        finally
        {
            workbook.Position = start;
        }
    }

    /// <summary>True for what a damaged, truncated, encrypted or foreign file makes ExcelDataReader throw (not cancellation or I/O trouble of the disk).</summary>
    private static bool IsWorkbookFault(Exception e) => e switch
    {
        PayrollDataException or OperationCanceledException or OutOfMemoryException => false,
        EndOfStreamException or InvalidDataException => true,
        IOException or UnauthorizedAccessException => false,
        _ => true,
    };

    /// <summary>The one-line error for a workbook that cannot be read, with a short reason and never any of its bytes.</summary>
    internal static PayrollDataException Unreadable(string fileName, Exception e) =>
        new(fileName, new LocalizedText(MessageKey.WorkbookUnreadable, fileName, new LocalizedText(Reason(e))));

    private static MessageKey Reason(Exception e) => e switch
    {
        InvalidPasswordException => MessageKey.WorkbookEncrypted,
        // ExcelDataReader's own messages tell the foreign files apart; they are fixed English sentences, never file content.
        ExcelReaderException when e.Message.Contains("ZIP", StringComparison.Ordinal) => MessageKey.WorkbookZipNotExcel,
        ExcelReaderException when e.Message.Contains("'Workbook'", StringComparison.Ordinal) => MessageKey.WorkbookOleWithoutWorkbook,
        ExcelReaderException when e.Message.Contains("compound document", StringComparison.Ordinal) => MessageKey.WorkbookOleNotExcel,
        ExcelReaderException when e.Message.Contains("corrupt or truncated", StringComparison.Ordinal) => MessageKey.WorkbookTruncated,
        HeaderException => MessageKey.WorkbookBadHeader,
        CompoundDocumentException => MessageKey.WorkbookBadContainer,
        InvalidDataException or EndOfStreamException => MessageKey.WorkbookTruncated,
        XmlException => MessageKey.WorkbookBadXml,
        _ => MessageKey.WorkbookBadStructure,
    };
}
