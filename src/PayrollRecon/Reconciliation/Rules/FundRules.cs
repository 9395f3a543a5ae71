using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Reconciliation.Rules;

/// <summary>R28: cumulative labour-fund credits against the cumulative schedule of <c>project.json</c> at each item's due date.</summary>
internal sealed class FundRules
{
    private readonly IReadOnlyList<LaborFundItem> _schedule;
    private readonly DateOnly _asOf;
    private readonly SumSite _sums;
    private readonly List<Finding> _findings;

    /// <param name="schedule">The items due, in <c>project.json</c> order.</param>
    /// <param name="asOf">Items due on or after it are not checked yet.</param>
    /// <param name="sums">Notes the schedule being summed.</param>
    /// <param name="findings">Receives LABOR_FUNDS_SHORT and LABOR_FUNDS_LATE.</param>
    public FundRules(IReadOnlyList<LaborFundItem> schedule, DateOnly asOf, SumSite sums, List<Finding> findings)
    {
        _schedule = schedule;
        _asOf = asOf;
        _sums = sums;
        _findings = findings;
    }

    /// <summary>Checks the schedule against <paramref name="credits"/> (labour-fund credits in date order).</summary>
    public void Report(IReadOnlyList<(DateOnly Date, long AmountFen)> credits)
    {
        if (_schedule.Count == 0) return;
        // OrderBy is stable: items with the same due date keep their order in project.json.
        var schedule = _schedule.OrderBy(static item => item.DueDate).ToList();
        _sums.At("project.json 'laborFunds'", 0);
        long fundsAtAsOf = 0;
        foreach (var (date, amount) in credits)
            if (date <= _asOf) fundsAtAsOf = checked(fundsAtAsOf + amount);

        long cumulative = 0;
        foreach (var item in schedule)
        {
            cumulative = checked(cumulative + item.Amount.Fen);
            if (item.DueDate >= _asOf) break;

            long fundsAtDue = 0;
            foreach (var (date, amount) in credits)
                if (date <= item.DueDate) fundsAtDue = checked(fundsAtDue + amount);

            var project = new Finding
            {
                Code = FindingCode.LaborFundsShort,
                Severity = Severity.Red,
                Period = item.Period,
                DueDate = item.DueDate,
                Expected = new Money(cumulative),
                Anchor = item.Period.ToString() + "|" + item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (fundsAtAsOf < cumulative)
            {
                _findings.Add(project with
                {
                    Amount = new Money(cumulative - fundsAtAsOf),
                    Actual = new Money(fundsAtAsOf),
                });
            }
            else if (fundsAtDue < cumulative)
            {
                _findings.Add(project with
                {
                    Code = FindingCode.LaborFundsLate,
                    Severity = Severity.Orange,
                    Actual = new Money(fundsAtDue),
                    EventDate = MadeGoodOn(credits, cumulative),
                });
            }
        }
    }

    /// <summary>The date the labour-fund credits first reached <paramref name="cumulativeFen"/>.</summary>
    private static DateOnly? MadeGoodOn(IReadOnlyList<(DateOnly Date, long AmountFen)> credits, long cumulativeFen)
    {
        long running = 0;
        foreach (var (date, amount) in credits)
        {
            running = checked(running + amount);
            if (running >= cumulativeFen) return date;
        }
        return null;
    }
}
