namespace PayrollRecon;

/// <summary>One input file of a project: its name (used in <c>file:line</c> evidence) and how to open it.</summary>
/// <param name="Name">Name shown in findings and errors, e.g. <c>bank.csv</c>.</param>
/// <param name="Open">Opens a fresh readable stream positioned at the start; the checker disposes it.</param>
/// <remarks>
/// A check calls <see cref="Open"/> once per input and reads the stream front to back, with one exception: the
/// attendance input made by <see cref="FromFile"/> or <see cref="FromBytes"/> (which open the same bytes again at no
/// cost) is read in parts side by side when the check has two threads or more, and is opened a second time, to be read
/// by one reader, when the parts cannot stand for it (a quoted field, a workbook, a file too small to cut, …). A source
/// built from any other <see cref="Func{TResult}"/> (an upload, a network stream, a stream handed over once) is opened
/// exactly once per check, the attendance input included, and read in one pass.
/// </remarks>
public sealed record InputSource(string Name, Func<Stream> Open)
{
    /// <summary>Name shown in findings and errors, e.g. <c>bank.csv</c>; never null.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string Name
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Name));
            field = value;
        }
    } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>Opens a fresh readable stream positioned at the start; the checker disposes it. Never null.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Func<Stream> Open
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Open));
            field = value;
        }
    } = Open ?? throw new ArgumentNullException(nameof(Open));

    // The opener of FromFile and FromBytes; a source whose Open is still it opens the same bytes again cheaply.
    private readonly Func<Stream>? _reopens;

    private InputSource(string name, Func<Stream> open, bool reopens)
        : this(name, open)
    {
        if (reopens) _reopens = open;
    }

    /// <summary>
    /// True when <see cref="Open"/> opens the same bytes again at little cost, so the input may be opened more than once
    /// (a file path or bytes in memory); false for a host's own opener, which is called once per check.
    /// </summary>
    /// <remarks><c>with { Open = … }</c> makes a host's opener of it; <c>with { Name = … }</c> keeps the file's or the buffer's.</remarks>
    internal bool Reopens => _reopens is not null && ReferenceEquals(_reopens, Open);

    /// <summary>An input read from a file path; <see cref="Name"/> is the file name.</summary>
    /// <remarks>
    /// The file is read unbuffered, front to back, with reads that complete inline: the reader's pipe already buffers
    /// in large chunks, and a plain <see cref="FileStream"/> would copy every byte through its own buffer and hop to
    /// the thread pool for each chunk.
    /// </remarks>
    public static InputSource FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(Path.GetFileName(path), () => Reading.SequentialFileStream.Open(path), reopens: true);
    }

    /// <summary>An input held in memory (tests, or a host that already has the bytes).</summary>
    public static InputSource FromBytes(string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(name, () => new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true), reopens: true);
    }
}
