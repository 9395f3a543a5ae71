using System.Runtime.InteropServices;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Hard links (.NET has symbolic links only): a second name for a file's bytes, costing no space and no copy.</summary>
internal static partial class HardLink
{
    /// <summary>Makes <paramref name="link"/> a new name of the file <paramref name="existing"/>. Returns false when the file
    /// system cannot (another device, links not supported): the caller copies instead.</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (OperatingSystem.IsWindows())
        {
            if (CreateHardLink(link, existing, 0)) return true;
            // ERROR_NOT_SAME_DEVICE, ERROR_INVALID_FUNCTION and ERROR_NOT_SUPPORTED (FAT, network shares): copy.
            int error = Marshal.GetLastPInvokeError();
            if (error is 17 or 1 or 50) return false;
            throw new CliException(MessageKey.MergeCannotLink, link, existing, Marshal.GetPInvokeErrorMessage(error));
        }

        if (Link(existing, link) == 0) return true;
        // EXDEV (another file system), EPERM (a file system without links), EMLINK (too many links), ENOTSUP (95 Linux, 45 BSD).
        int errno = Marshal.GetLastPInvokeError();
        if (errno is 18 or 1 or 31 or 95 or 45) return false;
        throw new CliException(MessageKey.MergeCannotLink, link, existing, Marshal.GetPInvokeErrorMessage(errno));
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string link, string existing, nint securityAttributes);
}
