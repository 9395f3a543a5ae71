namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    // Header search (R1, R33): between BeginHeaderSearch and LockSeparator every record is split with the separator of its
    // own line, one record at a time through the resumable scanner. _separatorPending asks for the next record's line to
    // be looked at; _rowSeparator is the separator of the record handed out last.
    private bool _headerSearch;
    private bool _separatorPending;
    private byte _rowSeparator;

    /// <summary>Starts a header search: until <see cref="LockSeparator"/>, each record gets the separator its own line calls for (R1).</summary>
    /// <remarks>
    /// For inputs with preamble rows before the header (R33): a record's line is tab-separated when it holds more tabs
    /// than commas, counted on the raw bytes of its first physical line, quotes included. That is the count the reader
    /// makes without a header search, so a header on the first line gets the same separator either way, and the count
    /// cannot depend on the separator it is to decide (which bytes are quoted depends on where fields start). Records
    /// go through the slow path one by one; that is meant for the few dozen records of a preamble. Blank lines are
    /// skipped as always. Call before the first read.
    /// </remarks>
    /// <exception cref="InvalidOperationException">When a record has already been read.</exception>
    internal void BeginHeaderSearch()
    {
        if (_separator != 0) throw new InvalidOperationException("a header search must begin before the first record is read");
        _headerSearch = true;
    }

    /// <summary>Ends a header search: the separator of the record handed out last holds for the rest of the input, read by the bulk path again.</summary>
    /// <remarks>
    /// Meant to be called right after the header record was handed out. When no record was handed out yet, the next
    /// non-blank line decides, as without a header search. Nothing happens outside a header search.
    /// </remarks>
    internal void LockSeparator()
    {
        if (!_headerSearch) return;
        _headerSearch = false;
        _separatorPending = false;
        if (_rowSeparator == 0 || _rowSeparator == _separator) return;

        // A later call already looked at the next record's own line; that record is split again with the locked separator.
        // Its bytes are all still in the window unless it is too long, and a too-long record is an error whatever its split.
        if (_slow && !_tooLong) _slow = false;
        SetSeparator(_rowSeparator);
    }
}
