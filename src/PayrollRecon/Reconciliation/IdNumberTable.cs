using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Roster index by 18-character id number (GB 11643: 17 digits and a check character 0–9 or X), looked up in an
/// open-addressing table keyed by the id's bytes as three words: no string is built and no UTF-16 hashed per punch.
/// </summary>
/// <remarks>
/// An id packs when it is 17 ASCII digits followed by a digit, <c>X</c> or <c>x</c> (R7: compared upper-cased, so
/// <c>x</c> and <c>X</c> pack alike); its value is the 17 digits × 11 + the check value (X = 10), below 1.1 × 10^18.
/// Ids that do not pack (other lengths, letters, non-ASCII) are not in the table: the caller keeps them in a dictionary
/// of upper-cased strings, and because a packing id can equal only a packing id, a packing id absent from the table is
/// on no roster row.
/// <para>
/// The table holds each id as written upper-cased: its first eight bytes, its next eight and its last two, so a punch
/// whose id is a roster id's bytes (the common case) is found with one multiply of hashing and three compares, without
/// converting digits.
/// </para>
/// </remarks>
internal sealed class IdNumberTable
{
    // An empty slot has High == 0 (an id's bytes are digits). Key and value share a slot, so a lookup when every punch
    // is another worker's touches one cache line. The table is at most half full.
    private Slot[] _slots = new Slot[64];
    private int _count;
    private int _shift = 64 - 6;

    /// <summary>Number of ids in the table.</summary>
    public int Count => _count;

    /// <summary>Number of slots: every slot index <see cref="FindSlot"/> returns is below it (it grows with <see cref="Add"/>).</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Packs an 18-character id, or returns false when it does not have that shape.</summary>
    /// <remarks>
    /// The digits are read eight at a time as one 64-bit word (checked and converted with a few word operations)
    /// rather than one by one: a chain of 17 multiply-adds is most of a punch's cost when every punch is another
    /// worker's.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<byte> id, out ulong packed)
    {
        packed = 0;
        if (id.Length != 18) return false;
        ulong high = BinaryPrimitives.ReadUInt64LittleEndian(id);
        ulong low = BinaryPrimitives.ReadUInt64LittleEndian(id[8..]);
        uint last = unchecked((uint)(id[16] - '0'));
        if (!AreEightDigits(high) || !AreEightDigits(low) || last > 9) return false;
        uint check = unchecked((uint)(id[17] - '0'));
        if (check > 9)
        {
            if ((id[17] | 0x20) != 'x') return false;
            check = 10;
        }
        // At most 10^17 − 1 and then 1.1 × 10^18 + 10: nothing here can overflow, so no check is spent on it.
        ulong value = unchecked((EightDigits(high) * 1_000_000_000UL) + (EightDigits(low) * 10UL) + last);
        packed = unchecked((value * 11) + check);
        return true;
    }

    // Every byte 0x30..0x39: the high nibble is 3, and adding 6 does not carry into it.
    private static bool AreEightDigits(ulong word) => unchecked(
        ((word & 0xF0F0_F0F0_F0F0_F0F0UL) | (((word + 0x0606_0606_0606_0606UL) & 0xF0F0_F0F0_F0F0_F0F0UL) >> 4)) == 0x3333_3333_3333_3333UL);

    // The value of eight ASCII digits, the first in the lowest byte: pairs, then quads, then the whole in three steps.
    private static ulong EightDigits(ulong word)
    {
        unchecked
        {
            word -= 0x3030_3030_3030_3030UL;
            word = (word * 10) + (word >> 8);
            word = (((word & 0x0000_00FF_0000_00FFUL) * (100 + (1_000_000UL << 32))) + (((word >> 16) & 0x0000_00FF_0000_00FFUL) * (1 + (10_000UL << 32)))) >> 32;
            return (uint)word;
        }
    }

