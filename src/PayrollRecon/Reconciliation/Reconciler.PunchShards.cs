using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    /// <summary>
    /// A reconciler that takes only the punches of one part of the attendance file, on a thread of its own: it shares
    /// this one's roster (read, never written, while the parts are read) and keeps its own worker-day store, unregistered
    /// ids and diagnostics, which <see cref="TakePunchShards"/> then merges in file order.
    /// </summary>
    private Reconciler(Reconciler owner)
        : this(owner._settings)
    {
        _workerByUpperId = owner._workerByUpperId;
        _workerLookup = owner._workerLookup;
        _workerByPackedId = owner._workerByPackedId;
        _entryDay = owner._entryDay;
        _exitDay = owner._exitDay;
        AttendanceFile = owner.AttendanceFile;
        WorkerMonthLimit = owner.WorkerMonthLimit;
    }

    /// <summary>A reconciler for <see cref="AddPunch"/> only, over this one's roster (see <see cref="TakePunchShards"/>).</summary>
    /// <remarks>The roster must be complete: no <see cref="AddWorker"/> while shards are in use.</remarks>
    internal Reconciler CreatePunchShard() => new(this);

    /// <summary>
    /// Takes the punches of shards that read consecutive parts of the attendance file, given in file order, as if this
    /// reconciler had been given every punch itself: the same worker-days, the same earliest evidence (lines as given to
    /// the shards), unregistered ids in the order first seen and the shards' diagnostics in order. Returns false, and
    /// takes nothing, when together they pass the worker-month cap: the caller then reads the file again on one thread,
    /// so that the error names the line a single reader would.
    /// </summary>
    /// <remarks>Only before any punch or payroll row of this reconciler. The shards are of no further use.</remarks>
    internal bool TakePunchShards(IReadOnlyList<Reconciler> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (_attendance.BlockCount != 0 || _unregisteredMonths.Count != 0 || _payroll.Count != 0)
            throw new InvalidOperationException("Punch shards are taken before any punch or payroll row.");
        if (shards.Count == 0) return true;

        var first = shards[0];
        for (int i = 1; i < shards.Count; i++) first.MergePunches(shards[i]);
        if (first.WorkerMonthRecords > WorkerMonthLimit) return false;

        _attendance.MergeFrom(first._attendance);
        foreach (string id in first._unregisteredNames) UnregisteredIndex(id);
        foreach (var (key, month) in first._unregisteredMonths) _unregisteredMonths.Add(key, month);
        _punchBlockLimit = WorkerMonthLimit - _payroll.Count - _unregisteredMonths.Count;
        foreach (var d in first._diagnostics) AddDiagnostic(d);
        return true;
    }

    /// <summary>Adds the punches of <paramref name="later"/>, a shard of the part of the file after this one's.</summary>
    private void MergePunches(Reconciler later)
    {
        _attendance.MergeFrom(later._attendance);

        var index = new int[later._unregisteredNames.Count];
        for (int i = 0; i < index.Length; i++) index[i] = UnregisteredIndex(later._unregisteredNames[i]);
        foreach (var (key, m) in later._unregisteredMonths)
        {
            long mapped = ((long)index[(int)(key >> 32)] << 32) | (key & 0xFFFF_FFFF);
            ref UnregisteredMonth month = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_unregisteredMonths, mapped, out bool exists);
            if (!exists)
            {
                month = m;
                continue;
            }
            month.DayMask |= m.DayMask;
            if (m.FirstTicks < month.FirstTicks || (m.FirstTicks == month.FirstTicks && m.FirstLine < month.FirstLine))
            {
                month.FirstTicks = m.FirstTicks;
                month.FirstLine = m.FirstLine;
            }
        }
        foreach (Diagnostic d in later._diagnostics) _diagnostics.Add(d);
    }
}
