using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>
/// An exclusive lock on a batch's <c>--out</c> folder, held from before the first write to after the portfolio: a
/// second run into the same folder is refused with one line instead of the two mixing or deleting each other's outputs.
/// </summary>
/// <remarks>
/// The lock is the lock file <see cref="BatchCommand.LockFileName"/> opened with <see cref="FileShare.None"/>, which .NET
/// takes as an <c>flock</c> on Unix: released by the kernel when the process ends however it ends, so a killed run
/// never leaves the folder locked. The file is removed (while still locked) at the end; a run that opened it just
/// before that sees it is no longer the file named in the folder and locks the new one.
/// </remarks>
internal sealed class OutputLock : IDisposable
{
    /// <summary>How .NET reports a lock held elsewhere: the errno EWOULDBLOCK of <c>flock</c> (11 on Linux, 35 on macOS), or ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool HeldElsewhere(IOException e) => e.HResult is 11 or 35 || (e.HResult & 0xFFFF) == 32;

    private readonly FileStream _file;
    private readonly string _path;

    private OutputLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>Locks <paramref name="outDir"/> (named <paramref name="shown"/> in messages).</summary>
    /// <exception cref="CliException">When another run holds the lock, or the lock's name is taken by something else.</exception>
    public static OutputLock Acquire(string outDir, string shown)
    {
        string path = Path.Combine(outDir, BatchCommand.LockFileName);
        for (int attempt = 0; ; attempt++)
        {
            // A link planted under the lock's name is removed, never followed.
            var kind = LocalFiles.KindOf(path, followLinks: false);
            if (kind == EntryKind.Link) File.Delete(path);
            else if (kind is not (EntryKind.Missing or EntryKind.Regular))
                throw new CliException(MessageKey.LockHeldByOther, shown, LocalFiles.Describe(kind), BatchCommand.LockFileName);
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException e) when (HeldElsewhere(e))
            {
                throw new CliException(MessageKey.LockInUse, shown, BatchCommand.LockFileName);
            }
            if (LocalFiles.IsSameFile(file, path)) return new OutputLock(file, path);
            file.Dispose();
            if (attempt == 100) throw new CliException(MessageKey.LockReplaced, shown, BatchCommand.LockFileName);
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock is released with the file handle either way; a lock file left behind does not lock anything.
        }
        finally
        {
            _file.Dispose();
        }
    }
}
