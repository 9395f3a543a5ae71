using System.Buffers;
using System.IO.Pipelines;
using System.Text;

using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

/// <summary>Builds inputs and flattens reader output into comparable strings.</summary>
internal static class ReadingTestSupport
{
    public static readonly Encoding Gb18030 = Gb18030Transcoder.Encoding;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gb(string text) => Gb18030.GetBytes(text);

    public static CsvReader Csv(byte[] bytes, int maxRecordBytes = 0) =>
        CsvReader.Create(new MemoryStream(bytes), "t.csv", new CsvReaderOptions { MaxRecordBytes = maxRecordBytes });

    public static CsvReader Csv(string text, int maxRecordBytes = 0) => Csv(Utf8(text), maxRecordBytes);

    /// <summary>Every record as <c>line:field|field</c>, or <c>line!Error</c> for a row error.</summary>
    public static List<string> ReadAll(CsvReader reader)
    {
        var result = new List<string>();
        while (reader.Read(out CsvRow row)) result.Add(Format(row));
        return result;
    }

    public static List<string> ReadAll(string text, int maxRecordBytes = 0)
    {
        using CsvReader reader = Csv(text, maxRecordBytes);
        return ReadAll(reader);
    }

    public static string Format(CsvRow row)
    {
        if (row.Error != CsvRowError.None) return $"{row.Line}!{row.Error}";
        var sb = new StringBuilder().Append(row.Line).Append(':');
        for (int i = 0; i < row.FieldCount; i++)
        {
            if (i > 0) sb.Append('|');
            sb.Append(Encoding.UTF8.GetString(row[i]));
        }
        return sb.ToString();
    }

    /// <summary>A pipe holding <paramref name="bytes"/> written in random-sized chunks (so reads see many small segments).</summary>
    public static PipeReader ChunkedPipe(byte[] bytes, Random random, int maxChunk)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, minimumSegmentSize: 1, useSynchronizationContext: false));
        int pos = 0;
        while (pos < bytes.Length)
        {
            int n = Math.Min(bytes.Length - pos, random.Next(1, maxChunk + 1));
            pipe.Writer.Write(bytes.AsSpan(pos, n));
            pipe.Writer.FlushAsync().AsTask().GetAwaiter().GetResult();
            pos += n;
        }
        pipe.Writer.Complete();
        return pipe.Reader;
    }
}

/// <summary>A read-only stream that returns at most a random number of bytes per read.</summary>
internal sealed class RandomReadStream(byte[] data, int seed, int maxRead) : Stream
{
    private readonly Random _random = new(seed);
    private int _pos;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _pos; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, data.Length - _pos), _random.Next(1, maxRead + 1));
        data.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
