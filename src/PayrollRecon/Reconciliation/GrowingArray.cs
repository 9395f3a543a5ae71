namespace PayrollRecon.Reconciliation;

/// <summary>
/// A list of structs in one array that doubles as it fills, whose array can be handed on without a copy
/// (<see cref="Items"/>): the engine's line stores become the result's bank-line snapshot once it completes.
/// </summary>
/// <remarks>Like <see cref="List{T}"/> for adding and indexing, minus the version checks; a sealed class, so every call is direct.</remarks>
internal sealed class GrowingArray<T>
    where T : struct
{
    private T[] _items = [];
    private int _count;

    public GrowingArray(int capacity = 0)
    {
        if (capacity > 0) _items = new T[capacity];
    }

    public int Count => _count;

    /// <summary>The items added so far; the array is shared, so after the owner stops adding it is a snapshot.</summary>
    public ArraySegment<T> Items => new(_items, 0, _count);

    public Span<T> AsSpan() => _items.AsSpan(0, _count);

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) ThrowIndex(index);
            return ref _items[index];
        }
    }

    public void Add(in T item)
    {
        if (_count == _items.Length) Grow(_count + 1);
        _items[_count++] = item;
    }

    /// <summary>Makes room for <paramref name="capacity"/> items in all, so adding up to that many allocates nothing.</summary>
    public void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > _items.Length) Grow(capacity);
    }

    private void Grow(int needed)
    {
        int capacity = (int)Math.Min(Math.Max(Math.Max((long)_items.Length * 2, 4), needed), Array.MaxLength);
        if (capacity < needed) throw new InsufficientMemoryException("The line store cannot grow past Array.MaxLength items.");
        var items = new T[capacity];
        _items.AsSpan(0, _count).CopyTo(items);
        _items = items;
    }

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Index past the items added.");
}
