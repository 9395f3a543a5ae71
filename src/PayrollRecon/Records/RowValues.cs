using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Records;

/// <summary>Rows built from ordinary .NET values — strings, <see cref="Money"/> (<see cref="Money.FromYuan(decimal)"/> or
/// fen), <see cref="DateOnly"/>, <see cref="DateTime"/> — for a host that feeds the <see cref="Reconciliation.Reconciler"/>
/// from a database instead of files.</summary>
/// <remarks>
/// <para>Each method returns the row the file's reader would have produced for the same values: text is trimmed and
/// held as UTF-8 (null or blank text is empty), so the findings are those of the same project read from CSV. The row
/// owns its bytes; nothing is kept after the <c>Add…</c> call.</para>
/// <para><c>line</c> is the row's number in its source; evidence cites it as <c>source:line</c>, the source
/// being the name given in the reconciler's options (<see cref="Reconciliation.ReconcilerOptions.BankFile"/>, … e.g.
/// <c>db:payroll</c>). Feed the rows in the order <see cref="PayrollChecker"/> reads files (the reconciler refuses
/// any other): calendar, workers, attendance, payroll, batches, then the bank statement oldest line first, then
/// rulings; set <see cref="Reconciliation.ReconcilerOptions.AttendanceSupplied"/> and
/// <see cref="Reconciliation.ReconcilerOptions.BatchesSupplied"/> when those sources exist, even empty.</para>
/// </remarks>
public static class RowValues
{
    /// <summary>A roster row (<c>workers.csv</c>).</summary>
    /// <param name="line">The row's number in its source.</param>
    /// <param name="workerId">工号 (may be null).</param>
    /// <param name="name">姓名.</param>
    /// <param name="idNumber">身份证号.</param>
    /// <param name="bankAccount">工资卡号 (may be null).</param>
    /// <param name="employer">用工单位 (may be null).</param>
    /// <param name="wageType">计薪方式.</param>
    /// <param name="wageRate">工资标准 per day, month or hour; null only for piece rate.</param>
    /// <param name="entryDate">进场日期.</param>
    /// <param name="exitDate">退场日期.</param>
    /// <param name="team">班组.</param>
    /// <param name="trade">工种.</param>
    public static WorkerRow Worker(
        long line, string? workerId, string name, string idNumber, string? bankAccount, string? employer, WageType wageType, Money? wageRate,
        DateOnly? entryDate = null, DateOnly? exitDate = null, string? team = null, string? trade = null) => new()
    {
        Line = line,
        WorkerId = Utf8(workerId),
        Name = Utf8(name),
        IdNumber = Utf8(idNumber),
        BankAccount = Utf8(bankAccount),
        Employer = Utf8(employer),
        Team = Utf8(team),
        Trade = Utf8(trade),
        WageType = wageType,
        WageRateFen = wageRate?.Fen,
        EntryDate = entryDate,
        ExitDate = exitDate,
    };

    /// <summary>An attendance punch (<c>attendance.csv</c>): the worker's ID number and the local time, to the second.</summary>
    public static AttendanceRow Punch(long line, string idNumber, DateTime time, PunchDirection direction = PunchDirection.Unknown) => new()
    {
        Line = line,
        IdNumber = Utf8(idNumber),
        Time = time,
        Direction = direction,
    };

    /// <summary>A payroll row (<c>payroll.csv</c>).</summary>
    /// <param name="line">The row's number in its source.</param>
    /// <param name="idNumber">身份证号.</param>
    /// <param name="period">工资月份.</param>
    /// <param name="gross">应发.</param>
    /// <param name="deductions">扣款.</param>
    /// <param name="net">实发.</param>
    /// <param name="days">出勤天数 when stated, to 0.01 day (21.5 for a half day).</param>
    /// <param name="hours">出勤工时 when stated, to 0.01 h.</param>
    /// <exception cref="ArgumentException">When <paramref name="days"/> or <paramref name="hours"/> has more than two decimals.</exception>
    public static PayrollRow Payroll(long line, string idNumber, YearMonth period, Money gross, Money deductions, Money net, decimal? days = null, decimal? hours = null) => new()
    {
        Line = line,
        IdNumber = Utf8(idNumber),
        Period = period,
        Days = days is { } whole && whole == decimal.Truncate(whole) && whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null,
        DaysCentis = days is { } d ? Hundredths(d, nameof(days)) : null,
        HoursCentis = hours is { } h ? Hundredths(h, nameof(hours)) : null,
        Gross = gross,
        Deductions = deductions,
        Net = net,
    };

    /// <summary>A line of the dedicated account's statement (<c>bank.csv</c>).</summary>
    /// <param name="line">The line's number in its source.</param>
    /// <param name="txnId">流水号 (may be null).</param>
    /// <param name="date">The booking date.</param>
    /// <param name="timeOfDay">The time of day, when the source has one.</param>
    /// <param name="direction">Debit (money out) or credit (money in).</param>
    /// <param name="amount">The amount, positive.</param>
    /// <param name="balance">余额 after the line, when the source has it.</param>
    /// <param name="counterpartyName">对方户名.</param>
    /// <param name="counterpartyAccount">对方账号.</param>
    /// <param name="memo">摘要 / 用途.</param>
    /// <param name="batchId">批次号 of a batch-payroll lump.</param>
    /// <param name="status">交易状态; a line that did not succeed is kept out of everything (R39).</param>
    public static BankRow BankLine(
        long line, string? txnId, DateOnly date, TimeOnly? timeOfDay, BankDirection direction, Money amount, Money? balance,
        string? counterpartyName, string? counterpartyAccount, string? memo, string? batchId = null, BankLineStatus status = BankLineStatus.Succeeded) => new()
    {
        Line = line,
        TxnId = Utf8(txnId),
        Date = date,
        TimeOfDay = timeOfDay,
        Direction = direction,
        Amount = amount,
        Balance = balance,
        CounterpartyName = Utf8(counterpartyName),
        CounterpartyAccount = Utf8(counterpartyAccount),
        Memo = Utf8(memo),
        BatchId = Utf8(batchId),
        Status = status,
    };

    /// <summary>A batch-payroll detail line (<c>batches.csv</c>).</summary>
    public static BatchRow BatchLine(long line, string batchId, string? name, string? bankAccount, Money amount, BatchStatus status = BatchStatus.Success, string? memo = null) => new()
    {
        Line = line,
        BatchId = Utf8(batchId),
        Name = Utf8(name),
        BankAccount = Utf8(bankAccount),
        Amount = amount,
        Status = status,
        Memo = Utf8(memo),
    };

    /// <summary>A holiday or swapped working day (<c>calendar.csv</c>).</summary>
    public static CalendarRow Calendar(long line, DateOnly date, CalendarKind kind) => new() { Line = line, Date = date, Kind = kind };

    /// <summary>A reviewer's ruling on a finding id (<c>rulings.csv</c>, SPEC §7); the id is lower-cased.</summary>
    public static RulingRow Ruling(long line, string findingId, RulingKind kind, string? reason, string? reviewer, DateOnly date) => new()
    {
        Line = line,
        FindingId = Utf8(findingId?.ToLowerInvariant()),
        Kind = kind,
        Reason = Utf8(reason),
        Reviewer = Utf8(reviewer),
        Date = date,
    };

    private static byte[] Utf8(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Encoding.UTF8.GetBytes(text.Trim());

    private static long Hundredths(decimal value, string name)
    {
        decimal scaled = value * 100;
        if (scaled != decimal.Truncate(scaled)) throw new ArgumentException($"{name} has more than two decimals: {value}", name);
        return checked((long)scaled);
    }
}
