using System.Collections;

using PayrollRecon.Model;

namespace PayrollRecon.Cli;

/// <summary>A diagnostics sink that keeps the first few and drops the rest, so inspecting a bad file stays small.</summary>
internal sealed class FirstDiagnostics(int limit) : ICollection<Diagnostic>
{
    private readonly List<Diagnostic> _kept = [];

    public IReadOnlyList<Diagnostic> Kept => _kept;

    public int Count => _kept.Count;

    public bool IsReadOnly => false;

    public void Add(Diagnostic item)
    {
        if (_kept.Count < limit) _kept.Add(item);
    }

    public void Clear() => _kept.Clear();

    public bool Contains(Diagnostic item) => _kept.Contains(item);

    public void CopyTo(Diagnostic[] array, int arrayIndex) => _kept.CopyTo(array, arrayIndex);

    public bool Remove(Diagnostic item) => _kept.Remove(item);

    public IEnumerator<Diagnostic> GetEnumerator() => _kept.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
