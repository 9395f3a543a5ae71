namespace PayrollRecon.Reading;

/// <summary>Passes a stream's bytes through and notes whether any of them is a quote.</summary>
/// <remarks>A part of a file cut at line ends is read as the file's reader would read it only when no quoted field
/// can hold a line end across a cut; a part with no quote byte at all cannot (see <see cref="RecordSplit"/>).</remarks>
internal sealed class QuoteWatchStream(Stream inner) : ReadOnlyStream
{
    /// <summary>Whether a quote byte has gone through.</summary>
    public bool SawQuote { get; private set; }

    public override long Length => inner.Length;

    internal override bool ReadsDirectly => inner is ReadOnlyStream { ReadsDirectly: true };

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (!SawQuote && buffer[..n].Contains((byte)'"')) SawQuote = true;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
