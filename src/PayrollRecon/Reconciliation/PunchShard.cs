using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The punches of one part of the attendance file, read on a thread of its own over the engine's roster
/// (<see cref="Reconciler.CreatePunchShard"/>), then handed back in file order (<see cref="Reconciler.TakePunchShards"/>).
/// </summary>
internal sealed class PunchShard
{
    internal PunchShard(AttendanceLog owner)
    {
        Log = owner.CreateShard(Diagnostics);
    }

    internal AttendanceLog Log { get; }

    /// <summary>Punches dated outside the years the engine holds, with the lines given to <see cref="AddPunch"/>.</summary>
    internal List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Adds one punch of this part. Allocates nothing in steady state.</summary>
    public void AddPunch(in AttendanceRow row) => Log.Add(row);
}
