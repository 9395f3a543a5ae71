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

    /// <summary>Moves every line this shard keeps (evidence and diagnostics) by <paramref name="offset"/>: its part was
    /// read with lines of its own, and the lines before it are known once the parts before it are read.</summary>
    public void ShiftLines(long offset)
    {
        if (offset == 0) return;
        Log.ShiftLines(offset);
        for (int i = 0; i < Diagnostics.Count; i++) Diagnostics[i] = Diagnostics[i] with { Line = Diagnostics[i].Line + offset };
    }
}
