using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Tests.Project;

public sealed class ProjectSettingsReaderTests
{
    private const string SpecExample = """
        {
          "code": "LY-2023-0017",
          "name": "洛阳市某安置房项目",
          "contractor": "某建设集团有限公司",
          "account": "41050100000000000001",
          "asOf": "2024-02-01",
          "payDay": 15,
          "payMonthOffset": 1,
          "graceDays": 0,
          "amountTolerance": 0.00,
          "minimumWage": { "monthly": 2100.00, "hourly": 20.60 },
          "monthlyCap": 50000.00,
          "yearlyCap": 300000.00,
          "laborFunds": [ { "period": "2023-12", "amount": 480000.00, "dueDate": "2023-12-25" } ]
        }
        """;

    private static ProjectSettings Read(string json) => ProjectSettingsReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_SpecExample_ReadsEveryKey()
    {
        ProjectSettings s = Read(SpecExample);
        Assert.Equal("LY-2023-0017", s.Code);
        Assert.Equal("洛阳市某安置房项目", s.Name);
        Assert.Equal("某建设集团有限公司", s.Contractor);
        Assert.Equal("41050100000000000001", s.Account);
        Assert.Equal(new DateOnly(2024, 2, 1), s.AsOf);
        Assert.Equal(15, s.PayDay);
        Assert.Equal(1, s.PayMonthOffset);
        Assert.Equal(0, s.GraceDays);
        Assert.Equal(Money.Zero, s.AmountTolerance);
        Assert.Equal(new Money(210000), s.MinimumWageMonthly);
        Assert.Equal(new Money(2060), s.MinimumWageHourly);
        Assert.Equal(new Money(5000000), s.MonthlyCap);
        Assert.Equal(new Money(30000000), s.YearlyCap);
        LaborFundItem item = Assert.Single(s.LaborFunds);
        Assert.Equal(new LaborFundItem(new YearMonth(2023, 12), new Money(48000000), new DateOnly(2023, 12, 25)), item);
    }

    [Fact]
    public void Read_OnlyCode_AppliesDefaults()
    {
        ProjectSettings s = Read("""{ "code": "P1" }""");
        Assert.Equal("P1", s.Code);
        Assert.Null(s.Name);
        Assert.Null(s.Contractor);
        Assert.Null(s.Account);
        Assert.Null(s.AsOf);
        Assert.Equal(31, s.PayDay);
        Assert.Equal(1, s.PayMonthOffset);
        Assert.Equal(0, s.GraceDays);
        Assert.Equal(Money.Zero, s.AmountTolerance);
        Assert.Null(s.MinimumWageMonthly);
        Assert.Null(s.MinimumWageHourly);
        Assert.Equal(Money.FromYuan(50_000), s.MonthlyCap);
        Assert.Equal(Money.FromYuan(300_000), s.YearlyCap);
        Assert.Empty(s.LaborFunds);
    }

    [Fact]
    public void Read_NullValues_MeanAbsent()
    {
        ProjectSettings s = Read("""
            { "code": "P1", "name": null, "asOf": null, "payDay": null, "minimumWage": null, "laborFunds": null, "monthlyCap": null }
            """);
        Assert.Null(s.Name);
        Assert.Null(s.AsOf);
        Assert.Equal(31, s.PayDay);
        Assert.Null(s.MinimumWageMonthly);
        Assert.Empty(s.LaborFunds);
        Assert.Equal(Money.FromYuan(50_000), s.MonthlyCap);
    }

    [Theory]
    [InlineData("0.1", 10L)]
    [InlineData("0.10", 10L)]
    [InlineData("2100", 210000L)]
    [InlineData("\"2100.5\"", 210050L)]
    [InlineData("\"2,100.55\"", 210055L)]
    [InlineData("\"¥2,100\"", 210000L)]
    [InlineData("\" 2100 \"", 210000L)]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void Read_MoneyNumberOrString_ReadsExactFen(string json, long fen)
    {
        ProjectSettings s = Read($$"""{ "code": "P1", "minimumWage": { "monthly": {{json}} } }""");
        Assert.Equal(new Money(fen), s.MinimumWageMonthly);
    }

