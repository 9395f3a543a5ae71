using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class StatementTests
{
    private static DateOnly Feb(int day) => new(2024, 2, day);

    private static (Statement Statement, List<Finding> Findings) NewStatement()
    {
        var findings = new List<Finding>();
        return (new Statement("bank.csv", "batches.csv", Reconciler.MaxBatchLines, new TextInterner(), new CounterpartyText(), findings), findings);
    }

    /// <summary>Reads the statement as the classifier does: each line into the balance chain, in reading order.</summary>
    private static void Chain(Statement statement)
    {
        statement.BeginReading();
        foreach (int index in statement.ReadingOrder())
        {
            ref readonly var line = ref statement.BankLine(index);
            statement.ChainBalance(index, line.IsDebit ? -line.AmountFen : line.AmountFen);
        }
    }

    [Fact]
    public void ChainBalance_BreakAfterACarriedBalance_ReportsExpectedAndReportedThenRestartsFromReported()
    {
        var (statement, findings) = NewStatement();
        statement.AddBankLine(Rows.Bank(2, "A", Feb(1), false, 10000_00, balance: 10000_00));
        statement.AddBankLine(Rows.Bank(3, "B", Feb(2), true, 900_00));                     // carries 9100
        statement.AddBankLine(Rows.Bank(4, "C", Feb(3), true, 100_00, balance: 8000_00));   // 9000 expected
        statement.AddBankLine(Rows.Bank(5, "D", Feb(4), true, 1000_00, balance: 7000_00));  // from 8000: fine

        Chain(statement);

        var brk = Assert.Single(findings);
        Assert.Equal(FindingCode.BalanceBreak, brk.Code);
        Assert.Equal(new Money(9000_00), brk.Expected);
        Assert.Equal(new Money(8000_00), brk.Actual);
        Assert.Equal(new Money(100_00), brk.Amount);
        Assert.Equal(Feb(3), brk.EventDate);
        Assert.Equal(["C"], brk.TxnIds);
        Assert.Equal("bank.csv:4", brk.Source);
        Assert.Equal("C", brk.Anchor);
    }

    [Fact]
    public void IsRepeat_SameTxnIdDateDirectionAndAmount_RepeatsTheFirstOnly()
    {
        var (statement, _) = NewStatement();
        statement.AddBankLine(Rows.Bank(2, "V1", Feb(1), true, 6600_00));
        statement.AddBankLine(Rows.Bank(3, "V1", Feb(1), true, 2_00));    // a fee under the same serial
        statement.AddBankLine(Rows.Bank(4, "V1", Feb(1), true, 6600_00)); // the transfer again
        statement.AddBankLine(Rows.Bank(5, "", Feb(1), true, 6600_00));
        statement.AddBankLine(Rows.Bank(6, "", Feb(1), true, 6600_00));   // no txn id: never a repeat
        statement.BeginReading();

        var repeats = new List<(bool, int)>();
        foreach (int index in statement.ReadingOrder())
            repeats.Add((statement.IsRepeat(index, out int first), first));

        Assert.Equal([(false, -1), (false, -1), (true, 0), (false, -1), (false, -1)], repeats);
    }

    [Fact]
    public void ReadingOrder_NewestFirstAndShuffledStatements_LineOrderReversedOrDateSorted()
    {
        var (newest, _) = NewStatement();
        newest.AddBankLine(Rows.Bank(2, "A", Feb(9), true, 1_00));
        newest.AddBankLine(Rows.Bank(3, "B", Feb(9), true, 1_00));
        newest.AddBankLine(Rows.Bank(4, "C", Feb(1), true, 1_00));
        Assert.True(newest.NewestFirst);
        Assert.Equal([2, 1, 0], newest.ReadingOrder());

        var (shuffled, _) = NewStatement();
        shuffled.AddBankLine(Rows.Bank(2, "A", Feb(5), true, 1_00));
        shuffled.AddBankLine(Rows.Bank(3, "B", Feb(1), true, 1_00));
        shuffled.AddBankLine(Rows.Bank(4, "C", Feb(5), true, 1_00));
        shuffled.AddBankLine(Rows.Bank(5, "D", Feb(6), true, 1_00));
        Assert.False(shuffled.NewestFirst);
        Assert.Equal([1, 0, 2, 3], shuffled.ReadingOrder());
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(1L << 41)] // past the packed sort key's 40 bits of line number: sorted on pairs
    [InlineData(-50L)] // a host's rows numbered below 0: sorted on pairs
    public void ReadingOrder_Property_DateThenLineOrReversedLineWhenNewestFirst(long firstLine)
    {
        // Unsorted statements of a few dates, with gaps in the line numbers: the order is by date, then by line (R14),
        // or by line descending when the last line is dated before the first (R40).
        var lines = Gen.ListOf(Gen.Zip(Gen.Choose(1, 6), Gen.Choose(1, 3)));
        Prop.ForAll(Arb.From(lines), spec =>
        {
            var (statement, _) = NewStatement();
            long line = firstLine;
            var added = new List<(int Day, long Line)>();
            foreach (var (day, gap) in spec)
            {
                statement.AddBankLine(Rows.Bank(line, "T" + line, Feb(day), true, 1_00));
                added.Add((day, line));
                line += gap;
            }
            bool newestFirst = added.Count > 1 && added[^1].Day < added[0].Day;
            int[] expected = [.. Enumerable.Range(0, added.Count).OrderBy(i => added[i].Day).ThenBy(i => newestFirst ? -added[i].Line : added[i].Line)];
            Assert.Equal(newestFirst, statement.NewestFirst);
            Assert.Equal(expected, statement.ReadingOrder());
        }).Check(PropertyConfig.Quick(300));
    }

    [Fact]
    public void Anchor_LinesWithoutTxnId_DateAmountDigitsAndTheirCountInReadingOrder()
    {
        var (statement, _) = NewStatement();
        statement.AddBankLine(Rows.Bank(2, "", Feb(1), true, 100_00, account: "6222 0001"));
        statement.AddBankLine(Rows.Bank(3, "", Feb(1), true, 100_00, account: "62220001"));
        statement.AddBankLine(Rows.Bank(4, "T9", Feb(1), true, 100_00, account: "62220001"));

        Assert.Equal("2024-02-01|10000|62220001|1", statement.Anchor(0));
        Assert.Equal("2024-02-01|10000|62220001|2", statement.Anchor(1));
        Assert.Equal("T9", statement.Anchor(2));
        Assert.Equal("T9", statement.TxnId(2));
        Assert.Null(statement.TxnId(0));
    }

    [Fact]
    public void Neighbours_LineBetweenStoredLines_TheReadableLinesAroundIt()
    {
        var (statement, _) = NewStatement();
        statement.AddBankLine(Rows.Bank(2, "A", Feb(1), true, 1_00));
        statement.AddBankLine(Rows.Bank(5, "B", Feb(3), true, 1_00));

        var (before, after) = statement.Neighbours(4);
        Assert.Equal(2, before?.Line);
        Assert.Equal(5, after?.Line);
        Assert.Null(statement.Neighbours(1).Before);
        Assert.Null(statement.Neighbours(6).After);
    }

    [Fact]
    public void DetailOrdinal_InterleavedBatches_CountsSameAmountAndAccountDigitsWithinTheBatchInFileOrder()
    {
        var (statement, _) = NewStatement();
        void Detail(long line, string batch, string account, long fen, string memo = "") => statement.AddBatchLine(new PayrollRecon.Records.BatchRow
        {
            Line = line,
            BatchId = System.Text.Encoding.UTF8.GetBytes(batch),
            BankAccount = System.Text.Encoding.UTF8.GetBytes(account),
            Name = "张三"u8,
            Amount = new Money(fen),
            Status = PayrollRecon.Records.BatchStatus.Success,
            Memo = System.Text.Encoding.UTF8.GetBytes(memo),
        });
        Detail(2, "PL1", "6222 0001", 100_00);
        Detail(3, "PL2", "62220001", 100_00);
        Detail(4, "PL1", "62220001", 100_00, "补发");  // the same digits as line 2
        Detail(5, "PL1", "62220001", 200_00);
        Detail(6, "PL2", "6222-0001", 100_00);
        Detail(7, "PL1", "62220002", 100_00);
        Detail(8, "PL1", "6222 0001", 100_00);

        Assert.Equal([1, 1, 2, 1, 2, 1, 3], Enumerable.Range(0, 7).Select(statement.DetailOrdinal));
        Assert.Equal(("6222 0001", "张三", "补发", ""), (statement.DetailAccount(0), statement.DetailName(2), statement.DetailMemo(2), statement.DetailMemo(0)));
        Assert.Equal((2, 4, -1), (statement.NextDetail(0), statement.NextDetail(1), statement.NextDetail(6)));
    }
}
