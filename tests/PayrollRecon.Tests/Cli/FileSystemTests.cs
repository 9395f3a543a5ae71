using System.Diagnostics;
using System.Net.Sockets;
using PayrollRecon.Cli;

namespace PayrollRecon.Tests.Cli;

/// <summary><c>check</c> examines every input before opening it: only regular files (or links to regular files inside the
/// project folder) are read, anything else is one line and exit 2, never a hang or an endless read.</summary>
public sealed class FileSystemTests
{
    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Theory]
    [InlineData("bank.csv", "fifo", "bank.csv: not a regular file (a named pipe)")]
    [InlineData("workers.csv", "fifo", "workers.csv: not a regular file (a named pipe)")]
    [InlineData("attendance.csv", "fifo", "attendance.csv: not a regular file (a named pipe)")]
    [InlineData("project.json", "fifo", "project.json: not a regular file (a named pipe)")]
    [InlineData("bank.csv", "dev-zero", "bank.csv: not a regular file (a link to a character device)")]
    [InlineData("bank.csv", "folder", "bank.csv: not a regular file (a folder)")]
    [InlineData("bank.csv", "socket", "bank.csv: not a regular file (a socket)")]
    [InlineData("workers.csv", "passwd", "workers.csv: a link to a file outside the project folder (not read)")]
    [InlineData("bank.csv", "dangling", "bank.csv: a link to nothing (its target does not exist)")]
    [InlineData("bank.csv", "loop", "bank.csv: cannot be examined (Too many levels of symbolic links)")]
    public void Check_InputThatIsNotARegularFile_OneLineExitTwoNoHang(string name, string what, string expected)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var project = new TempProject(TempProject.Small());
        string path = project.Path_(name);
        File.Delete(path);
        // A socket's file lasts as long as the socket bound to it.
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        switch (what)
        {
            case "fifo": MakeFifo(path); break;
            case "dev-zero": File.CreateSymbolicLink(path, "/dev/zero"); break;
            case "folder": Directory.CreateDirectory(path); break;
            case "passwd": File.CreateSymbolicLink(path, "/etc/passwd"); break;
            case "dangling": File.CreateSymbolicLink(path, project.Path_("gone.csv")); break;
            case "loop": File.CreateSymbolicLink(path, path); break;
            case "socket": listener.Bind(new UnixDomainSocketEndPoint(path)); break;
        }
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(expected + Environment.NewLine, error);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(project.Path_("out")));
    }

    [Fact]
    public void Check_LinkToAFileInsideTheProjectFolder_IsRead()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var project = new TempProject(TempProject.Small());
        Directory.CreateDirectory(project.Path_("exports"));
        File.Move(project.Path_("bank.csv"), project.Path_("exports/statement.csv"));
        File.CreateSymbolicLink(project.Path_("bank.csv"), "exports/statement.csv");
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal("", error);
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData("--months", "10000", "payrollrecon: --months: expected a number from 1 to 240, got 10000")]
    [InlineData("--workers", "10000000", "payrollrecon: --workers: expected a number from 1 to 1000000, got 10000000")]
    [InlineData("--projects", "0", "payrollrecon: --projects: expected a number from 1 to 100000, got 0")]
    [InlineData("--projects", "100001", "payrollrecon: --projects: expected a number from 1 to 100000, got 100001")]
    [InlineData("--defect-rate", "2", "payrollrecon: --defect-rate: expected a number from 0 to 1, got 2")]
    public void Generate_OptionOutOfRange_OneLineNamingItsRangeExitTwo(string option, string value, string expected)
    {
        string outDir = Path.Combine(Path.GetTempPath(), "payrollrecon-gen-" + Guid.NewGuid().ToString("N"));
        var (exit, error) = Run("generate", outDir, option, value);
        Assert.Equal(expected + Environment.NewLine, error);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(outDir));
    }
}
