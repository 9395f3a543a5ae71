using PayrollRecon.Findings;

namespace PayrollRecon.Reporting;

/// <summary>The message templates (see <see cref="FindingMessages"/> for the placeholders).</summary>
public sealed partial class FindingMessages
{
    private static string Chinese(Finding f) => f.Code switch
    {
        FindingCode.Unpaid => "{who} {P}工资 {Amt} 元未支付，应发日 {Due}，已逾期 {Days} 天。",
        FindingCode.Shortfall when f.EventDate is not null =>
            "{who} {P}工资应发 {Exp} 元，仅付 {Act} 元，尚欠 {Amt} 元，应发日 {Due}，已逾期 {Days} 天，最近一次支付于 {Ev}。",
        FindingCode.Shortfall => "{who} {P}工资应发 {Exp} 元，仅付 {Act} 元，尚欠 {Amt} 元，应发日 {Due}，已逾期 {Days} 天。",
        FindingCode.Late => "{who} {P}工资 {Exp} 元未按时足额发放：应发日 {Due} 前仅付 {Act} 元，{Ev} 才付清，迟发 {Days} 天。",
        FindingCode.Overpaid => "{who} {Ev} 收到的工资多付 {Amt} 元，没有可冲抵的应付工资。",
        FindingCode.NameMismatch => "{Ev} 向{who}登记的工资卡支付 {Amt} 元，但对方户名为“{Name}”。",
        FindingCode.AccountMismatch => "{Ev} 向“{Name}”支付 {Amt} 元（{who}），收款账号不是其登记的工资卡。",
        FindingCode.UnknownPayee => "{Ev} 从专户向不在花名册上的“{Name}”支出 {Amt} 元。",
        FindingCode.NonWageDebit when HasDetail(f) => "{Ev} 从专户向“{Name}”支出 {Amt} 元，属非工资支出。",
        FindingCode.NonWageDebit => "{Ev} 从专户支出 {Amt} 元，无收款方，属非工资支出。",
        FindingCode.BatchTotalMismatch => "{Ev} 代发批次 {Detail} 扣款 {Exp} 元，与代发明细合计 {Act} 元不符。",
        FindingCode.BatchDetailMissing => "{Ev} 代发批次 {Detail} 扣款 {Amt} 元，但没有该批次的代发明细。",
        FindingCode.UnmatchedRefund when HasDetail(f) => "{Ev} 收到“{Name}”退回的 {Amt} 元，找不到对应的工资支付。",
        FindingCode.UnmatchedRefund => "{Ev} 收到退款 {Amt} 元，找不到对应的工资支付。",
        FindingCode.DuplicatePayment => "{who} {P}工资重复支付：{Ev} 再次支付 {Amt} 元。",
        FindingCode.ExcessivePayment when f.Period is null => "{who} {Detail}年共收到 {Act} 元，超过每年上限 {Exp} 元。",
        FindingCode.ExcessivePayment => "{who} {P}共收到 {Act} 元，超过每月上限 {Exp} 元。",
        FindingCode.BalanceBreak => "{Ev} 余额不连续：按上一笔余额推算应为 {Exp} 元，流水记载为 {Act} 元。",
        FindingCode.DuplicateTxn => "{Ev} 流水号 {Txn} 重复（首次见于 {Detail}），该笔未参与对账。",
        FindingCode.PaidWithoutAttendance => "{who} {P}没有考勤记录，却收到该月工资 {Act} 元。",
        FindingCode.DaysMismatch => "{who} {P}工资表记载出勤 {Detail} 天，考勤记录为 {Days} 天。",
        FindingCode.MissingPayroll => "{who}为计件工人，{P}考勤 {Days} 天，但工资表没有该月记录，无法确定应发工资。",
        FindingCode.PayrollArithmetic => "{who} {P}工资表应发减扣款为 {Exp} 元，实发却为 {Act} 元。",
        FindingCode.BelowMinimumWage when f.Period is null => "{who}的小时工资标准 {Act} 元，低于小时最低工资 {Exp} 元。",
        FindingCode.BelowMinimumWage => "{who} {P}出勤 {Days} 天，工资 {Act} 元，低于按最低工资标准折算的 {Exp} 元。",
        FindingCode.HeadcountMismatch => "{P}有考勤的 {HcB} 人中有 {HcA} 人未获任何工资支付。",
        FindingCode.UnregisteredWorker => "身份证号 {Id} 的人员未实名登记，{P}却有 {Days} 天考勤。",
        FindingCode.AttendanceOutsideTenure => "{who} {Ev} 的打卡在进场日期之前或退场日期之后（{P}）。",
        FindingCode.InvalidIdNumber => "{who}的身份证号 {Id} 无效（校验码或出生日期不正确）。",
        FindingCode.UnderageWorker => "{who}出生于 {Detail}，{Ev} 进场时未满 16 周岁。",
        FindingCode.DuplicateWorker => "{who}的身份证号重复登记（首次登记见 {Detail}），该行已忽略。",
        FindingCode.SharedBankAccount => "{who}登记的工资卡与“{Name}”相同，疑似工资卡由他人持有。",
        FindingCode.InvalidBankAccount => "{who}登记的工资卡号为空或格式无效。",
        FindingCode.LaborFundsLate when f.EventDate is not null =>
            "{P}人工费用应于 {Due} 前累计拨付 {Exp} 元，到期时仅到账 {Act} 元，{Ev} 才补足。",
        FindingCode.LaborFundsLate => "{P}人工费用应于 {Due} 前累计拨付 {Exp} 元，到期时仅到账 {Act} 元。",
        FindingCode.LaborFundsShort => "{P}人工费用应于 {Due} 前累计拨付 {Exp} 元，截至 {AsOf} 仅到账 {Act} 元，尚差 {Amt} 元。",
        FindingCode.DataError => "{Src} 无法读取，已跳过：{Name}。",
        FindingCode.StaleRuling => "{Src} 对问题 {Name} 的认定在本次检查中找不到对应的问题，请复核该认定。",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f.Code, "unknown finding code"),
    };

    private static string English(Finding f) => f.Code switch
    {
        FindingCode.Unpaid => "{who}: wages of {Amt} yuan for {P} unpaid; due {Due}, {Days} days overdue.",
        FindingCode.Shortfall when f.EventDate is not null =>
            "{who}: {Act} of {Exp} yuan paid for {P}, {Amt} yuan outstanding; due {Due}, {Days} days overdue; last payment {Ev}.",
        FindingCode.Shortfall => "{who}: {Act} of {Exp} yuan paid for {P}, {Amt} yuan outstanding; due {Due}, {Days} days overdue.",
        FindingCode.Late => "{who}: wages of {Exp} yuan for {P} paid late: only {Act} yuan by the due date {Due}, completed on {Ev}, {Days} days late.",
        FindingCode.Overpaid => "{who}: the payment of {Ev} exceeds what was owed by {Amt} yuan.",
        FindingCode.NameMismatch => "{who}: {Amt} yuan paid on {Ev} to the registered card, but the payee name is \"{Name}\".",
        FindingCode.AccountMismatch => "{who}: {Amt} yuan paid on {Ev} to \"{Name}\" on a card that is not the registered wage card.",
        FindingCode.UnknownPayee => "{Amt} yuan paid out on {Ev} to \"{Name}\", who is not on the roster.",
        FindingCode.NonWageDebit when HasDetail(f) => "{Amt} yuan paid out on {Ev} to \"{Name}\": not a wage payment.",
        FindingCode.NonWageDebit => "{Amt} yuan paid out on {Ev} with no payee: not a wage payment.",
        FindingCode.BatchTotalMismatch => "Batch {Detail} debited {Exp} yuan on {Ev}, but its detail lines add up to {Act} yuan.",
        FindingCode.BatchDetailMissing => "Batch {Detail} debited {Amt} yuan on {Ev}, but its detail lines are missing.",
        FindingCode.UnmatchedRefund when HasDetail(f) => "Refund of {Amt} yuan from \"{Name}\" on {Ev} matches no earlier wage payment.",
        FindingCode.UnmatchedRefund => "Refund of {Amt} yuan on {Ev} matches no earlier wage payment.",
        FindingCode.DuplicatePayment => "{who}: wages for {P} paid again on {Ev} ({Amt} yuan).",
        FindingCode.ExcessivePayment when f.Period is null => "{who}: {Act} yuan received in {Detail}, above the yearly cap of {Exp} yuan.",
        FindingCode.ExcessivePayment => "{who}: {Act} yuan received in {P}, above the monthly cap of {Exp} yuan.",
        FindingCode.BalanceBreak => "Balance break on {Ev}: the previous balance gives {Exp} yuan, the statement shows {Act} yuan.",
        FindingCode.DuplicateTxn => "Transaction {Txn} on {Ev} repeats {Detail} and was left out.",
        FindingCode.PaidWithoutAttendance => "{who}: {Act} yuan paid for {P}, a month without attendance.",
        FindingCode.DaysMismatch => "{who}: the payroll shows {Detail} days for {P}, attendance shows {Days}.",
        FindingCode.MissingPayroll => "{who}: piece-rate worker with {Days} days of attendance in {P} but no payroll row; the wage cannot be computed.",
        FindingCode.PayrollArithmetic => "{who}: payroll for {P} gives gross − deductions = {Exp} yuan but net {Act} yuan.",
        FindingCode.BelowMinimumWage when f.Period is null => "{who}: hourly rate of {Act} yuan is below the hourly minimum of {Exp} yuan.",
        FindingCode.BelowMinimumWage => "{who}: {Act} yuan for {P} with {Days} days, below the prorated minimum of {Exp} yuan.",
        FindingCode.HeadcountMismatch => "{P}: {HcA} of {HcB} workers with attendance received no pay.",
        FindingCode.UnregisteredWorker => "ID {Id} is not on the roster but has {Days} days of attendance in {P}.",
        FindingCode.AttendanceOutsideTenure => "{who}: punch on {Ev} outside the entry and exit dates ({P}).",
        FindingCode.InvalidIdNumber => "{who}: ID number {Id} is not valid (check character or birth date).",
        FindingCode.UnderageWorker => "{who}: born {Detail}, under 16 on {Ev}.",
        FindingCode.DuplicateWorker => "{who}: ID number registered twice (first at {Detail}); this row is ignored.",
        FindingCode.SharedBankAccount => "{who}: wage card also registered for \"{Name}\"; the card may be held by someone else.",
        FindingCode.InvalidBankAccount => "{who}: the registered wage card number is empty or malformed.",
        FindingCode.LaborFundsLate when f.EventDate is not null =>
            "Labour funds for {P}: {Exp} yuan due in total by {Due}, only {Act} yuan received by then; made good on {Ev}.",
        FindingCode.LaborFundsLate => "Labour funds for {P}: {Exp} yuan due in total by {Due}, only {Act} yuan received by then.",
        FindingCode.LaborFundsShort => "Labour funds for {P}: {Exp} yuan due in total by {Due}, only {Act} yuan received by {AsOf}; {Amt} yuan short.",
        FindingCode.DataError => "{Src} could not be read and was skipped: {Name}.",
        FindingCode.StaleRuling => "{Src}: the ruling on finding {Name} matches no finding of this run; review it.",
        _ => throw new ArgumentOutOfRangeException(nameof(f), f.Code, "unknown finding code"),
    };
}
