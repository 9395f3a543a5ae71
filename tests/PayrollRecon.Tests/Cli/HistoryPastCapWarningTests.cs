using PayrollRecon.Cli;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Cli;

/// <summary>A run whose history holds more finding ids than a later run reads back as its previous one says so when it
/// writes it (PreviousRun.MaxHistoryRows).</summary>
public sealed class HistoryPastCapWarningTests
{
    [Fact]
    public void HistoryPastCapWarning_MoreRowsThanALaterRunReads_SaysSoInEitherLanguage()
    {
        Assert.Equal(
            "payrollrecon: warning: out/history.csv holds 2,000,007 finding ids; a later check reads at most 1,000,000 from its previous run (--previous) and will refuse this folder",
            CheckCommand.HistoryPastCapWarning(2_000_007, 1_000_000, "out", ReportLanguage.En));
        Assert.Equal(
            "payrollrecon: 警告: out/history.csv 含 2,000,007 个问题编号；之后的检查最多从上次结果（--previous）读取 1,000,000 个，将拒绝读取此文件夹",
            CheckCommand.HistoryPastCapWarning(2_000_007, 1_000_000, "out", ReportLanguage.Zh));
    }

    [Fact]
    public void HistoryPastCapWarning_AtTheCap_None()
    {
        Assert.Null(CheckCommand.HistoryPastCapWarning(1_000_000, 1_000_000, "out", ReportLanguage.En));
        Assert.Null(CheckCommand.HistoryPastCapWarning(0, 1_000_000, "out", ReportLanguage.En));
    }
}
