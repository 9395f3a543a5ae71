using PayrollRecon.Cli;

namespace PayrollRecon.Tests.Cli;

public sealed class HeapPagesTests
{
    private static readonly string[] Maps =
    [
        "562bb5bc5000-562bb61ff000 r-xp 00000000 fd:01 1234 /tmp/aot/PayrollRecon.Cli",
        "7fde13475000-7fde13476000 ---p 00000000 00:00 0 ",
        "7fde13476000-7fde13c76000 rw-p 00000000 00:00 0",
        "7fde19400000-7fde19800000 ---p 00000000 00:00 0",
        "7fde19800000-7fde1bbd5000 rw-p 00000000 00:00 0",
        "7fde1bbd5000-7fde1bc00000 ---p 00000000 00:00 0",
        "7fde1bc00000-7fde1ff34000 rw-p 00000000 00:00 0",
        "7fde1ff34000-7fe9dc000000 ---p 00000000 00:00 0",
        "7fe9dc000000-7fe9dc021000 rw-p 00000000 00:00 0",
        "7fe9e2133000-7fe9e2289000 r-xp 00028000 fd:01 5678 /usr/lib/x86_64-linux-gnu/libc.so.6",
    ];

    [Fact]
    public void FindRun_FromTheSmallObjectsMappingToTheFirstNamedOne()
    {
        var run = HeapPages.FindRun(Maps, unchecked((nint)0x7fde19900000), unchecked((nint)0x7fde1bd00000));
        // Adjacent anonymous mappings, reserved or committed, up to libc's (the mapping at 7fe9dc000000 adjoins the reserve).
        Assert.Equal((unchecked((nint)0x7fde19800000), unchecked((nint)(0x7fe9dc021000 - 0x7fde19800000))), run);
    }

    [Fact]
    public void FindRun_StopsAtAGap()
    {
        string[] maps = ["1000-3000 rw-p 00000000 00:00 0", "3000-5000 ---p 00000000 00:00 0", "6000-9000 rw-p 00000000 00:00 0"];
        Assert.Equal(((nint)0x1000, (nint)0x4000), HeapPages.FindRun(maps, 0x1100, 0x4fff));
        // The large object beyond the gap: the range cannot be told.
        Assert.Null(HeapPages.FindRun(maps, 0x1100, 0x6100));
    }

    [Fact]
    public void FindRun_NullForAFileMappingOrAnAddressNotMapped()
    {
        Assert.Null(HeapPages.FindRun(Maps, unchecked((nint)0x562bb5bc6000), unchecked((nint)0x562bb5bc7000)));
        Assert.Null(HeapPages.FindRun(Maps, 0x10, 0x20));
        Assert.Null(HeapPages.FindRun(["not a maps line"], 0x10, 0x20));
    }

    [Fact]
    public void AdviseHugePages_OnLinux_TheHeapsMappingsCarryTheAdvice()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(HeapPages.AdviseHugePages());
            return;
        }
        var advised = HeapPages.AdviseHugePages();
        Assert.NotNull(advised);
        var (start, length) = advised.Value;
        Assert.True(length > 0);

        // smaps lists each mapping's flags; "hg" is MADV_HUGEPAGE. Every mapping of the advised range has it.
        int checkedMappings = 0;
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out long from))
            {
                inside = from >= start && from < start + length;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                Assert.Contains(" hg", line, StringComparison.Ordinal);
                checkedMappings++;
            }
        }
        Assert.True(checkedMappings > 0);
    }
}
