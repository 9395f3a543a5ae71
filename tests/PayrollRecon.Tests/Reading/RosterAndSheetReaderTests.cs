using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.TypedReaderSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class RosterAndSheetReaderTests
{
    private const string WorkersHeader = "工号,姓名,身份证号,工资卡号,用工单位,班组,工种,计薪方式,工资标准,进场日期,退场日期";

    [Theory]
    [InlineData(WorkersHeader, "W1,张三,11010119900307663X,6222000011112222,某劳务公司,一班,木工,日薪,350.00,2024-01-02,2024/6/30",
        "2|W1|张三|11010119900307663X|6222000011112222|某劳务公司|一班|木工|Daily|35000|2024-01-02|2024-06-30")]
    [InlineData("worker_id,name,id_number,bank_account,employer,team,trade,wage_type,wage_rate,entry_date,exit_date",
        "W2,李四,110101199003076631,,,,,monthly,\"6,000\",,", "2|W2|李四|110101199003076631|||||Monthly|600000||")]
    [InlineData("人员编号,姓名,身份证号码,银行卡号,所属单位,计薪方式,单价", "W3,王五,X1,1,A,时薪,25.5",
        "2|W3|王五|X1|1|A|||Hourly|2550||")]
    [InlineData("姓名,证件号码,银行账号,分包单位,计薪方式,工资标准(元)", "赵六,X2,2,B,计件,", "2||赵六|X2|2|B|||Piece|||")]
    [InlineData("姓名,证件号码,计薪方式,工资标准（元）,进场日期", "赵六,X2,piece,12,2024年1月2日", "2||赵六|X2|||||Piece|1200|2024-01-02|")]
    // A tenure's dates may be of any year (§2.1 sets no range): 9999-12-31 is what many exports write for "no exit".
    [InlineData(WorkersHeader, "W1,张三,X,1,A,B,C,日薪,350,1899-12-31,9999-12-31", "2|W1|张三|X|1|A|B|C|Daily|35000|1899-12-31|9999-12-31")]
    public void Workers_Aliases_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Workers, header, row));
    }

    [Theory]
    [InlineData("W1,,X,1,A,B,C,日薪,350,,", "workers.csv:2: column name: missing value")]
    [InlineData("W1,张三,,1,A,B,C,日薪,350,,", "workers.csv:2: column id_number: missing value")]
    [InlineData("W1,张三,X,1,A,B,C,,350,,", "workers.csv:2: column wage_type: missing value")]
    [InlineData("W1,张三,X,1,A,B,C,周薪,350,,", "workers.csv:2: column wage_type: unknown wage type '周薪'")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,,,", "workers.csv:2: column wage_rate: missing value")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,3.505,,", "workers.csv:2: column wage_rate: invalid amount '3.505'")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,-3,,", "workers.csv:2: column wage_rate: negative amount '-3'")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,350,2024-1-2,", "workers.csv:2: column entry_date: invalid date '2024-1-2'")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,350,,2024-02-30", "workers.csv:2: column exit_date: invalid date '2024-02-30'")]
    [InlineData("W1,张三,X,1,A,B,C,日薪,350,,,x", "workers.csv:2: expected 11 fields, found 12")]
    public void Workers_BadRow_IsDiagnosticWithExactMessage(string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Workers, WorkersHeader, row));
    }

    [Theory]
    [InlineData("身份证号,考勤时间,方向,设备编号", "X1,2024-01-05 07:58:00,进,D1", "2|X1|2024-01-05 07:58:00|In")]
    [InlineData("身份证号码,打卡时间,进出", "X1,2024/1/5 17:02,out", "2|X1|2024-01-05 17:02:00|Out")]
    [InlineData("id_number,time,direction", "x1,20240105T07:00:05,", "2|x1|2024-01-05 07:00:05|Unknown")]
    [InlineData("证件号码,time", "X1,2024年1月5日 7:00", "2|X1|2024-01-05 07:00:00|Unknown")]
    // R6 lists the unknown values that are a DATA_ERROR ("wage_type, bank direction, batch status or calendar kind") and
    // R13 says a punch's "direction is ignored": a direction of no listed spelling is read, as unknown.
    [InlineData("身份证号,考勤时间,方向", "X1,2024-01-05 07:58,左", "2|X1|2024-01-05 07:58:00|Unknown")]
    [InlineData("身份证号,考勤时间,方向", "X1,2024-01-05 07:58,上班", "2|X1|2024-01-05 07:58:00|Unknown")]
    public void Attendance_Aliases_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Attendance, header, row));
    }

    [Theory]
    [InlineData(",2024-01-05 07:58,进", "attendance.csv:2: column id_number: missing value")]
    [InlineData("X1,,进", "attendance.csv:2: column time: missing value")]
    [InlineData("X1,2024-01-05,进", "attendance.csv:2: column time: invalid date-time '2024-01-05'")]
    [InlineData("X1,07:58,进", "attendance.csv:2: column time: invalid date-time '07:58'")]
    public void Attendance_BadRow_IsDiagnosticWithExactMessage(string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Attendance, "身份证号,考勤时间,方向", row));
    }

    [Theory]
    [InlineData("身份证号,工资月份,出勤天数,出勤工时,应发工资,扣款,实发工资", "X1,2024-01,22,176.5,\"7,000.00\",100,6900",
        "2|X1|2024-01|22|17650|7000.00|100.00|6900.00")]
    [InlineData("id_number,period,days,hours,gross,deductions,net", "X1,202401,,,7000,,7000", "2|X1|2024-01|||7000.00|0.00|7000.00")]
    [InlineData("证件号码,所属期,工时,应发金额,代扣,实发金额", "X1,2024年1月,8,1,,1", "2|X1|2024-01||800|1.00|0.00|1.00")]
    public void Payroll_Aliases_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Payroll, header, row));
    }

    [Theory]
    [InlineData("21.5", null, 2150L)]
    [InlineData("21.25", null, 2125L)]
    [InlineData("21.0", 21, 2100L)]
    [InlineData("22", 22, 2200L)]
    public void Payroll_DaysWithDecimals_ReadInHundredths(string days, int? whole, long centis)
    {
        // The spec gives 出勤天数 no format, and half days are common: a number of days to two decimals is read.
        using var reader = PayrollReader.Create(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"身份证号,工资月份,出勤天数,应发工资,实发工资\nX1,2024-01,{days},7000,7000\n")),
            "payroll.csv", new InputReaderOptions());
        Assert.True(reader.Read(out Records.PayrollRow row));
        Assert.Equal(whole, row.Days);
        Assert.Equal(centis, row.DaysCentis);
        Assert.Empty(reader.Diagnostics);
    }

    [Theory]
    [InlineData(",2024-01,22,7000,0,7000", "payroll.csv:2: column id_number: missing value")]
    [InlineData("X1,,22,7000,0,7000", "payroll.csv:2: column period: missing value")]
    [InlineData("X1,2024-13,22,7000,0,7000", "payroll.csv:2: column period: invalid period '2024-13'")]
    [InlineData("X1,2024-01,22天,7000,0,7000", "payroll.csv:2: column days: invalid number '22天'")]
    [InlineData("X1,2024-01,-1,7000,0,7000", "payroll.csv:2: column days: invalid number '-1'")]
    [InlineData("X1,2024-01,22.125,7000,0,7000", "payroll.csv:2: column days: invalid number '22.125'")]
    [InlineData("X1,2024-01,22,,0,7000", "payroll.csv:2: column gross: missing value")]
    [InlineData("X1,2024-01,22,7000,1.,7000", "payroll.csv:2: column deductions: invalid amount '1.'")]
    [InlineData("X1,2024-01,22,7000,0,", "payroll.csv:2: column net: missing value")]
    [InlineData("X1,2024-01,22,7000,0,.5", "payroll.csv:2: column net: invalid amount '.5'")]
    public void Payroll_BadRow_IsDiagnosticWithExactMessage(string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Payroll, "身份证号,工资月份,出勤天数,应发工资,扣款,实发工资", row));
    }

    [Fact]
    public void Payroll_BadHours_IsDiagnostic()
    {
        Assert.Equal("payroll.csv:2: column hours: invalid number '8.125'",
            SingleError(InputKind.Payroll, "身份证号,工资月份,工时,应发工资,实发工资", "X1,2024-01,8.125,1,1"));
    }

    [Theory]
    [InlineData("批次号,收款账号,户名,金额,状态,摘要", "B1,6222000011112222,张三,350.00,成功,工资", "2|B1|6222000011112222|张三|350.00|Success|工资")]
    [InlineData("batch_id,bank_account,name,amount,status,memo", "B1,1,李四,1,failed,", "2|B1|1|李四|1.00|Failed|")]
    [InlineData("批次号,工资卡号,姓名,交易金额,用途", "B1,1,王五,0,x", "2|B1|1|王五|0.00|Success|x")]
    [InlineData("批次号,交易金额,状态,附言", "B1,2,,y", "2|B1|||2.00|Success|y")]
    public void Batches_Aliases_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Batches, header, row));
    }

    [Theory]
    [InlineData(",1,张三,350,成功", "batches.csv:2: column batch_id: missing value")]
    [InlineData("B1,1,张三,,成功", "batches.csv:2: column amount: missing value")]
    [InlineData("B1,1,张三,3五,成功", "batches.csv:2: column amount: invalid amount '3五'")]
    [InlineData("B1,1,张三,-350,成功", "batches.csv:2: column amount: negative amount '-350'")]
    [InlineData("B1,1,张三,350,处理中", "batches.csv:2: column status: unknown status '处理中'")]
    public void Batches_BadRow_IsDiagnosticWithExactMessage(string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Batches, "批次号,收款账号,户名,金额,状态", row));
    }

    [Theory]
    [InlineData("日期,类型", "2024-10-01,holiday", "2|2024-10-01|Holiday")]
    [InlineData("date,kind", "2024/9/29,workday", "2|2024-09-29|Workday")]
    [InlineData("DATE , KIND", "20241007,Holiday", "2|2024-10-07|Holiday")]
    public void Calendar_Aliases_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Calendar, header, row));
    }

    [Theory]
    [InlineData(",holiday", "calendar.csv:2: column date: missing value")]
    [InlineData("2024-10-32,holiday", "calendar.csv:2: column date: invalid date '2024-10-32'")]
    [InlineData("2024-10-01,", "calendar.csv:2: column kind: missing value")]
    [InlineData("2024-10-01,festival", "calendar.csv:2: column kind: unknown kind 'festival'")]
    public void Calendar_BadRow_IsDiagnosticWithExactMessage(string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Calendar, "日期,类型", row));
    }

    [Theory]
    [InlineData(InputKind.Workers, "工号,身份证号,计薪方式,工资标准", "workers.csv: missing required column '姓名 / name' (found on line 1: 工号, 身份证号, 计薪方式, 工资标准)")]
    [InlineData(InputKind.Workers, "姓名,身份证号,计薪方式", "workers.csv: missing required column '工资标准 / wage_rate' (found on line 1: 姓名, 身份证号, 计薪方式)")]
    [InlineData(InputKind.Attendance, "身份证号,方向", "attendance.csv: missing required column '考勤时间 / time' (found on line 1: 身份证号, 方向)")]
    [InlineData(InputKind.Payroll, "身份证号,工资月份,应发工资", "payroll.csv: missing required column '实发工资 / net' (found on line 1: 身份证号, 工资月份, 应发工资)")]
    [InlineData(InputKind.Batches, "收款账号,户名,金额", "batches.csv: missing required column '批次号 / batch_id' (found on line 1: 收款账号, 户名, 金额)")]
    [InlineData(InputKind.Calendar, "日期", "calendar.csv: missing required column '类型 / kind' (found on line 1: 日期)")]
    public void Read_MissingRequiredColumn_ThrowsFileLevelError(InputKind kind, string header, string expected)
    {
        var error = Assert.Throws<PayrollDataException>(() => Read(kind, header + "\n"));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Read_HeaderNames_MatchCaseInsensitivelyIgnoringWhiteSpaceAndYuanSuffix()
    {
        Assert.Equal("2|X1|2024-01|||1.00|0.00|1.00",
            SingleRow(InputKind.Payroll, "ID_Number, Per iod ,GROSS(元),\u3000实发 工资（元）", "X1,2024-01,1,1"));
    }
}
