using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
        var result = new Finding[sorted.Count];
        var seen = new Dictionary<string, int>(sorted.Count, StringComparer.Ordinal);
        var taken = new HashSet<string>(sorted.Count, StringComparer.Ordinal);
        for (int i = 0; i < sorted.Count; i++)
        {
            var f = sorted[i];
            string code = FindingCodes.Name(f.Code);
            string worker = WorkerKey(f);
            string period = Period(f);
            string key = string.Concat(code, "|", worker, "|", period, "|", f.Anchor);
            int n = seen.GetValueOrDefault(key) + 1;
            string id;
            while (true)
            {
                string anchor = n == 1 ? f.Anchor : f.Anchor + "|" + n.ToString(CultureInfo.InvariantCulture);
                id = Compute(project, code, worker, period, anchor);
                // A suffixed anchor could in principle equal another finding's own anchor: keep counting until free.
                if (taken.Add(id)) break;
                n++;
            }
            seen[key] = n;
            result[i] = f with { FindingId = id };
        }
        return result;
    }
}
