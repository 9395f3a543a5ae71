using System.Runtime.CompilerServices;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The 18-byte ids a log's punches name, each with what a punch of it needs: the roster worker it resolved to (-1: not on
/// the roster) and that worker's cursor in the punch store, side by side in one slot.
/// </summary>
/// <remarks>
/// On attendance exported in time order every punch is another worker's, so each punch's lookups miss the cache: with
/// the id's answer and the worker's last block in one slot, a punch waits on one line of memory where the roster's id
/// table and a cursor array apart cost two. An id is kept as written (its three words, as <see cref="IdNumberTable"/>
/// keeps them), so <c>x</c> and <c>X</c> spellings of one id have a slot each, with the same worker. One table per log,
/// written by its thread only; it grows with the distinct ids, which the worker-month cap bounds.
/// </remarks>
internal sealed class PunchIds
{
    /// <summary>Set in every used slot's tail (the last two bytes take the low 16 bits), so an empty slot is told by a zero tail.</summary>
    public const uint Used = 0x1_0000;

    // At most half full.
    private Slot[] _slots;
    private int _count;
    private int _shift;

    /// <param name="expected">Ids expected (the roster's), so that the table seldom grows.</param>
    public PunchIds(int expected)
    {
        int size = 64;
        while (size < expected * 2) size *= 2;
        _slots = FreshPages.Touch(new Slot[size]);
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>Ids in the table.</summary>
    public int Count => _count;

    /// <summary>The slot of the id given as its three words (<paramref name="tail"/> with <see cref="Used"/>): the id's own
    /// when <paramref name="found"/>, else the empty one that ends its search (not to be written: see <see cref="Add"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot Find(ulong high, ulong low, uint tail, out bool found)
    {
        Slot[] slots = _slots;
        int mask = slots.Length - 1;
        int i = SlotOf(high, low, tail);
        while (true)
        {
            ref Slot s = ref slots[i];
            if (s.Tail == tail && s.High == high && s.Low == low)
            {
                found = true;
                return ref s;
            }
            if (s.Tail == 0)
            {
                found = false;
                return ref s;
            }
            i = unchecked(i + 1) & mask;
        }
    }

    /// <summary>Adds an id not in the table with its <paramref name="worker"/>, its cursor not yet on any month; returns its slot.</summary>
    public ref Slot Add(ulong high, ulong low, uint tail, int worker)
    {
        if ((_count + 1) * 2 > _slots.Length) Grow();
        ref Slot s = ref Find(high, low, tail, out bool found);
        if (found) throw new InvalidOperationException("An id is added once.");
        s.High = high;
        s.Low = low;
        s.Tail = tail;
        s.Worker = worker;
        s.Cursor = AttendanceStore.Cursor.None;
        _count++;
        return ref s;
    }

    /// <summary>Forgets every id (their cursors point into the store's days, which are being let go).</summary>
    public void Clear()
    {
        _slots = new Slot[64];
        _shift = 64 - 6;
        _count = 0;
    }

    // The roster's id table's hashing (the Used bit, the same in every key, does not count).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong high, ulong low, uint tail) => IdNumberTable.Spread(high, low, tail, _shift);

    private void Grow()
    {
        Slot[] old = _slots;
        _slots = FreshPages.Touch(new Slot[old.Length * 2]);
        _shift--;
        int mask = _slots.Length - 1;
        foreach (ref Slot s in old.AsSpan())
        {
            if (s.Tail == 0) continue;
            int i = SlotOf(s.High, s.Low, s.Tail);
            while (_slots[i].Tail != 0) i = (i + 1) & mask;
            _slots[i] = s;
        }
    }

    /// <summary>An id as its three words, its worker and the worker's cursor (56 bytes).</summary>
    internal struct Slot
    {
        public ulong High;
        public ulong Low;
        public uint Tail;
        public int Worker;
        public AttendanceStore.Cursor Cursor;
    }
}
