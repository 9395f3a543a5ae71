using PayrollRecon.FollowUp;
using PayrollRecon.Reading;

namespace PayrollRecon.Reconciliation;

/// <summary>What a <see cref="Reconciler"/> is told besides the rows: the inputs' names in evidence, which optional inputs were supplied, and the previous run.</summary>
public sealed record ReconcilerOptions
{
    /// <summary>Name of the roster in evidence (<c>file:line</c>).</summary>
    public string WorkersFile { get; init; } = InputKinds.DefaultFileName(InputKind.Workers);

    /// <summary>Name of the attendance file in evidence.</summary>
    public string AttendanceFile { get; init; } = InputKinds.DefaultFileName(InputKind.Attendance);

    /// <summary>Name of the payroll sheet in evidence.</summary>
    public string PayrollFile { get; init; } = InputKinds.DefaultFileName(InputKind.Payroll);

    /// <summary>Name of the bank statement in evidence.</summary>
    public string BankFile { get; init; } = InputKinds.DefaultFileName(InputKind.Bank);

    /// <summary>Name of the calendar in evidence.</summary>
    public string CalendarFile { get; init; } = InputKinds.DefaultFileName(InputKind.Calendar);

    /// <summary>Name of the batch detail file in evidence.</summary>
    public string BatchesFile { get; init; } = InputKinds.DefaultFileName(InputKind.Batches);

    /// <summary>True when <c>attendance.csv</c> was supplied, even empty (enables attendance-based checks).</summary>
    public bool AttendanceSupplied { get; init; }

    /// <summary>True when <c>batches.csv</c> was supplied; without it every batch_id is missing (R16).</summary>
    public bool BatchesSupplied { get; init; }

    /// <summary>The previous run (SPEC §7): findings get their status against it, and what it reported that is gone is resolved.</summary>
    public PreviousRun? Previous { get; init; }

    /// <summary>When set, <see cref="Reconciler.Complete"/> records the wall time of each of its steps.</summary>
    internal CheckTimings? Timings { get; init; }

    /// <summary>Threads <see cref="Reconciler.Complete"/> may use: from 2 on, the bank lines are classified beside the worker-months being made.</summary>
    internal int Threads { get; init; } = 1;

    /// <summary>Payments per thread from which the allocation is shared between two (<see cref="Allocator.PaymentsPerThread"/>; lowered by tests).</summary>
    internal int AllocationPaymentsPerThread { get; init; } = Allocator.PaymentsPerThread;

    /// <summary>The roster cap in force (<see cref="Reconciler.MaxWorkers"/>; lowered by tests).</summary>
    internal int WorkerLimit { get; init; } = Reconciler.MaxWorkers;

    /// <summary>The worker-month cap in force (<see cref="Reconciler.MaxWorkerMonths"/>; lowered by tests).</summary>
    internal int WorkerMonthLimit { get; init; } = Reconciler.MaxWorkerMonths;

    /// <summary>The batch detail line cap in force (<see cref="Reconciler.MaxBatchLines"/>; lowered by tests).</summary>
    internal int BatchLineLimit { get; init; } = Reconciler.MaxBatchLines;
}
