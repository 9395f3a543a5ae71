using PayrollRecon.Findings;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The report order of findings: severity desc, code name, employer, worker_id, period, source (file, then line
/// number), then every other field so that the order is total and the output deterministic.
/// </summary>
internal static class FindingOrder
{
    /// <summary>Sorts a copy of <paramref name="findings"/>; equal findings keep their relative order.</summary>
    /// <remarks>
    /// The first six fields of the order (severity, code, employer, worker_id, period, source) are packed into integers
    /// per finding first, employer and worker_id as their ranks among the distinct values in ordinal order and the source
    /// as its file's rank and its line number, so that most comparisons are integer comparisons; only findings equal in
    /// all six are compared field by field (<see cref="Compare"/>). A project with a finding per worker-month has
    /// hundreds of thousands of them, and one with a finding per statement line (every payment to a payee not on the
    /// roster) millions that share all fields but the source.
    /// </remarks>
    public static Finding[] Sort(IReadOnlyList<Finding> findings)
    {
        int n = findings.Count;
        var items = new Finding[n];
        for (int i = 0; i < n; i++) items[i] = findings[i];
        var employers = Ranks(items, static f => f.Employer ?? "", StringComparer.Ordinal);
        // A worker_id that is the id_number (R30) is written as the roster has it; ids are one whatever the case of their
        // x (R7), so they sort so too.
        var workers = Ranks(items, static f => f.WorkerId ?? "", StringComparer.OrdinalIgnoreCase);
        var files = SourceFileRanks(items);
        var fileRank = files.GetAlternateLookup<ReadOnlySpan<char>>();
        var keys = new Key[n];
        for (int i = 0; i < n; i++)
        {
            var f = items[i];
            // Severity descending in 8 bits, the code's name's rank in 8, the employer's rank below; then the worker_id's rank
            // and the period's ordinal + 1 (0: none, which sorts first). A severity past 8 bits only makes keys equal
            // that Compare then tells apart.
            long high = ((long)(byte.MaxValue - Math.Clamp((int)f.Severity, 0, byte.MaxValue)) << 55) | ((long)CodeRank(f.Code) << 47)
                | (uint)employers[f.Employer ?? ""];
            int period = f.Period is { } p ? p.Ordinal + 1 : 0;
            // The source as CompareSource orders it: none first (file rank 0), then by file name, then by line number
            // (-1: none); sources that tie on both are told apart by Compare.
            int file = 0;
            long line = -1;
            if (f.Source is { } source)
            {
                line = Split(source, out var name);
                file = fileRank[name];
            }
            keys[i] = new Key(high, workers[f.WorkerId ?? ""], period, file, line, i);
        }
        Array.Sort(keys, (a, b) =>
        {
            int c = a.High.CompareTo(b.High);
            if (c != 0) return c;
            c = a.Worker.CompareTo(b.Worker);
            if (c != 0) return c;
            c = a.Period.CompareTo(b.Period);
            if (c != 0) return c;
            c = a.File.CompareTo(b.File);
            if (c != 0) return c;
            c = a.Line.CompareTo(b.Line);
            if (c != 0) return c;
            c = Compare(items[a.Index], items[b.Index]);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var sorted = new Finding[n];
        for (int i = 0; i < n; i++) sorted[i] = items[keys[i].Index];
        return sorted;
    }

    private readonly record struct Key(long High, int Worker, int Period, int File, long Line, int Index);

    /// <summary>The rank + 1 of each distinct file name of the findings' sources in ordinal order (0 is no source).</summary>
    /// <remarks>A file name is the part of the first source before its last colon; most findings share a few.</remarks>
    private static Dictionary<string, int> SourceFileRanks(Finding[] items)
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var f in items)
        {
            if (f.Source is not { } source) continue;
            Split(source, out var name);
            lookup.TryAdd(name, 0);
        }
        var ordered = distinct.Keys.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        for (int i = 0; i < ordered.Length; i++) distinct[ordered[i]] = i + 1;
        return distinct;
    }

    /// <summary>Each distinct value's rank in <paramref name="comparer"/>'s order (values it holds equal share one rank).</summary>
    private static Dictionary<string, int> Ranks(Finding[] items, Func<Finding, string> field, StringComparer comparer)
    {
        var distinct = new HashSet<string>(comparer);
        foreach (var f in items) distinct.Add(field(f));
        var ordered = distinct.ToArray();
        Array.Sort(ordered, comparer);
        var ranks = new Dictionary<string, int>(ordered.Length, comparer);
        for (int i = 0; i < ordered.Length; i++) ranks.Add(ordered[i], i);
        return ranks;
    }

    /// <summary>The rank of a code's name among all codes' names in ordinal order.</summary>
    private static int CodeRank(FindingCode code) => CodeRanks[(int)code];

    private static readonly int[] CodeRanks = RankCodes();

    private static int[] RankCodes()
    {
        var codes = Enum.GetValues<FindingCode>();
        var byName = codes.OrderBy(static c => FindingCodes.Name(c), StringComparer.Ordinal).ToArray();
        var ranks = new int[codes.Max(static c => (int)c) + 1];
        for (int i = 0; i < byName.Length; i++) ranks[(int)byName[i]] = i;
        return ranks;
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
        c = string.Compare(a.WorkerId ?? "", b.WorkerId ?? "", StringComparison.OrdinalIgnoreCase);
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
