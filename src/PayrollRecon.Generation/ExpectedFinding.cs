using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Generation;

/// <summary>One row of <c>expected-findings.csv</c>: a finding the SPEC rules raise for a planted defect.</summary>
/// <param name="Code">The finding code.</param>
/// <param name="WorkerId">Roster worker_id, the masked id for UNREGISTERED_WORKER, empty for project-level findings (R30).</param>
/// <param name="Period">The month per R29, or null.</param>
internal readonly record struct ExpectedFinding(FindingCode Code, string WorkerId, YearMonth? Period) : IComparable<ExpectedFinding>
{
    public int CompareTo(ExpectedFinding other)
    {
        int c = string.CompareOrdinal(FindingCodes.Name(Code), FindingCodes.Name(other.Code));
        if (c != 0) return c;
        c = string.CompareOrdinal(WorkerId, other.WorkerId);
        if (c != 0) return c;
        int a = Period?.Ordinal ?? -1, b = other.Period?.Ordinal ?? -1;
        return a.CompareTo(b);
    }
}
