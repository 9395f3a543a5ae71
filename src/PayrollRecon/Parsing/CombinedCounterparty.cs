namespace PayrollRecon.Parsing;

/// <summary>Splits a combined counterparty field (对方账号与户名, 对手信息, 对方信息; R38) into account and name.</summary>
/// <remarks>
/// The account is the longest run of at least <see cref="MinAccountLength"/> characters that are ASCII digits or
/// <c>*</c> (the leftmost of equally long runs); the name is the rest with white space trimmed: the text before the
/// account and the text after it, each trimmed, joined with nothing between (<c>上海某某 31050161393600000000 公司</c>
/// names 上海某某公司). Nothing else is trimmed: <c>6222****1234/李四</c> names <c>/李四</c>. Results are ranges into
/// the field; nothing is allocated.
/// </remarks>
internal static class CombinedCounterparty
{
    /// <summary>Shortest run of digits and <c>*</c> taken for an account.</summary>
    public const int MinAccountLength = 8;

    /// <summary>
    /// Finds the account and the two parts of the name in <paramref name="field"/>; false when no run is long enough,
    /// and then the account is empty and the whole trimmed field is the name (<paramref name="nameHead"/>).
    /// </summary>
    /// <remarks>
    /// The name is <c>field[nameHead]</c> followed by <c>field[nameTail]</c>; either may be empty, and
    /// <paramref name="nameTail"/> is empty whenever the field holds text on one side of the account only (the usual
    /// case), so the name is then a slice of the field. Use <see cref="Name"/> for the joined name.
    /// </remarks>
    public static bool TrySplit(ReadOnlySpan<byte> field, out Range account, out Range nameHead, out Range nameTail)
    {
        int bestStart = 0, bestLength = 0;
        for (int i = 0; i < field.Length;)
        {
            if (!IsAccountByte(field[i])) { i++; continue; }
            int start = i;
            while (i < field.Length && IsAccountByte(field[i])) i++;
            if (i - start > bestLength) { bestStart = start; bestLength = i - start; }
        }
        if (bestLength < MinAccountLength)
        {
            account = new Range(0, 0);
            nameHead = TrimmedRange(field, 0, field.Length);
            nameTail = new Range(field.Length, field.Length);
            return false;
        }
        int end = bestStart + bestLength;
        account = new Range(bestStart, end);
        Range head = TrimmedRange(field, 0, bestStart);
        Range tail = TrimmedRange(field, end, field.Length);
        if (head.Start.Value == head.End.Value)
        {
            // Text after the account only: report it as the head so that a one-part name is always the head.
            nameHead = tail;
            nameTail = new Range(field.Length, field.Length);
        }
        else
        {
            nameHead = head;
            nameTail = tail;
        }
        return true;
    }

    /// <summary>
    /// The name of a split field: a slice of <paramref name="field"/> when it has one part, else both parts copied
    /// one after the other into <paramref name="destination"/> and that slice of it.
    /// </summary>
    /// <remarks><paramref name="destination"/> needs at most <c>field.Length</c> bytes; it is written only for a two-part name.</remarks>
    public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> field, Range nameHead, Range nameTail, Span<byte> destination)
    {
        ReadOnlySpan<byte> head = field[nameHead];
        ReadOnlySpan<byte> tail = field[nameTail];
        if (tail.IsEmpty) return head;
        if (head.IsEmpty) return tail;
        head.CopyTo(destination);
        tail.CopyTo(destination[head.Length..]);
        return destination[..(head.Length + tail.Length)];
    }

    private static bool IsAccountByte(byte b) => DigitHelpers.Value(b) <= 9 || b == (byte)'*';

    /// <summary>The range <paramref name="start"/>..<paramref name="end"/> of <paramref name="field"/> without white space at either end.</summary>
    private static Range TrimmedRange(ReadOnlySpan<byte> field, int start, int end)
    {
        for (int w; start < end && (w = Utf8Text.WhiteSpaceLengthAt(field[..end], start)) > 0;) start += w;
        end -= Utf8Text.TrailingWhiteSpaceLength(field[start..end]);
        return new Range(start, end);
    }
}
