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
}
