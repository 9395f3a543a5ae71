using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Tests.Checker;

/// <summary>Settings a host builds in code are held to the ranges of project.json: a clear ArgumentException naming the option, never an overflow or a null reference deep inside.</summary>
public sealed class SettingsValidationTests
{
    private static CheckInputs Inputs(ProjectSettings settings) => new()
    {
        Settings = settings,
        Workers = InputSource.FromBytes("workers.csv", "name,id_number,wage_type,wage_rate\n张三,110105199003070017,daily,300\n"u8.ToArray()),
        Bank = InputSource.FromBytes("bank.csv", "time,direction,amount\n2024-01-05 10:00,C,1.00\n"u8.ToArray()),
    };

    private static readonly ProjectSettings Valid = new() { Code = "P-1", AsOf = new DateOnly(2024, 4, 1) };

    public static TheoryData<string, string> BadSettings() => new()
    {
        { "payDay0", "ProjectSettings.PayDay must be from 1 to 31, was 0" },
        { "payDay32", "ProjectSettings.PayDay must be from 1 to 31, was 32" },
        { "payDayNegative", "ProjectSettings.PayDay must be from 1 to 31, was -1" },
        { "offsetMax", "ProjectSettings.PayMonthOffset must be from 0 to 12, was 2147483647" },
        { "graceMax", "ProjectSettings.GraceDays must be from 0 to 366, was 2147483647" },
        { "toleranceNegative", "ProjectSettings.AmountTolerance must not be negative, was -0.01" },
        { "laborFundsNull", "ProjectSettings.LaborFunds must not be null (use an empty list)" },
        { "codeEmpty", "ProjectSettings.Code must not be empty" },
        { "asOfYear1", "ProjectSettings.AsOf must be a date of the years 1900 to 2199, was 0001-01-01" },
        { "fundPeriodYear1", "ProjectSettings.LaborFunds[0].Period must be a month of the years 1900 to 2199, was 0001-01" },
        { "fundPeriodDefault", "ProjectSettings.LaborFunds[0].Period must be a month of the years 1900 to 2199, was 0000-00" },
        { "fundDueDate2200", "ProjectSettings.LaborFunds[0].DueDate must be a date of the years 1900 to 2199, was 2200-01-05" },
    };

    private static ProjectSettings Bad(string which) => which switch
    {
        "payDay0" => Valid with { PayDay = 0 },
        "payDay32" => Valid with { PayDay = 32 },
        "payDayNegative" => Valid with { PayDay = -1 },
        "offsetMax" => Valid with { PayMonthOffset = int.MaxValue },
        "graceMax" => Valid with { GraceDays = int.MaxValue },
        "toleranceNegative" => Valid with { AmountTolerance = new Money(-1) },
        "laborFundsNull" => Valid with { LaborFunds = null! },
        "codeEmpty" => Valid with { Code = " " },
        "asOfYear1" => Valid with { AsOf = DateOnly.MinValue },
        "fundPeriodYear1" => Valid with { LaborFunds = [new LaborFundItem(new YearMonth(1, 1), new Money(100), new DateOnly(2024, 1, 5))] },
        "fundPeriodDefault" => Valid with { LaborFunds = [new LaborFundItem(default, new Money(100), new DateOnly(2024, 1, 5))] },
        "fundDueDate2200" => Valid with { LaborFunds = [new LaborFundItem(new YearMonth(2024, 1), new Money(100), new DateOnly(2200, 1, 5))] },
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task CheckAsync_SettingOutOfRange_ThrowsArgumentExceptionNamingIt(string which, string message)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => PayrollChecker.CheckAsync(Inputs(Bad(which))));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);   // the value is said once, in the one line
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public async Task CheckAsync_MaxRecordBytesOutOfRange_ThrowsArgumentOutOfRange(int max)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PayrollChecker.CheckAsync(Inputs(Valid), new CheckOptions { MaxRecordBytes = max }));
        Assert.Equal("CheckOptions.MaxRecordBytes", error.ParamName);
    }

    [Theory]
    [InlineData("bank.csv")]
    [InlineData("attendance.csv")]
    public async Task CheckAsync_SourceOpenReturnsNull_ThrowsArgumentExceptionNamingTheInput(string name)
    {
        var nothing = new InputSource(name, () => null!);
        var inputs = name == "bank.csv" ? Inputs(Valid) with { Bank = nothing } : Inputs(Valid) with { Attendance = nothing };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PayrollChecker.CheckAsync(inputs));
        Assert.Equal($"{name}: InputSource.Open returned null instead of a readable stream (Parameter 'source')", error.Message);
    }

    [Fact]
    public async Task CheckAsync_ValidSettings_Checks()
    {
        var result = await PayrollChecker.CheckAsync(Inputs(Valid));
        Assert.NotNull(result.Summary);
    }
}
