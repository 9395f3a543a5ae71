using System.Text;

using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

/// <summary>The one table of input kinds: the default file names of SPEC §2 and the reader each kind is read with.</summary>
public sealed class InputKindsTests
{
    [Theory]
    [InlineData(InputKind.Workers, "workers.csv", typeof(WorkersReader), "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate\n")]
    [InlineData(InputKind.Attendance, "attendance.csv", typeof(AttendanceReader), "id_number,time,direction\n")]
    [InlineData(InputKind.Payroll, "payroll.csv", typeof(PayrollReader), "id_number,period,gross,deductions,net\n")]
    [InlineData(InputKind.Bank, "bank.csv", typeof(BankReader), "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n")]
    [InlineData(InputKind.Batches, "batches.csv", typeof(BatchesReader), "batch_id,name,bank_account,amount,status\n")]
    [InlineData(InputKind.Calendar, "calendar.csv", typeof(CalendarReader), "date,kind\n")]
    [InlineData(InputKind.Rulings, "rulings.csv", typeof(RulingsReader), "finding_id,ruling,reason,reviewer,date\n")]
    public void InputKinds_EveryKind_DefaultNameAndTypedReader(InputKind kind, string fileName, Type readerType, string header)
    {
        Assert.Equal(fileName, InputKinds.DefaultFileName(kind));
        using var reader = InputKinds.CreateReader(kind, new MemoryStream(Encoding.UTF8.GetBytes(header)), fileName, new InputReaderOptions());
        Assert.IsType(readerType, reader);
        Assert.Equal(fileName, reader.FileName);
    }

    [Fact]
    public void InputKinds_EveryDefinedKind_IsInTheTable()
    {
        var names = Enum.GetValues<InputKind>().Select(InputKinds.DefaultFileName).ToArray();
        Assert.Equal(["workers.csv", "attendance.csv", "payroll.csv", "bank.csv", "batches.csv", "calendar.csv", "rulings.csv"], names);
    }

    [Fact]
    public void DefaultFileName_UndefinedKind_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => InputKinds.DefaultFileName((InputKind)99));
        Assert.Equal("kind", e.ParamName);
        Assert.StartsWith("no such input kind", e.Message, StringComparison.Ordinal);
    }
}
