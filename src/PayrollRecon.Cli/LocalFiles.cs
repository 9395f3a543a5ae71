using System.Runtime.InteropServices;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>What a path names on the file system, found with <c>lstat</c>/<c>stat</c> without opening it.</summary>
internal enum EntryKind
{
    Missing,
    Regular,
    Directory,
    Link,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// File-system questions .NET does not answer: the type of an entry (a named pipe must be recognised before it is
/// opened, since opening one blocks until a writer comes), whether it is a link, the real path of a file, and the
/// identity of an open file.
/// </summary>
/// <remarks>
/// On Linux the answers come from <c>statx(2)</c> (whose layout is the same on every architecture) and
/// <c>realpath(3)</c>; on macOS from <c>lstat</c>/<c>stat</c> and <c>realpath</c>. Elsewhere (Windows) there are no
/// named pipes or devices in the file system and .NET's own view is used.
/// </remarks>
internal static unsafe partial class LocalFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int StatxBufferBytes = 256;
    private const int StatxModeOffset = 28;
    private const int StatxInoOffset = 32;
    private const int StatxDevMajorOffset = 136;

    /// <summary>The kind of entry at <paramref name="path"/>: with <paramref name="followLinks"/> false a link is
    /// <see cref="EntryKind.Link"/>, with true it is the kind of what it finally points to (<see cref="EntryKind.Missing"/>
    /// for a dangling link).</summary>
    /// <exception cref="IOException">When the entry cannot be examined (a loop of links, no permission on a folder above).</exception>
    public static EntryKind KindOf(string path, bool followLinks)
    {
        if (OperatingSystem.IsLinux()) return LinuxKind(path, followLinks);
        if (OperatingSystem.IsMacOS()) return MacKind(path, followLinks);
        if (!followLinks && new FileInfo(path).LinkTarget is not null) return EntryKind.Link;
        if (Directory.Exists(path)) return EntryKind.Directory;
        return File.Exists(path) ? EntryKind.Regular : EntryKind.Missing;
    }

    /// <summary>How a kind of entry is named in messages: "a named pipe", "a folder", …</summary>
    public static LocalizedText Describe(EntryKind kind) => new(kind switch
    {
        EntryKind.Directory => MessageKey.KindFolder,
        EntryKind.Fifo => MessageKey.KindNamedPipe,
        EntryKind.CharacterDevice => MessageKey.KindCharacterDevice,
        EntryKind.BlockDevice => MessageKey.KindBlockDevice,
        EntryKind.Socket => MessageKey.KindSocket,
        EntryKind.Link => MessageKey.KindLink,
        EntryKind.Missing => MessageKey.KindMissing,
        EntryKind.Regular => MessageKey.KindRegularFile,
        _ => MessageKey.KindSpecialFile,
    });

    /// <summary>The absolute path of <paramref name="path"/> with every link resolved, or null when it does not exist.</summary>
    /// <exception cref="IOException">When it cannot be resolved (a loop of links, no permission).</exception>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full) && !Directory.Exists(full)) return null;
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            return target?.FullName ?? full;
        }
        nint resolved = NativeRealPath(path, 0);
        if (resolved == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return null;
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeMemory.Free((void*)resolved);
        }
    }

    /// <summary>The real path of <paramref name="path"/> even when its last parts do not exist yet: the deepest existing
    /// ancestor is resolved and the rest appended (an output folder about to be created).</summary>
    public static string CanonicalPath(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rest = new Stack<string>();
        string? current = full;
        while (current is not null)
        {
            if (RealPath(current) is { } real)
            {
                while (rest.Count > 0) real = Path.Combine(real, rest.Pop());
                return real;
            }
            rest.Push(Path.GetFileName(current));
            current = Path.GetDirectoryName(current);
        }
        return full;
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="folder"/> (both canonical).</summary>
    public static bool IsInside(string path, string folder)
    {
        string prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>Whether the open <paramref name="file"/> is still the entry named <paramref name="path"/> (not deleted or
    /// replaced since it was opened); always true where this cannot be told.</summary>
    public static bool IsSameFile(FileStream file, string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        Span<byte> opened = stackalloc byte[StatxBufferBytes];
        Span<byte> named = stackalloc byte[StatxBufferBytes];
        bool added = false;
        var handle = file.SafeFileHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            if (Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxIno, opened) != 0) return true;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxIno, named) != 0) return false;
        return opened.Slice(StatxInoOffset, 8).SequenceEqual(named.Slice(StatxInoOffset, 8))
            && opened.Slice(StatxDevMajorOffset, 8).SequenceEqual(named.Slice(StatxDevMajorOffset, 8));
    }

    private const int Enoent = 2;
    private const int Enotdir = 20;

    private static EntryKind LinuxKind(string path, bool followLinks)
    {
        Span<byte> buffer = stackalloc byte[StatxBufferBytes];
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return EntryKind.Missing;
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        return FromMode(BitConverter.ToUInt16(buffer.Slice(StatxModeOffset, 2)));
    }

    private static EntryKind MacKind(string path, bool followLinks)
    {
        // struct stat with 64-bit inodes (the only one on arm64, the $INODE64 symbols on x64): st_mode is the uint16 at offset 4.
        Span<byte> buffer = stackalloc byte[256];
        bool x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        int rc = (followLinks, x64) switch
        {
            (true, true) => MacStat64(path, buffer),
            (true, false) => MacStat(path, buffer),
            (false, true) => MacLstat64(path, buffer),
            (false, false) => MacLstat(path, buffer),
        };
        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return EntryKind.Missing;
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        return FromMode(BitConverter.ToUInt16(buffer.Slice(4, 2)));
    }

    private static EntryKind FromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryKind.Regular,
        0x4000 => EntryKind.Directory,
        0xA000 => EntryKind.Link,
        0x1000 => EntryKind.Fifo,
        0x2000 => EntryKind.CharacterDevice,
        0x6000 => EntryKind.BlockDevice,
        0xC000 => EntryKind.Socket,
        _ => EntryKind.Other,
    };

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint NativeRealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MacStat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MacLstat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MacStat64(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "lstat$INODE64", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MacLstat64(string path, Span<byte> buffer);
}