    /// <summary>The roster index of an id that packs (<see cref="TryPack"/>), compared upper-cased (R7), or -1.</summary>
    /// <remarks>Its key in the table is its own bytes with a lower-case <c>x</c> made upper-case: no digits are
    /// converted (the ids not on the roster come here on every punch).</remarks>
    public int Find(ReadOnlySpan<byte> id)
    {
        Debug.Assert(TryPack(id, out _), "an id that packs");
        if (id[17] != (byte)'x') return FindSlot(id, out int index) >= 0 ? index : -1;
        Span<byte> upper = stackalloc byte[18];
        id.CopyTo(upper);
        upper[17] = (byte)'X';
        return FindSlot(upper, out int found) >= 0 ? found : -1;
    }

    /// <summary>
    /// The slot of an id written exactly as a roster id upper-cased (with its roster index), or -1: then the id is not
    /// on the roster, or is one written otherwise (a lower-case <c>x</c>), which <see cref="Find"/> settles.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindSlot(ReadOnlySpan<byte> id, out int index)
    {
        index = -1;
        if (id.Length != 18) return -1;
        ulong high = BinaryPrimitives.ReadUInt64LittleEndian(id);
        ulong low = BinaryPrimitives.ReadUInt64LittleEndian(id[8..]);
        uint tail = BinaryPrimitives.ReadUInt16LittleEndian(id[16..]);
        Slot[] slots = _slots;
        int mask = slots.Length - 1;
        int slot = SlotOf(high, low, tail);
        while (true)
        {
            ref Slot s = ref slots[slot];
            if (s.High == high && s.Low == low && s.Tail == tail)
            {
                index = s.Value;
                return slot;
            }
            if (s.High == 0) return -1;
            slot = unchecked(slot + 1) & mask;
        }
    }

    /// <summary>Adds a packed id (not yet in the table) with its roster index.</summary>
    public void Add(ulong packed, int index)
    {
        if ((_count + 1) * 2 > _slots.Length) Grow();
        Span<byte> id = stackalloc byte[18];
        Unpack(packed, id);
        Debug.Assert(FindSlot(id, out _) < 0, "an id is added once");
        Insert(_slots, new Slot
        {
            High = BinaryPrimitives.ReadUInt64LittleEndian(id),
            Low = BinaryPrimitives.ReadUInt64LittleEndian(id[8..]),
            Tail = BinaryPrimitives.ReadUInt16LittleEndian(id[16..]),
            Value = index,
        });
        _count++;
    }

    /// <summary>The 18 bytes of a packed id, upper-cased (check value 10 as <c>X</c>).</summary>
    private static void Unpack(ulong packed, Span<byte> id)
    {
        ulong check = packed % 11;
        ulong digits = packed / 11;
        id[17] = check == 10 ? (byte)'X' : (byte)('0' + (int)check);
        for (int i = 16; i >= 0; i--)
        {
            id[i] = (byte)('0' + (int)(digits % 10));
            digits /= 10;
        }
    }

    private void Insert(Slot[] slots, Slot entry)
    {
        int mask = slots.Length - 1;
        int slot = SlotOf(entry.High, entry.Low, entry.Tail);
        while (slots[slot].High != 0) slot = (slot + 1) & mask;
        slots[slot] = entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong high, ulong low, uint tail) => Spread(high, low, tail, _shift);

    /// <summary>Fibonacci hashing of an id's three words folded into one: the top 64 − <paramref name="shift"/> bits of the
    /// product, a slot of a table of 2^(64 − shift) slots (the tail's bits past its two bytes do not count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Spread(ulong high, ulong low, uint tail, int shift) =>
        unchecked((int)(((high ^ System.Numerics.BitOperations.RotateLeft(low, 29) ^ ((ulong)tail << 48)) * 0x9E3779B97F4A7C15UL) >> shift));

    private void Grow()
    {
        var old = _slots;
        _slots = FreshPages.Touch(new Slot[old.Length * 2]);
        _shift--;
        foreach (var s in old)
        {
            if (s.High != 0) Insert(_slots, s);
        }
    }

    private struct Slot
    {
        public ulong High;
        public ulong Low;
        public uint Tail;
        public int Value;
    }
}
