using PayrollRecon.Findings;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>A roster worker kept by the engine (duplicates of an id_number are not kept).</summary>
internal sealed class RosterWorker
{
    public required int Index { get; init; }
    public required long Line { get; init; }
    /// <summary>工号, null when empty.</summary>
    public required string? WorkerId { get; init; }
    public required string Name { get; init; }
    /// <summary>The name normalised by R18, for matching bank counterparties.</summary>
    public required string NormalizedName { get; init; }
    /// <summary>身份证号 upper-cased (R7).</summary>
    public required string IdNumber { get; init; }
    /// <summary>工资卡号 as written.</summary>
    public required string BankAccount { get; init; }
    public required string Employer { get; init; }
    public required WageType WageType { get; init; }
    public required long RateFen { get; init; }
    public required DateOnly? EntryDate { get; init; }
    public required DateOnly? ExitDate { get; init; }

    /// <summary>The worker's months in chronological order (filled by the engine when it completes).</summary>
    public List<WorkerMonth> Months { get; } = [];

    /// <summary>Indices of the worker's wage payments (processed lines) in date order.</summary>
    public List<int> Payments { get; } = [];

    /// <summary>R30: the roster worker_id, else the id_number.</summary>
    public string DisplayId => WorkerId ?? IdNumber;

    /// <summary>Employer for findings: null when the roster leaves it empty.</summary>
    public string? EmployerOrNull => Employer.Length == 0 ? null : Employer;

    /// <summary>A finding about this worker: employer, display id, name and id_number filled in.</summary>
    public Finding Finding(FindingCode code, Severity severity) => new()
    {
        Code = code,
        Severity = severity,
        Employer = EmployerOrNull,
        WorkerId = DisplayId,
        WorkerName = Name,
        IdNumber = IdNumber,
    };
}
