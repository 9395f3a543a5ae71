using System.IO.Pipelines;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    /// <summary>Bytes that tell a workbook from text.</summary>
    private const int SignatureBytes = 8;

    /// <summary>Most bytes looked at for the <c>&lt;</c> that starts an HTML document (after a BOM and white space).</summary>
    private const int HtmlSniffBytes = 4096;

    /// <summary>Buffer of the stream a workbook is read from (ExcelDataReader reads small records and sectors).</summary>
    private const int WorkbookBufferBytes = 64 * 1024;

    /// <summary>The worksheet read from a workbook input (R33); null for CSV and HTML inputs.</summary>
    public string? SheetName => _container?.SheetName;

    private enum ContentKind
    {
        Text,
        Xlsx,
        Xls,
        Html,
    }

    /// <summary>
    /// Recognises a workbook by its bytes (ZIP or OLE2 signature, whatever the file name) or an HTML document saved as
    /// <c>.xls</c>/<c>.htm</c>/<c>.html</c> (R32) and returns a reader of it as CSV. For anything else returns null,
    /// with <paramref name="stream"/> replaced when needed by one that still starts at the first byte.
    /// </summary>
    private static CsvReader? CreateForContent(ref Stream stream, string fileName, CsvReaderOptions options)
    {
        Stream? seekable = stream.CanSeek ? stream : (stream as SequentialFileStream)?.File;
        long start = seekable?.Position ?? 0;
        byte[] head = new byte[HtmlSniffBytes];
        int length = stream.ReadAtLeast(head.AsSpan(0, SignatureBytes), SignatureBytes, throwOnEndOfStream: false);
        ContentKind kind = Signature(head.AsSpan(0, length));
        if (kind == ContentKind.Text && MayBeHtml(fileName))
        {
            int first;
            while ((first = FirstMarkupByte(head.AsSpan(0, length))) < 0 && length < head.Length)
            {
                int n = stream.Read(head.AsSpan(length));
                if (n == 0) break;
                length += n;
            }
            if (first >= 0 && head[first] == (byte)'<') kind = ContentKind.Html;
        }

        bool rewound = false;
        if (seekable is not null && ((kind != ContentKind.Xlsx && kind != ContentKind.Xls) || start == 0))
        {
            seekable.Position = start;
            rewound = true;
        }

        switch (kind)
        {
            case ContentKind.Text:
                if (!rewound) stream = new PrefixedStream(head, length, stream, ownsInner: true);
                return null;

            case ContentKind.Html:
            {
                Stream source = rewound ? stream : new PrefixedStream(head, length, stream, ownsInner: !options.LeaveOpen);
                bool owns = !rewound || !options.LeaveOpen;
                return CreateOver(new HtmlTableRecordStream(source, owns, fileName, options.EffectiveMaxRecordBytes), fileName, options);
            }

            default:
            {
                Stream workbook;
                IDisposable? owner;
                if (rewound)
                {
                    workbook = seekable!;
                    owner = options.LeaveOpen ? null : stream;
                }
                else
                {
                    // ExcelDataReader needs random access: a stream without it is spooled to a temporary file, not to memory.
                    workbook = Spool(head, length, stream);
                    owner = workbook;
                    if (!options.LeaveOpen) stream.Dispose();
                }
                if (workbook is FileStream) workbook = new BufferedStream(workbook, WorkbookBufferBytes);
                var records = WorkbookRecordStream.Open(
                    workbook, owner, fileName, kind == ContentKind.Xlsx ? TextEncodingKind.Xlsx : TextEncodingKind.Xls, options);
                return CreateOver(records, fileName, options);
            }
        }
    }

    /// <summary>A reader of the CSV text a workbook or HTML table is turned into (always UTF-8: the text is made here).</summary>
    private static CsvReader CreateOver(RecordStream records, string fileName, CsvReaderOptions options)
    {
        var pipe = PipeReader.Create(records, new StreamPipeReaderOptions(bufferSize: FillChunkBytes, minimumReadSize: 4096, leaveOpen: false));
        return new CsvReader(pipe, fileName, options.EffectiveMaxRecordBytes) { _container = records, _state = InputState.Utf8 };
    }

    /// <summary>ZIP (<c>PK\3\4</c>, or an empty archive) → xlsx; OLE2 compound file or a bare BIFF stream → xls; else text.</summary>
    private static ContentKind Signature(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return ContentKind.Xlsx;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return ContentKind.Xls;
        return IsBiffStream(head) ? ContentKind.Xls : ContentKind.Text;
    }

    /// <summary>A BIFF2–8 stream outside an OLE2 container starts with a BOF record (ExcelDataReader's own test); no text does.</summary>
    private static bool IsBiffStream(ReadOnlySpan<byte> head)
    {
        if (head.Length < SignatureBytes) return false;
        int id = head[0] | head[1] << 8;
        int size = head[2] | head[3] << 8;
        int version = head[4] | head[5] << 8;
        int type = head[6] | head[7] << 8;
        return id switch
        {
            0x0009 => size == 4 && type is 0x10 or 0x20 or 0x40,
            0x0209 or 0x0409 => size == 6 && type is 0x10 or 0x20 or 0x40 or 0x100,
            0x0809 => size >= 4 && version is 0 or 0x200 or 0x300 or 0x400 or 0x500 or 0x600
                && type is 0x5 or 0x6 or 0x10 or 0x20 or 0x40 or 0x100,
            _ => false,
        };
    }

    /// <summary>Names under which web banking saves an HTML table (R32).</summary>
    private static bool MayBeHtml(string fileName) =>
        fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The index of the first byte after a UTF-8 BOM and white space, or -1 when <paramref name="head"/> has none yet.</summary>
    private static int FirstMarkupByte(ReadOnlySpan<byte> head)
    {
        int i = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        int rel = head[i..].IndexOfAnyExcept(" \t\r\n\f"u8);
        return rel < 0 ? -1 : i + rel;
    }

    /// <summary>Copies the rest of a forward-only stream after its peeked head to a temporary file deleted when closed.</summary>
    private static FileStream Spool(byte[] head, int length, Stream rest)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "payrollrecon-" + Guid.NewGuid().ToString("N") + ".tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        try
        {
            file.Write(head, 0, length);
            rest.CopyTo(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
