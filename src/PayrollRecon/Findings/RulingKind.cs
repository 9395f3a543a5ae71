namespace PayrollRecon.Findings;

/// <summary>What reviewers ruled on a finding (<c>rulings.csv</c>, SPEC §7).</summary>
public enum RulingKind
{
    /// <summary><c>confirmed</c> / 核实属实: the finding stands.</summary>
    Confirmed,
    /// <summary><c>false_alarm</c> / 误报 / 已说明: waived, with a reason.</summary>
    FalseAlarm,
    /// <summary><c>fixed</c> / 已整改: the firm says it is put right; the next run confirms it.</summary>
    Fixed,
}