    [Theory]
    [InlineData("\"2024-02-01\"", 2024, 2, 1)]
    [InlineData("\"2024/2/1\"", 2024, 2, 1)]
    [InlineData("\"20240201\"", 2024, 2, 1)]
    [InlineData("\"2024年2月1日\"", 2024, 2, 1)]
    public void Read_AsOfFormats_ReadsDate(string json, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), Read($$"""{ "code": "P1", "asOf": {{json}} }""").AsOf);
    }

    [Fact]
    public void Read_LaborFundsSeveralItems_KeepsOrderAndPeriodFormats()
    {
        ProjectSettings s = Read("""
            { "code": "P1", "laborFunds": [
                { "period": "2024-01", "amount": "100,000.00", "dueDate": "2024-01-25" },
                { "dueDate": "2024/2/25", "period": "2024年2月", "amount": 5 },
                { "period": "202403", "amount": 0, "dueDate": "20240325" },
            ] }
            """);
        Assert.Equal(
            [
                new LaborFundItem(new YearMonth(2024, 1), new Money(10000000), new DateOnly(2024, 1, 25)),
                new LaborFundItem(new YearMonth(2024, 2), new Money(500), new DateOnly(2024, 2, 25)),
                new LaborFundItem(new YearMonth(2024, 3), Money.Zero, new DateOnly(2024, 3, 25)),
            ],
            s.LaborFunds);
    }

    [Fact]
    public void Read_CommentsTrailingCommasAndBom_Accepted()
    {
        byte[] json = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes("{ // the project\n \"code\": \"P1\", /* pay */ \"payDay\": 10, }")];
        ProjectSettings s = ProjectSettingsReader.Read(json);
        Assert.Equal("P1", s.Code);
        Assert.Equal(10, s.PayDay);
    }

    [Fact]
    public void Read_Stream_ReadsSettings()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SpecExample));
        Assert.Equal("LY-2023-0017", ProjectSettingsReader.Read(stream).Code);
    }

    [Fact]
    public void Read_StreamTooLarge_Throws()
    {
        using var stream = new MemoryStream(new byte[ProjectSettingsReader.MaxBytes + 100]);
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read(stream));
        Assert.Equal("project.json: file is larger than 4194304 bytes", e.Message);
    }

    [Fact]
    public void Read_BomOnly_ThrowsEmpty()
    {
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read("\uFEFF"u8));
        Assert.Equal("project.json: file is empty", e.Message);
    }

    [Fact]
    public void Read_BoundaryIntegers_Accepted()
    {
        ProjectSettings s = Read("""{ "code": "P1", "payDay": 1, "payMonthOffset": 0, "graceDays": 366 }""");
        Assert.Equal(1, s.PayDay);
        Assert.Equal(0, s.PayMonthOffset);
        Assert.Equal(366, s.GraceDays);
        Assert.Equal(31, Read("""{ "code": "P1", "payDay": 31, "payMonthOffset": 12 }""").PayDay);
    }

    [Theory]
    [InlineData("", "project.json: file is empty")]
    [InlineData(" \r\n ", "project.json: file is empty")]
    [InlineData("{ \"code\": \"P1\", }}", "project.json: invalid JSON at line 1: '}' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("{ \"code\": \"P1\",\n  \"payDay\": 15\n  \"graceDays\": 0 }", "project.json: invalid JSON at line 3: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{ \"code\": \"P1\"", "project.json: invalid JSON at line 1: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData("[]", "project.json: expected a JSON object at the top level, found an array")]
    [InlineData("\"P1\"", "project.json: expected a JSON object at the top level, found the string 'P1'")]
    [InlineData("{}", "project.json: missing required key 'code'")]
    [InlineData("{ \"name\": \"x\" }", "project.json: missing required key 'code'")]
    [InlineData("{ \"code\": null }", "project.json: missing required key 'code'")]
    [InlineData("{ \"code\": \"\" }", "project.json: code: must not be empty")]
    [InlineData("{ \"code\": \"  \" }", "project.json: code: must not be empty")]
    [InlineData("{ \"code\": 17 }", "project.json: code: expected a string, found '17'")]
    [InlineData("{ \"code\": \"a/b\" }", "project.json: code: 'a/b' cannot be used as a folder name (no '/', '\\', control characters, '.' or '..')")]
    [InlineData("{ \"code\": \"..\" }", "project.json: code: '..' cannot be used as a folder name (no '/', '\\', control characters, '.' or '..')")]
    [InlineData("{ \"code\": \"P1\", \"payday\": 15 }", "project.json: unknown key 'payday' (did you mean 'payDay'?)")]
    [InlineData("{ \"code\": \"P1\", \"graceDay\": 1 }", "project.json: unknown key 'graceDay' (did you mean 'graceDays'?)")]
    [InlineData("{ \"code\": \"P1\", \"minimumwage\": {} }", "project.json: unknown key 'minimumwage' (did you mean 'minimumWage'?)")]
    [InlineData("{ \"code\": \"P1\", \"colour\": \"red\" }", "project.json: unknown key 'colour'")]
    [InlineData("{ \"payday\": 15 }", "project.json: unknown key 'payday' (did you mean 'payDay'?)")]
    [InlineData("{ \"code\": \"P1\", \"code\": \"P2\" }", "project.json: duplicate key 'code'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"montly\": 2100 } }", "project.json: unknown key 'minimumWage.montly' (did you mean 'minimumWage.monthly'?)")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"daily\": 100 } }", "project.json: unknown key 'minimumWage.daily'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": 1, \"hourly\": 2 } }", "project.json: duplicate key 'minimumWage.hourly'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": 2100 }", "project.json: minimumWage: expected an object, found '2100'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"monthly\": 2100.123 } }", "project.json: minimumWage.monthly: invalid amount '2100.123'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"monthly\": \"2100.123\" } }", "project.json: minimumWage.monthly: invalid amount '2100.123'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": 2.1e1 } }", "project.json: minimumWage.hourly: invalid amount '2.1e1'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": -20.6 } }", "project.json: minimumWage.hourly: amount must not be negative, found '-20.6'")]
    [InlineData("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": true } }", "project.json: minimumWage.hourly: expected an amount (number or string), found true")]
    [InlineData("{ \"code\": \"P1\", \"amountTolerance\": \"1,00\" }", "project.json: amountTolerance: invalid amount '1,00'")]
    [InlineData("{ \"code\": \"P1\", \"amountTolerance\": \"-1\" }", "project.json: amountTolerance: amount must not be negative, found '-1'")]
    [InlineData("{ \"code\": \"P1\", \"monthlyCap\": 92233720368547758.08 }", "project.json: monthlyCap: invalid amount '92233720368547758.08'")]
    [InlineData("{ \"code\": \"P1\", \"yearlyCap\": [] }", "project.json: yearlyCap: expected an amount (number or string), found an array")]
    [InlineData("{ \"code\": \"P1\", \"payDay\": 0 }", "project.json: payDay: expected an integer from 1 to 31, found '0'")]
    [InlineData("{ \"code\": \"P1\", \"payDay\": 32 }", "project.json: payDay: expected an integer from 1 to 31, found '32'")]
    [InlineData("{ \"code\": \"P1\", \"payDay\": 15.5 }", "project.json: payDay: expected an integer from 1 to 31, found '15.5'")]
    [InlineData("{ \"code\": \"P1\", \"payDay\": \"15\" }", "project.json: payDay: expected an integer from 1 to 31, found the string '15'")]
    [InlineData("{ \"code\": \"P1\", \"payMonthOffset\": -1 }", "project.json: payMonthOffset: expected an integer from 0 to 12, found '-1'")]
    [InlineData("{ \"code\": \"P1\", \"payMonthOffset\": 13 }", "project.json: payMonthOffset: expected an integer from 0 to 12, found '13'")]
    [InlineData("{ \"code\": \"P1\", \"graceDays\": -1 }", "project.json: graceDays: expected an integer from 0 to 366, found '-1'")]
    [InlineData("{ \"code\": \"P1\", \"graceDays\": 99999999999 }", "project.json: graceDays: expected an integer from 0 to 366, found '99999999999'")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"2024-02-30\" }", "project.json: asOf: invalid date '2024-02-30'")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"2024-2-1\" }", "project.json: asOf: invalid date '2024-2-1'")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"0224-02-01\" }", "project.json: asOf: date '0224-02-01' is outside the years 1900–2199")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"0001-01-01\" }", "project.json: asOf: date '0001-01-01' is outside the years 1900–2199")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"18991231\" }", "project.json: asOf: date '18991231' is outside the years 1900–2199")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"2200/1/1\" }", "project.json: asOf: date '2200/1/1' is outside the years 1900–2199")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"9999-12-31\" }", "project.json: asOf: date '9999-12-31' is outside the years 1900–2199")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": \"0000-01-01\" }", "project.json: asOf: invalid date '0000-01-01'")]
    [InlineData("{ \"code\": \"P1\", \"asOf\": 20240201 }", "project.json: asOf: expected a string, found '20240201'")]
    [InlineData("{ \"code\": \"P1\", \"name\": 5 }", "project.json: name: expected a string, found '5'")]
    [InlineData("{ \"code\": \"P1\", \"account\": 41050100000000000001 }", "project.json: account: expected a string, found '41050100000000000001'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": {} }", "project.json: laborFunds: expected an array, found an object")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ 5 ] }", "project.json: laborFunds[0]: expected an object, found '5'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1, \"dueDate\": \"2024-01-25\", \"note\": \"x\" } ] }", "project.json: unknown key 'laborFunds[0].note'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1, \"duedate\": \"2024-01-25\" } ] }", "project.json: unknown key 'laborFunds[0].duedate' (did you mean 'laborFunds[0].dueDate'?)")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1, \"dueDate\": \"2024-01-25\" }, { \"period\": \"2024-02\", \"amount\": 1 } ] }", "project.json: laborFunds[1]: missing required key 'dueDate'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"amount\": 1, \"dueDate\": \"2024-01-25\" } ] }", "project.json: laborFunds[0]: missing required key 'period'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": null, \"dueDate\": \"2024-01-25\" } ] }", "project.json: laborFunds[0]: missing required key 'amount'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-13\", \"amount\": 1, \"dueDate\": \"2024-01-25\" } ] }", "project.json: laborFunds[0].period: invalid period '2024-13'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1.001, \"dueDate\": \"2024-01-25\" } ] }", "project.json: laborFunds[0].amount: invalid amount '1.001'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1, \"dueDate\": \"2024-01-32\" } ] }", "project.json: laborFunds[0].dueDate: invalid date '2024-01-32'")]
    [InlineData("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-01\", \"amount\": 1, \"dueDate\": \"1899-12-31\" } ] }", "project.json: laborFunds[0].dueDate: date '1899-12-31' is outside the years 1900–2199")]
    public void Read_BadDocument_ThrowsOneClearLine(string json, string expected)
    {
        var e = Assert.Throws<PayrollDataException>(() => Read(json));
        Assert.Equal(expected, e.Message);
        Assert.Equal("project.json", e.File);
        Assert.Equal(0, e.Line);
        Assert.DoesNotContain('\n', e.Message);
    }

    private const string BomMessage = "a byte order mark (U+FEFF) inside the file (only its first bytes may hold one; were two files joined?)";

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<byte[], string> OddBytes() => new()
    {
        { B("{\"code\":\"X\",\uFEFF\"account\":\"41050100000000000001\"}"), "project.json: invalid text at line 1: " + BomMessage },
        { B("\uFEFF{ \"code\": \"X\" }\n\uFEFF{ \"code\": \"Y\" }\n"), "project.json: invalid text at line 2: " + BomMessage },
        { B("\uFEFF\uFEFF{ \"code\": \"X\" }"), "project.json: invalid text at line 1: " + BomMessage },
        { B("{\n  \"code\": \"X\uFEFF\"\n}"), "project.json: invalid text at line 2: " + BomMessage },
        // Not UTF-8, so read as GB18030, where 0xFF never occurs and a lead byte needs a trail byte.
        { [.. B("{\"code\":\"X\""), 0xFF, .. B("}")], "project.json: invalid text at line 1: byte 0xFF is neither UTF-8 nor GB18030 (save the file as UTF-8)" },
        { [.. B("{\n\"code\":\"X"), 0xC3, .. B("\"}")], "project.json: invalid text at line 2: byte 0xC3 is neither UTF-8 nor GB18030 (save the file as UTF-8)" },
        // A surrogate written as UTF-8 bytes (CESU-8): ED A0 is a GB18030 character, 0x80 is not.
        { [.. B("{\"code\":\"X"), 0xED, 0xA0, 0x80, .. B("\"}")], "project.json: invalid text at line 1: byte 0x80 is neither UTF-8 nor GB18030 (save the file as UTF-8)" },
        // UTF-16 with its byte order mark.
        { [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"code\":\"X\"}")], "project.json: invalid text at line 1: byte 0xFF is neither UTF-8 nor GB18030 (save the file as UTF-8)" },
        // After a UTF-8 byte order mark the file is UTF-8: an overlong '/' and a GBK name are errors there.
        { [0xEF, 0xBB, 0xBF, .. B("{\"code\":\"X"), 0xC0, 0xAF, .. B("\"}")], "project.json: invalid text at line 1: byte 0xC0 is not UTF-8, though the file starts with a UTF-8 byte order mark (save the file as UTF-8)" },
        { [0xEF, 0xBB, 0xBF, .. B("{\n  \"code\": \"X\",\n  \"name\": \""), 0xB2, 0xE2, 0xCA, 0xD4, .. B("\"\n}")], "project.json: invalid text at line 3: byte 0xB2 is not UTF-8, though the file starts with a UTF-8 byte order mark (save the file as UTF-8)" },
        { B("{\"code\":\"\\ud800\"}"), "project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half" },
        { B("{\"code\":\"X\",\n\"name\":\"a\\uDC00\"}"), "project.json: invalid string at line 2: '\\uDC00' is half of a UTF-16 surrogate pair, with no other half" },
        { B("{\"\\ud800\":1,\"code\":\"X\"}"), "project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half" },
        { B("{\"code\":\"X\",\"name\":\"\\ud83d\\ud83d\"}"), "project.json: invalid string at line 1: '\\ud83d' is half of a UTF-16 surrogate pair, with no other half" },
        { B("{\"code\":\"X\",\"monthlyCap\":\"\\ud800\"}"), "project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half" },
        { B("{\"code\":\"X\",\"payDay\":\"1\\udfff\"}"), "project.json: invalid string at line 1: '\\udfff' is half of a UTF-16 surrogate pair, with no other half" },
    };

    [Fact]
    public void Read_Gb18030File_ReadsChineseNameAndContractor()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // As a Chinese Windows editor saves it: GB18030 (GBK) with no byte order mark, and one character outside GBK (𠀀, four bytes).
        byte[] json = Encoding.GetEncoding(54936).GetBytes("{\n  \"code\": \"LY-2023-0017\",\n  \"name\": \"洛阳市某安置房项目𠀀\",\n  \"contractor\": \"某建设集团有限公司\"\n}");
        Assert.False(System.Text.Unicode.Utf8.IsValid(json));
        Assert.Contains((byte)0xC2, json); // 洛 = C2 E5
        var settings = ProjectSettingsReader.Read(json);
        Assert.Equal("LY-2023-0017", settings.Code);
        Assert.Equal("洛阳市某安置房项目𠀀", settings.Name);
        Assert.Equal("某建设集团有限公司", settings.Contractor);
        Assert.Equal(settings, ProjectSettingsReader.Read(new MemoryStream(json)));
    }

    [Fact]
    public void Read_ValidUtf8_IsUtf8EvenWhenItCouldBeGb18030()
    {
        // 测 in UTF-8 (E6 B5 8B) is also a valid GB18030 byte sequence; valid UTF-8 wins, as for CSV files.
        var settings = ProjectSettingsReader.Read(B("{\"code\":\"X\",\"name\":\"测试\"}"));
        Assert.Equal("测试", settings.Name);
    }

    [Theory]
    [MemberData(nameof(OddBytes))]
    public void Read_OddBytes_ThrowsOneClearLine(byte[] json, string expected)
    {
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read(json));
        Assert.Equal(expected, e.Message);
        Assert.Equal("project.json", e.File);
        var fromStream = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read(new MemoryStream(json)));
        Assert.Equal(expected, fromStream.Message);
    }

    [Fact]
    public void Read_SurrogatePairAndEscapedBackslash_AreReadAsWritten()
    {
        ProjectSettings s = Read("{\"code\":\"X\",\"name\":\"\\ud83d\\ude00 \\\\ud800 \\\"\\u00e9\"}");
        Assert.Equal("\U0001F600 \\ud800 \"é", s.Name);
    }

    [Fact]
    public void Read_AnyOddByteInsertedOrReplaced_ReadsOrThrowsOneLineDataError()
    {
        // Whatever bytes land in a valid file, the reader answers with settings or one line naming the file, never
        // with another exception (System.Text.Json throws InvalidOperationException on some of them when a string is read).
        byte[] valid = B(SpecExample);
        byte[][] pieces = [[0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xED, 0xA0, 0x80], B("\\ud800"), B("\\udc00"), B("\""), B("\\"), [0], B("{"), B(","), B("\\u00"), [0xF4, 0x90, 0x80, 0x80]];
        Gen<byte[]> mutated =
            from at in Gen.Choose(0, valid.Length)
            from piece in Gen.Elements(pieces)
            from replace in Gen.Elements(0, 0, 1, 2)
            select (byte[])[.. valid.AsSpan(0, at), .. piece, .. valid.AsSpan(Math.Min(valid.Length, at + replace))];
        Prop.ForAll(Arb.From(mutated), json =>
        {
            try
            {
                ProjectSettingsReader.Read(json);
            }
            catch (PayrollDataException e)
            {
                Assert.StartsWith("project.json: ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
        }).Check(PayrollRecon.Tests.PropertyConfig.Quick(500));
    }

    [Fact]
    public void Read_OtherFileName_UsedInMessage()
    {
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read("{}"u8, "p7/project.json"));
        Assert.Equal("p7/project.json: missing required key 'code'", e.Message);
        Assert.Equal("p7/project.json", e.File);
    }

    [Fact]
    public void Read_DeeplyNested_ThrowsInvalidJson()
    {
        string json = "{ \"code\": \"P1\", \"minimumWage\": " + new string('[', 100) + new string(']', 100) + " }";
        var e = Assert.Throws<PayrollDataException>(() => Read(json));
        Assert.StartsWith("project.json: invalid JSON at line 1: ", e.Message);
    }

    /// <summary>Each message about project.json, in English and in Chinese (the default language of the command line).</summary>
    public static TheoryData<byte[], string, string> EveryMessageInBothLanguages() => new()
    {
        { B(""), "project.json: file is empty", "project.json: 文件是空的" },
        { B("{ \"code\": \"P1\", }}"), "project.json: invalid JSON at line 1: '}' is invalid after a single JSON value. Expected end of data.", "project.json: 第 1 行第 18 个字节处 JSON 格式有误" },
        { [.. B("{\n\"code\":\"X"), 0xC3, .. B("\"}")], "project.json: invalid text at line 2: byte 0xC3 is neither UTF-8 nor GB18030 (save the file as UTF-8)",
            "project.json: 第 2 行文本无效：字节 0xC3 既不是 UTF-8 也不是 GB18030（请把文件另存为 UTF-8）" },
        { B("\uFEFF{ \"code\": \"X\" }\n\uFEFF{ \"code\": \"Y\" }\n"), "project.json: invalid text at line 2: " + BomMessage,
            "project.json: 第 2 行文本无效：文件中间有字节顺序标记 U+FEFF（只有文件开头可以有；是两个文件拼在了一起吗？）" },
        { [0xEF, 0xBB, 0xBF, .. B("{\"code\":\"X"), 0xC0, 0xAF, .. B("\"}")], "project.json: invalid text at line 1: byte 0xC0 is not UTF-8, though the file starts with a UTF-8 byte order mark (save the file as UTF-8)",
            "project.json: 第 1 行文本无效：文件以 UTF-8 字节顺序标记开头，字节 0xC0 却不是 UTF-8（请把文件另存为 UTF-8）" },
        { B("{\"code\":\"\\ud800\"}"), "project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half",
            "project.json: 第 1 行字符串无效：'\\ud800' 是 UTF-16 代理对的一半，缺另一半" },
        { B("[]"), "project.json: expected a JSON object at the top level, found an array", "project.json: 最外层应为 JSON 对象，实为数组" },
        { B("\"P1\""), "project.json: expected a JSON object at the top level, found the string 'P1'", "project.json: 最外层应为 JSON 对象，实为字符串 'P1'" },
        { B("{}"), "project.json: missing required key 'code'", "project.json: 缺少必需的键 'code'" },
        { B("{ \"code\": \"  \" }"), "project.json: code: must not be empty", "project.json: code: 不能为空" },
        { B("{ \"code\": \"a/b\" }"), "project.json: code: 'a/b' cannot be used as a folder name (no '/', '\\', control characters, '.' or '..')",
            "project.json: code: 'a/b' 不能用作文件夹名（不能含 '/'、'\\' 或控制字符，也不能是 '.' 或 '..'）" },
        { B("{ \"code\": \"P1\", \"payday\": 15 }"), "project.json: unknown key 'payday' (did you mean 'payDay'?)", "project.json: 未知的键 'payday'（是否要写 'payDay'？）" },
        { B("{ \"code\": \"P1\", \"colour\": \"red\" }"), "project.json: unknown key 'colour'", "project.json: 未知的键 'colour'" },
        { B("{ \"code\": \"P1\", \"code\": \"P2\" }"), "project.json: duplicate key 'code'", "project.json: 键 'code' 重复" },
        { B("{ \"code\": \"P1\", \"minimumWage\": 2100 }"), "project.json: minimumWage: expected an object, found '2100'", "project.json: minimumWage: 应为对象，实为 '2100'" },
        { B("{ \"code\": \"P1\", \"minimumWage\": { \"monthly\": 2100.123 } }"), "project.json: minimumWage.monthly: invalid amount '2100.123'", "project.json: minimumWage.monthly: 金额无效 '2100.123'" },
        { B("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": -20.6 } }"), "project.json: minimumWage.hourly: amount must not be negative, found '-20.6'",
            "project.json: minimumWage.hourly: 金额不能为负，实为 '-20.6'" },
        { B("{ \"code\": \"P1\", \"minimumWage\": { \"hourly\": true } }"), "project.json: minimumWage.hourly: expected an amount (number or string), found true",
            "project.json: minimumWage.hourly: 应为金额（数字或字符串），实为布尔值 'true'" },
        { B("{ \"code\": \"P1\", \"yearlyCap\": false }"), "project.json: yearlyCap: expected an amount (number or string), found false",
            "project.json: yearlyCap: 应为金额（数字或字符串），实为布尔值 'false'" },
        { B("{ \"code\": \"P1\", \"payDay\": 32 }"), "project.json: payDay: expected an integer from 1 to 31, found '32'", "project.json: payDay: 应为 1 到 31 之间的整数，实为 '32'" },
        { B("{ \"code\": \"P1\", \"payDay\": \"15\" }"), "project.json: payDay: expected an integer from 1 to 31, found the string '15'", "project.json: payDay: 应为 1 到 31 之间的整数，实为字符串 '15'" },
        { B("{ \"code\": \"P1\", \"asOf\": \"2024-02-30\" }"), "project.json: asOf: invalid date '2024-02-30'", "project.json: asOf: 日期无效 '2024-02-30'" },
        { B("{ \"code\": \"P1\", \"name\": {} }"), "project.json: name: expected a string, found an object", "project.json: name: 应为字符串，实为对象" },
        { B("{ \"code\": \"P1\", \"laborFunds\": {} }"), "project.json: laborFunds: expected an array, found an object", "project.json: laborFunds: 应为数组，实为对象" },
        { B("{ \"code\": \"P1\", \"laborFunds\": [ null ] }"), "project.json: laborFunds[0]: expected an object, found null", "project.json: laborFunds[0]: 应为对象，实为空值 'null'" },
        { B("{ \"code\": \"P1\", \"laborFunds\": [ { \"amount\": 1, \"dueDate\": \"2024-01-25\" } ] }"), "project.json: laborFunds[0]: missing required key 'period'",
            "project.json: laborFunds[0]: 缺少必需的键 'period'" },
        { B("{ \"code\": \"P1\", \"laborFunds\": [ { \"period\": \"2024-13\", \"amount\": 1, \"dueDate\": \"2024-01-25\" } ] }"), "project.json: laborFunds[0].period: invalid period '2024-13'",
            "project.json: laborFunds[0].period: 月份无效 '2024-13'" },
    };

    [Theory]
    [MemberData(nameof(EveryMessageInBothLanguages))]
    public void Read_BadDocument_ToldInEnglishAndChinese(byte[] json, string english, string chinese)
    {
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read(json));
        Assert.Equal(english, e.Message);
        Assert.Equal(english, e.GetMessage(PayrollRecon.Reporting.ReportLanguage.En));
        Assert.Equal(chinese, e.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Fact]
    public void Read_StreamTooLarge_ToldInChinese()
    {
        var e = Assert.Throws<PayrollDataException>(() => ProjectSettingsReader.Read(new MemoryStream(new byte[ProjectSettingsReader.MaxBytes + 4])));
        Assert.Equal("project.json: 文件超过 4194304 字节", e.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }
}
