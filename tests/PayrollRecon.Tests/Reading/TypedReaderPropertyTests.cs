using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class TypedReaderPropertyTests
{
    private static readonly bool[] StrictModes = [false, true];

    private const string Bank =
        "流水号,交易时间,借贷标志,交易金额,余额,对方户名,对方账号,摘要\r\n" +
        "T1,2024-01-05 10:00:00,贷,\"480,000.00\",480000.00,洛阳市某置业有限公司,4105,人工费用拨付\r\n" +
        "T2,2024-01-15 09:30:00,借,12.3.4,,张三,6222,工资\r\n" +
        "\r\n" +
        "T3,2024-01-15 09:31:00,借,3200.00,,欧阳·娜娜,6223,\"工资\r\n𠀀 \"\"加班\"\"\"\r\n" +
        "T4,2024-01-16,X,2.00,,中国农业银行,,短信服务费\r\n" +
        ",,,\r\n" +
        "T5,2024-01-17 08:00,借,1.00,,\u3000李四\u3000,6224,\"未闭合\r\n";

    private const string Attendance =
        "身份证号,考勤时间,方向\n11010119900307663X,2024-01-05 07:58:00,进\n1101,2024-01-05,出\n张三,2024-01-05 17:00,出\n\n1102,2024-01-05 17:00,左\n";

    [Theory]
    [InlineData(InputKind.Bank, Bank)]
    [InlineData(InputKind.Attendance, Attendance)]
    public void Read_AnySplitInUtf8OrGb18030_YieldsTheSameRowsAndDiagnostics(InputKind kind, string text)
    {
        var options = new InputReaderOptions();
        string file = InputKinds.DefaultFileName(kind);
        var expected = TypedReaderSupport.Read(kind, Utf8(text), file, options);
        Assert.NotEmpty(expected.Rows);
        Assert.NotEmpty(expected.Diagnostics);
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 3, 7, 64)), (seed, maxRead) =>
        {
            foreach (byte[] bytes in new[] { Utf8(text), Gb(text) })
            {
                var rows = new List<string>();
                var diagnostics = new List<Diagnostic>();
                var stream = new RandomReadStream(bytes, seed, maxRead);
                if (kind == InputKind.Bank)
                {
                    using var reader = BankReader.Create(stream, file, options with { Diagnostics = diagnostics });
                    while (reader.Read(out var row)) rows.Add(TypedReaderSupport.Format(row));
                }
                else
                {
                    using var reader = AttendanceReader.Create(stream, file, options with { Diagnostics = diagnostics });
                    while (reader.Read(out var row)) rows.Add(TypedReaderSupport.Format(row));
                }
                Assert.Equal(expected.Rows, rows);
                Assert.Equal(expected.Diagnostics, diagnostics.Select(d => d.ToString()));
            }
        }).Check(PropertyConfig.Quick(100));
    }

    [Fact]
    public void Read_RandomBytesThroughTypedReaders_ThrowOnlyPayrollDataException()
    {
        string[] headers = ["", "流水号,交易时间,借贷标志,交易金额\n", "交易时间,借方发生额,贷方发生额\n", "交易日期,交易时间,交易金额\n", "身份证号,考勤时间,方向\n"];
        Gen<byte[]> body = Gen.ArrayOf(Gen.Elements<byte>(
            (byte)',', (byte)'"', (byte)'\n', (byte)'\r', (byte)' ', (byte)'-', (byte)'.', (byte)'1', (byte)'2', (byte)':', (byte)'D', 0xE5, 0x80, 0xFF, 0xC3));
        Prop.ForAll(Arb.From(Gen.Elements(headers)), Arb.From(Gen.OneOf(body, ArbMap.Default.GeneratorFor<byte[]>())), (header, tail) =>
        {
            byte[] bytes = [.. Utf8(header), .. tail];
            foreach (InputKind kind in Enum.GetValues<InputKind>())
            {
                foreach (bool strict in StrictModes)
                {
                    try
                    {
                        TypedReaderSupport.Read(kind, bytes, "f.csv", new InputReaderOptions { Strict = strict, MaxRecordBytes = 16 });
                    }
                    catch (PayrollDataException)
                    {
                    }
                }
            }
        }).Check(PropertyConfig.Quick());
    }
}
