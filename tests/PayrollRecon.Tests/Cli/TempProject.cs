using System.Text;

namespace PayrollRecon.Tests.Cli;

/// <summary>A throw-away project folder written from inline file contents.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(IReadOnlyDictionary<string, string> files)
    {
        Dir = Path.Combine(Path.GetTempPath(), "payrollrecon-test-" + UniqueName());
        Directory.CreateDirectory(Dir);
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(Dir, name), content, new UTF8Encoding(false));
    }

    public string Dir { get; }

    /// <summary>A unique name without digits: a run of digits in a path may look like an ID or card number and be
    /// masked in the message that names it, which would make an exact-message test fail now and then.</summary>
    public static string UniqueName() => string.Concat(Guid.NewGuid().ToString("N").Select(static c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));

    public string Path_(string name) => Path.Combine(Dir, name);

    /// <summary>A small, clean project: two daily workers, one day of January 2024 attendance each, both paid on time.</summary>
    public static Dictionary<string, string> Small() => new()
    {
        ["project.json"] = """{ "code": "T-0001", "name": "测试项目", "asOf": "2024-04-01", "payDay": 15 }""",
        ["workers.csv"] = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate\n" +
                          "W1,张三,110105199003070017,6222020200112233445,甲劳务有限公司,daily,300\n" +
                          "W2,李四,110105199003070025,6222020200112233446,甲劳务有限公司,daily,300\n",
        ["attendance.csv"] = "id_number,time\n" +
                             "110105199003070017,2024-01-08 07:30\n110105199003070017,2024-01-08 17:30\n" +
                             "110105199003070025,2024-01-08 07:30\n110105199003070025,2024-01-08 17:30\n",
        ["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                       "T1,2024-01-02 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                       "T2,2024-02-07 10:00,D,300.00,700.00,张三,6222020200112233445,2024年1月工资\n" +
                       "T3,2024-02-07 10:01,D,300.00,400.00,李四,6222020200112233446,2024年1月工资\n",
    };

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
