namespace PayrollRecon.Model;

/// <summary>The character encoding detected for an input file.</summary>
public enum TextEncodingKind
{
    /// <summary>UTF-8 without a byte order mark (includes pure ASCII).</summary>
    Utf8,

    /// <summary>UTF-8 with a byte order mark.</summary>
    Utf8Bom,

    /// <summary>GB18030 (a superset of GBK and GB2312), transcoded to UTF-8 while reading.</summary>
    Gb18030,

    /// <summary>An Office Open XML workbook (<c>.xlsx</c>), read cell by cell (R32).</summary>
    Xlsx,

    /// <summary>A BIFF8 workbook (<c>.xls</c>), read cell by cell (R32).</summary>
    Xls,

    /// <summary>An HTML table saved as <c>.xls</c> by web banking (R32).</summary>
    Html,
}
