namespace PayrollRecon;

/// <summary>One input file of a project: its name (used in <c>file:line</c> evidence) and how to open it.</summary>
/// <param name="Name">Name shown in findings and errors, e.g. <c>bank.csv</c>.</param>
/// <param name="Open">Opens a fresh readable stream positioned at the start; the checker disposes it.</param>
public sealed record InputSource(string Name, Func<Stream> Open)
{
    /// <summary>An input read from a file path; <see cref="Name"/> is the file name.</summary>
    /// <remarks>
    /// The file is read unbuffered, front to back, with reads that complete inline: the reader's pipe already buffers
    /// in large chunks, and a plain <see cref="FileStream"/> would copy every byte through its own buffer and hop to
    /// the thread pool for each chunk.
    /// </remarks>
    public static InputSource FromFile(string path) => new(Path.GetFileName(path), () => Reading.SequentialFileStream.Open(path));

    /// <summary>An input held in memory (tests, or a host that already has the bytes).</summary>
    public static InputSource FromBytes(string name, byte[] content) => new(name, () => new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true));
}
