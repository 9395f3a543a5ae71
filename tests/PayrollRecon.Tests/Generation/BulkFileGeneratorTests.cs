using System.Text;

using PayrollRecon.Generation;
using PayrollRecon.Model;
using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Generation;

/// <summary>The benchmarks' bulk files, small: the sizes asked for, the same bytes from the same seed, the GB18030
/// statement the same text, and every row readable.</summary>
public sealed class BulkFileGeneratorTests
{
    private static readonly BulkFileOptions Small = new() { Seed = 7, Workers = 40, BankMinBytes = 64 << 10, AttendanceMinBytes = 96 << 10 };

    [Fact]
    public void Generate_SmallSizes_FilesOfAtLeastThatSizeAndReadableRows()
    {
        string dir = Path.Combine(Path.GetTempPath(), "payrollrecon-bulk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var made = BulkFileGenerator.Generate(dir, Small);

            byte[] bank = File.ReadAllBytes(Path.Combine(dir, "bank.csv"));
            byte[] attendance = File.ReadAllBytes(Path.Combine(dir, "attendance.csv"));
            Assert.Equal(made.BankBytes, bank.Length);
            Assert.Equal(made.AttendanceBytes, attendance.Length);
            Assert.InRange(made.BankBytes, Small.BankMinBytes, Small.BankMinBytes + 4096);
            Assert.InRange(made.AttendanceBytes, Small.AttendanceMinBytes, Small.AttendanceMinBytes + 4096 * 40);
            Assert.Equal(made.BankRows, bank.Count(b => b == (byte)'\n') - 1);
            Assert.Equal(made.AttendanceRows, attendance.Count(b => b == (byte)'\n') - 1);
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            Assert.Equal(Encoding.UTF8.GetString(bank), Encoding.GetEncoding(54936).GetString(File.ReadAllBytes(Path.Combine(dir, "bank-gb18030.csv"))));

            Assert.Equal(made.BankRows, ReadAll(InputKind.Bank, Path.Combine(dir, "bank.csv")));
            Assert.Equal(made.BankRows, ReadAll(InputKind.Bank, Path.Combine(dir, "bank-gb18030.csv")));
            Assert.Equal(made.AttendanceRows, ReadAll(InputKind.Attendance, Path.Combine(dir, "attendance.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Generate_SameOptionsTwice_SameBytes()
    {
        string a = Path.Combine(Path.GetTempPath(), "payrollrecon-bulk-" + Guid.NewGuid().ToString("N"));
        string b = Path.Combine(Path.GetTempPath(), "payrollrecon-bulk-" + Guid.NewGuid().ToString("N"));
        try
        {
            BulkFileGenerator.Generate(a, Small);
            BulkFileGenerator.Generate(b, Small);
            foreach (string name in new[] { "bank.csv", "bank-gb18030.csv", "attendance.csv" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, name)), File.ReadAllBytes(Path.Combine(b, name)));
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }

    [Fact]
    public void Generate_NoWorkers_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkFileGenerator.Generate(Path.GetTempPath(), Small with { Workers = 0 }));

    /// <summary>Rows accepted by the reader; a rejected row fails the test.</summary>
    private static long ReadAll(InputKind kind, string path)
    {
        var diagnostics = new List<Diagnostic>();
        var source = InputSource.FromFile(path);
        using var reader = InputKinds.CreateReader(kind, source.Open(), source.Name, new InputReaderOptions { Diagnostics = diagnostics });
        switch (reader)
        {
            case BankReader bank: while (bank.Read(out _)) { } break;
            case AttendanceReader punches: while (punches.Read(out _)) { } break;
        }
        Assert.Empty(diagnostics);
        return reader.Stats.RowsRead;
    }
}
