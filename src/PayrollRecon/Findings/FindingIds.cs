using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Findings;

/// <summary>Stable finding ids (SPEC §7): what a regulator pushes, rules on and closes across monthly runs.</summary>
public static class FindingIds
{
    /// <summary>The id of one finding: the first 16 lower-case hex digits of SHA-256 over the UTF-8 bytes of
    /// <c>project|code|worker key|period|anchor</c>.</summary>
    /// <param name="project">The project code.</param>
    /// <param name="code">The finding code name, e.g. <c>UNPAID</c>.</param>
    /// <param name="workerKey">The worker's id_number upper-cased (the unregistered id for <c>UNREGISTERED_WORKER</c>); empty for project-level findings.</param>
    /// <param name="period"><c>yyyy-MM</c> or empty.</param>
    /// <param name="anchor">The evidence anchor of SPEC §7, or empty.</param>
    public static string Compute(string project, string code, string workerKey, string period, string anchor)
    {
        ArgumentNullException.ThrowIfNull(project);
        string text = string.Concat(project, "|", code, "|", workerKey, "|", period, "|", anchor);
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 1024 ? new byte[max] : null;
        Span<byte> bytes = rented ?? stackalloc byte[max];
        int n = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..n], hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>True for 16 lower-case hex digits.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> id)
    {
        if (id.Length != 16) return false;
        foreach (char c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>The worker key of a finding: its id_number upper-cased, or empty.</summary>
    internal static string WorkerKey(Finding f) => f.IdNumber is { Length: > 0 } id ? id.ToUpperInvariant() : "";

    /// <summary>The period of a finding as <c>yyyy-MM</c>, or empty.</summary>
    internal static string Period(Finding f) => f.Period is { } p ? p.ToString() : "";

    /// <summary>
    /// Sets the id of every finding, in report order: when two would share one, the later ones append <c>|2</c>,
    /// <c>|3</c>, … to their anchor (SPEC §7), so the ids of one run are distinct.
    /// </summary>
    internal static Finding[] Assign(string project, IReadOnlyList<Finding> sorted)
    {
        string[] ids = Ids(project, sorted);
        var result = new Finding[sorted.Count];
        for (int i = 0; i < result.Length; i++) result[i] = sorted[i] with { FindingId = ids[i] };
        return result;
    }

    /// <summary>The ids <see cref="Assign"/> gives the findings, in their order, without copying the findings.</summary>
    /// <remarks>
    /// A run can have millions of findings (one per statement line that pays a payee not on the roster), so the text
    /// <c>project|code|worker key|period|anchor</c> is written as UTF-8 into one buffer and hashed there, and an id is
    /// held as the number its 16 hex digits spell. The findings that share a key (and so take <c>|2</c>, <c>|3</c>, …)
    /// are found by the id of the key's plain anchor, checked against the key itself: two keys whose plain ids agree
    /// in all 64 bits are counted apart, as the text would count them.
    /// </remarks>
    internal static string[] Ids(string project, IReadOnlyList<Finding> sorted)
    {
        ArgumentNullException.ThrowIfNull(project);
        int count = sorted.Count;
        var ids = new string[count];
        // The plain id of a key → the first finding with that key and how many of its findings have ids so far.
        var keys = new Dictionary<ulong, (int First, int Taken)>(count);
        Dictionary<string, int>? collided = null;
        var taken = new HashSet<ulong>(count);
        var buffer = new IdText(project);
        Span<byte> hash = stackalloc byte[32];
        for (int i = 0; i < count; i++)
        {
            var f = sorted[i];
            string code = FindingCodes.Name(f.Code);
            string worker = WorkerKey(f);
            int prefix = buffer.Key(code, worker, f.Period, f.Anchor);
            SHA256.HashData(buffer.Text(prefix), hash);
            ulong plain = BinaryPrimitives.ReadUInt64BigEndian(hash);

            // How many findings of this key have an id already (0 for its first).
            int before;
            string? collidedKey = null;
            if (keys.TryGetValue(plain, out var entry))
            {
                if (SameKey(sorted[entry.First], f))
                {
                    before = entry.Taken;
                }
                else
                {
                    // Another key with the same plain id: counted by its text.
                    collided ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    collidedKey = string.Concat(code, "|", worker, "|", Period(f), "|", f.Anchor);
                    before = collided.GetValueOrDefault(collidedKey);
                }
            }
            else
            {
                before = 0;
            }

            int n = before + 1;
            ulong value = plain;
            while (true)
            {
                if (n > 1)
                {
                    SHA256.HashData(buffer.Text(prefix, n), hash);
                    value = BinaryPrimitives.ReadUInt64BigEndian(hash);
                }
                // A suffixed anchor could in principle equal another finding's own anchor: keep counting until free.
                if (taken.Add(value)) break;
                n++;
            }
            if (collidedKey is not null) collided![collidedKey] = n;
            else keys[plain] = before == 0 ? (i, n) : (entry.First, n);
            ids[i] = Convert.ToHexStringLower(hash[..8]);
        }
        return ids;
    }

    /// <summary>True when two findings have the same <c>code|worker key|period|anchor</c>.</summary>
    private static bool SameKey(Finding a, Finding b) =>
        a.Code == b.Code && a.Period == b.Period && string.Equals(a.Anchor, b.Anchor, StringComparison.Ordinal)
        && string.Equals(WorkerKey(a), WorkerKey(b), StringComparison.Ordinal);

    /// <summary>The UTF-8 text an id is the hash of, written into one growing buffer.</summary>
    private sealed class IdText(string project)
    {
        private readonly byte[] _project = Encoding.UTF8.GetBytes(project);
        private byte[] _bytes = new byte[256];

        /// <summary>Writes <c>project|code|worker|period|anchor</c>; returns its length.</summary>
        public int Key(string code, string worker, YearMonth? period, string anchor)
        {
            int max = _project.Length + 4 + Encoding.UTF8.GetMaxByteCount(code.Length + worker.Length + anchor.Length) + 16 + 12;
            if (_bytes.Length < max) _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
            Span<byte> b = _bytes;
            _project.CopyTo(b);
            int w = _project.Length;
            b[w++] = (byte)'|';
            w += Encoding.UTF8.GetBytes(code, b[w..]);
            b[w++] = (byte)'|';
            w += Encoding.UTF8.GetBytes(worker, b[w..]);
            b[w++] = (byte)'|';
            if (period is { } p)
            {
                // As YearMonth.ToString writes it: yyyy-MM.
                p.Year.TryFormat(b[w..], out int written, "D4", CultureInfo.InvariantCulture);
                w += written;
                b[w++] = (byte)'-';
                p.Month.TryFormat(b[w..], out written, "D2", CultureInfo.InvariantCulture);
                w += written;
            }
            b[w++] = (byte)'|';
            w += Encoding.UTF8.GetBytes(anchor, b[w..]);
            return w;
        }

        /// <summary>The text of <see cref="Key"/>, of length <paramref name="length"/>.</summary>
        public ReadOnlySpan<byte> Text(int length) => _bytes.AsSpan(0, length);

        /// <summary>The text of <see cref="Key"/> with <c>|n</c> appended to the anchor.</summary>
        public ReadOnlySpan<byte> Text(int length, int n)
        {
            _bytes[length] = (byte)'|';
            n.TryFormat(_bytes.AsSpan(length + 1), out int written, default, CultureInfo.InvariantCulture);
            return _bytes.AsSpan(0, length + 1 + written);
        }
    }
}
