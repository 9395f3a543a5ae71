using PayrollRecon.Findings;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The report order of findings: severity desc, code name, employer, worker_id, period, source (file, then line
/// number), then every other field so that the order is total and the output deterministic.
/// </summary>
internal static class FindingOrder
{
    /// <summary>Sorts a copy of <paramref name="findings"/>; equal findings keep their relative order.</summary>
    public static Finding[] Sort(IReadOnlyList<Finding> findings)
    {
        var keys = new int[findings.Count];
        var items = new Finding[findings.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = findings[i];
            keys[i] = i;
        }
        Array.Sort(keys, (a, b) =>
        {
            int c = Compare(items[a], items[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var sorted = new Finding[items.Length];
        for (int i = 0; i < keys.Length; i++) sorted[i] = items[keys[i]];
        return sorted;
    }

    /// <summary>Compares two findings in report order.</summary>
    public static int Compare(Finding a, Finding b)
    {
        int c = b.Severity.CompareTo(a.Severity);
        if (c != 0) return c;
        c = string.CompareOrdinal(FindingCodes.Name(a.Code), FindingCodes.Name(b.Code));
        if (c != 0) return c;
        // Null and empty sort first: string.CompareOrdinal puts "" before any other text.
        c = string.CompareOrdinal(a.Employer ?? "", b.Employer ?? "");
        if (c != 0) return c;
        c = string.CompareOrdinal(a.WorkerId ?? "", b.WorkerId ?? "");
        if (c != 0) return c;
        c = Nullable.Compare(a.Period, b.Period);
        if (c != 0) return c;
        c = CompareSource(a.Source, b.Source);
        if (c != 0) return c;
        c = Nullable.Compare(a.EventDate, b.EventDate);
        if (c != 0) return c;
        c = Nullable.Compare(a.Amount, b.Amount);
        if (c != 0) return c;
        c = CompareTxnIds(a.TxnIds, b.TxnIds);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Detail ?? "", b.Detail ?? "");
        if (c != 0) return c;
        c = Nullable.Compare(a.Expected, b.Expected);
        if (c != 0) return c;
        c = Nullable.Compare(a.Actual, b.Actual);
        if (c != 0) return c;
        c = Nullable.Compare(a.DueDate, b.DueDate);
        if (c != 0) return c;
        c = Nullable.Compare(a.Days, b.Days);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.WorkerName ?? "", b.WorkerName ?? "");
        if (c != 0) return c;
        return string.CompareOrdinal(a.IdNumber ?? "", b.IdNumber ?? "");
    }

    /// <summary>By file name (ordinal), then line number numerically; several sources compare by the first.</summary>
    private static int CompareSource(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        long lineA = Split(a, out var fileA);
        long lineB = Split(b, out var fileB);
        int c = fileA.SequenceCompareTo(fileB);
        if (c != 0) return c;
        c = lineA.CompareTo(lineB);
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    /// <summary>The line number of the first source (-1 when there is none) and its file name.</summary>
    private static long Split(string source, out ReadOnlySpan<char> file)
    {
        var first = source.AsSpan();
        int semicolon = first.IndexOf(';');
        if (semicolon >= 0) first = first[..semicolon];
        int colon = first.LastIndexOf(':');
        if (colon >= 0 && long.TryParse(first[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long line))
        {
            file = first[..colon];
            return line;
        }
        file = first;
        return -1;
    }

    private static int CompareTxnIds(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            int c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }
}
