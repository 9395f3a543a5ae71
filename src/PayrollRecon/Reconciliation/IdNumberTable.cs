using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Roster index by 18-character id number (GB 11643: 17 digits and a check character 0–9 or X), the id packed into one
/// integer and looked up in an open-addressing table: no string is built and no UTF-16 hashed per punch.
/// </summary>
/// <remarks>
/// An id packs when it is 17 ASCII digits followed by a digit, <c>X</c> or <c>x</c> (R7: compared upper-cased, so
/// <c>x</c> and <c>X</c> pack alike); its value is the 17 digits × 11 + the check value (X = 10), below 1.1 × 10^18.
/// Ids that do not pack (other lengths, letters, non-ASCII) are not in the table: the caller keeps them in a dictionary
/// of upper-cased strings, and because a packing id can equal only a packing id, a packing id absent from the table is
/// on no roster row.
/// </remarks>
internal sealed class IdNumberTable
{
    // Keys are packed + 1 so that 0 marks an empty slot. The table is at most half full.
    private ulong[] _keys = new ulong[64];
    private int[] _values = new int[64];
    private int _count;
    private int _shift = 64 - 6;

    /// <summary>Number of ids in the table.</summary>
    public int Count => _count;

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
        ulong value = (EightDigits(high) * 1_000_000_000UL) + (EightDigits(low) * 10UL) + last;
        packed = (value * 11) + check;
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

    /// <summary>The roster index of a packed id, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong packed)
    {
        ulong key = packed + 1;
        ulong[] keys = _keys;
        int mask = keys.Length - 1;
        int slot = Slot(key);
        while (true)
        {
            ulong k = keys[slot];
            if (k == key) return _values[slot];
            if (k == 0) return -1;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Adds a packed id (not yet in the table) with its roster index.</summary>
    public void Add(ulong packed, int index)
    {
        Debug.Assert(Find(packed) < 0, "an id is added once");
        if ((_count + 1) * 2 > _keys.Length) Grow();
        Insert(_keys, _values, packed + 1, index);
        _count++;
    }

    private void Insert(ulong[] keys, int[] values, ulong key, int index)
    {
        int mask = keys.Length - 1;
        int slot = Slot(key);
        while (keys[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        values[slot] = index;
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ spread consecutive ids over the whole table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => unchecked((int)((key * 0x9E3779B97F4A7C15UL) >> _shift));

    private void Grow()
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new ulong[oldKeys.Length * 2];
        _values = new int[oldKeys.Length * 2];
        _shift--;
        for (int i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0) Insert(_keys, _values, oldKeys[i], oldValues[i]);
        }
    }
}
