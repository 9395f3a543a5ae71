using System.Text;

namespace PayrollRecon.Generation;

/// <summary>Writes the large single-site inputs the reader benchmarks run on: <c>bank.csv</c> (layout A, UTF-8), the
/// same statement as <c>bank-gb18030.csv</c>, and <c>attendance.csv</c>.</summary>
/// <remarks>
/// Unlike <see cref="ProjectGenerator"/>, nothing is planted and no project folder is made: the files are sized by bytes,
/// not by months, and their content is fixed by <see cref="BulkFileOptions.Seed"/> alone, so figures measured on them
/// stay comparable between runs and machines. The workforce is shared: attendance ids are the people the statement pays.
/// </remarks>
public static class BulkFileGenerator
{
    /// <summary>File name of the UTF-8 statement.</summary>
    public const string BankFileName = "bank.csv";

    /// <summary>File name of the same statement encoded in GB18030.</summary>
    public const string BankGb18030FileName = "bank-gb18030.csv";

    /// <summary>File name of the attendance file.</summary>
    public const string AttendanceFileName = "attendance.csv";

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing), replacing any there.</summary>
    public static BulkFileResult Generate(string directory, BulkFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Workers, 1_000_000, nameof(options));
        Directory.CreateDirectory(directory);

        var random = new Random(options.Seed);
        SyntheticWorker[] workers = Workforce.Create(random, options.Workers);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding gb18030 = Encoding.GetEncoding(54936);
        long bankRows, bankBytes;
        using (var utf8 = Create(Path.Combine(directory, BankFileName)))
        using (var gb = Create(Path.Combine(directory, BankGb18030FileName)))
        {
            char[] chars = [];
            byte[] encoded = [];
            var writer = new ByteRowWriter(chunk =>
            {
                utf8.Write(chunk.Span);

                // The writer flushes whole lines, so no character is ever cut between two chunks.
                int n = Encoding.UTF8.GetCharCount(chunk.Span);
                if (chars.Length < n) chars = new char[n];
                Encoding.UTF8.GetChars(chunk.Span, chars);
                int m = gb18030.GetByteCount(chars, 0, n);
                if (encoded.Length < m) encoded = new byte[m];
                gb18030.GetBytes(chars, 0, n, encoded, 0);
                gb.Write(encoded, 0, m);
            });
            bankRows = BulkBankStatement.Write(writer, new Random(options.Seed + 1), workers, options.BankMinBytes);
            bankBytes = writer.Length;
        }

        long attendanceRows, attendanceBytes;
        using (var file = Create(Path.Combine(directory, AttendanceFileName)))
        {
            var writer = new ByteRowWriter(chunk => file.Write(chunk.Span));
            attendanceRows = BulkAttendance.Write(writer, new Random(options.Seed + 2), workers, options.AttendanceMinBytes);
            attendanceBytes = writer.Length;
        }
        return new BulkFileResult(bankRows, bankBytes, attendanceRows, attendanceBytes);
    }

    private static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
}
