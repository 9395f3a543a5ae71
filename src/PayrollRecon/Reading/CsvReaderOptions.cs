namespace PayrollRecon.Reading;

/// <summary>Options of the byte-level <see cref="CsvReader"/>.</summary>
public readonly record struct CsvReaderOptions
{
    /// <summary>The default record length limit: 1 MiB.</summary>
    public const int DefaultMaxRecordBytes = 1 << 20;

    /// <summary>Creates the default options.</summary>
    public CsvReaderOptions()
    {
    }

    /// <summary>Longest record accepted, in UTF-8 bytes without the line break; longer records become a row error.</summary>
    /// <remarks>Zero or less means <see cref="DefaultMaxRecordBytes"/>. The reader's memory is bounded by about this much plus 128 KiB.</remarks>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Leave the stream open when the reader is disposed (only for readers created over a <see cref="Stream"/>).</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>How well a row's cells bind the columns of the input kind (R33): <see cref="HeaderBinds"/> when they bind
    /// every required one, else the number of columns they bind; used to choose a workbook's worksheet.</summary>
    /// <remarks>
    /// A workbook is read from the first worksheet in which one of the first 50 non-blank rows binds every required
    /// column; with no such worksheet, from the one holding the row that binds most columns (so that the error names
    /// it, R33), and with no probe or no row binding any, from the first worksheet that has a non-empty cell. Plain CSV
    /// and HTML inputs do not use it.
    /// </remarks>
    internal Func<IReadOnlyList<string>, int>? HeaderProbe { get; init; }

    /// <summary>What <see cref="HeaderProbe"/> returns for a row that binds every required column.</summary>
    internal const int HeaderBinds = int.MaxValue;

    internal int EffectiveMaxRecordBytes => MaxRecordBytes > 0 ? MaxRecordBytes : DefaultMaxRecordBytes;

    /// <summary>Worksheets a workbook may have: one with more is refused before any is read.</summary>
    public const int MaxWorkbookSheets = 255;

    /// <summary>Rows a worksheet may have (Excel's own limit): a worksheet with more is refused when its next row is reached.</summary>
    public const int MaxWorksheetRows = 1 << 20;

    /// <summary>Rows of a worksheet, blank ones included, looked at for its header when the worksheet is chosen (R33).</summary>
    public const int MaxWorksheetHeaderSearchRows = 1 << 16;

    /// <summary><see cref="MaxWorkbookSheets"/>, lower in tests.</summary>
    internal int WorkbookSheetLimit { get; init; } = MaxWorkbookSheets;

    /// <summary><see cref="MaxWorksheetRows"/>, lower in tests.</summary>
    internal int WorksheetRowLimit { get; init; } = MaxWorksheetRows;
}
