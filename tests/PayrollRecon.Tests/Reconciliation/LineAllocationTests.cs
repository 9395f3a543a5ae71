using System.Buffers.Text;
using System.Text;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;
using Xunit;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class LineAllocationTests
{
    private const int Rows = 200_000;
    private const int Counterparties = 50;

    private static readonly byte[][] Names = Texts("工人{0}");
    private static readonly byte[][] Accounts = Texts("6222 0000 0000 {0:D4}");
    private static readonly byte[][] Memos = Texts("2024年{0}月工资");
    private static readonly byte[][] BatchIds = Texts("PL{0:D6}");

    private static byte[][] Texts(string format)
    {
        var texts = new byte[Counterparties][];
        for (int i = 0; i < texts.Length; i++) texts[i] = Encoding.UTF8.GetBytes(string.Format(format, i + 1));
        return texts;
    }

    private static Reconciler NewReconciler() =>
        new(new ProjectSettings { Code = "T-1", AsOf = new DateOnly(2024, 4, 1), PayDay = 15 }, new ReconcilerOptions { BatchesSupplied = true });

    private static void AddBankLines(Reconciler r, int first, int count)
    {
        Span<byte> txn = stackalloc byte[24];
        txn[0] = (byte)'T';
        for (int i = first; i < first + count; i++)
        {
            Utf8Formatter.TryFormat(i, txn[1..], out int digits);
            int k = i % Counterparties;
            r.AddBankLine(new BankRow
            {
                Line = i + 2,
                TxnId = txn[..(digits + 1)],
                Date = new DateOnly(2024, 3, 15),
                TimeOfDay = null,
                Direction = BankDirection.Debit,
                Amount = new Money(100_00 + k),
                Balance = null,
                CounterpartyName = Names[k],
                CounterpartyAccount = Accounts[k],
                Memo = Memos[k],
                BatchId = default,
            });
        }
    }

    private static void AddBatchLines(Reconciler r, int first, int count)
    {
        for (int i = first; i < first + count; i++)
        {
            int k = i % Counterparties;
            r.AddBatchLine(new BatchRow
            {
                Line = i + 2,
                BatchId = BatchIds[i / 4000 % Counterparties],
                BankAccount = Accounts[k],
                Name = Names[k],
                Amount = new Money(100_00 + k),
                Status = BatchStatus.Success,
                Memo = Memos[k],
            });
        }
    }

    [Fact]
    public void AddBankLine_UniqueTxnIdsAfterReserving_AllocatesUnderTwoBytesPerRow()
    {
        var r = NewReconciler();
        AddBankLines(r, 0, 1_000);
        r.ReserveLines(Rows, 0, Rows * 8);

        long before = GC.GetAllocatedBytesForCurrentThread();
        AddBankLines(r, 1_000, Rows);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2L * Rows, $"{allocated} bytes for {Rows} rows");
    }

    [Fact]
    public void AddBatchLine_FiftyCounterpartiesAfterReserving_AllocatesUnderTwoBytesPerRow()
    {
        var r = NewReconciler();
        AddBatchLines(r, 0, 1_000);
        r.ReserveLines(0, Rows, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        AddBatchLines(r, 1_000, Rows);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2L * Rows, $"{allocated} bytes for {Rows} rows");
    }

    [Fact]
    public void ReserveFor_FilesOfTheirLinesSize_RoomForEveryLineSoNoneIsCopied()
    {
        // A statement of 64 bytes a line and a batch file of 48: the stores are sized from the file once, not doubled.
        var r = NewReconciler();
        AddBatchLines(r, 0, 1_000);
        r.ReserveFor(PayrollRecon.Reading.InputKind.Batches, (long)Rows * Reconciler.BatchBytesPerLine);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AddBatchLines(r, 1_000, Rows);
        long batches = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(batches < 2L * Rows, $"{batches} bytes for {Rows} batch lines");

        AddBankLines(r, 0, 1_000);
        r.ReserveFor(PayrollRecon.Reading.InputKind.Bank, (long)Rows * Reconciler.StatementBytesPerLine);
        r.ReserveLines(0, 0, Rows * 8); // the txn ids' bytes, which the file size does not tell
        before = GC.GetAllocatedBytesForCurrentThread();
        AddBankLines(r, 1_000, Rows);
        long bank = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(bank < 2L * Rows, $"{bank} bytes for {Rows} statement lines");
    }

    [Fact]
    public void ArenaSliceSet_ManyKeysPastItsInitialSize_FindsEveryEarlierEqualKey()
    {
        var arena = new Utf8Arena(16);
        var set = new ArenaSliceSet<NoTag>(arena, 2);
        for (int i = 0; i < 1_000; i++)
        {
            byte[] key = Encoding.UTF8.GetBytes($"T{i % 700}");
            int offset = arena.Add(key);
            bool seen = set.TryGetOrAdd(offset, key.Length, default, i, out int first);
            Assert.Equal(i >= 700, seen);
            Assert.Equal(i >= 700 ? i - 700 : -1, first);
        }
        Assert.Equal(700, set.Count);
        Assert.True(set.TryGetValue("T699"u8, default, out int value));
        Assert.Equal(699, value);
        Assert.False(set.TryGetValue("T700"u8, default, out _));
    }

    [Fact]
    public void ArenaSliceSet_SameBytesOtherTag_IsAnotherKey()
    {
        // R15: one serial number on a fee and on its transfer are two lines; only bytes and tag together repeat.
        var arena = new Utf8Arena(16);
        var set = new ArenaSliceSet<TxnRepeatKey>(arena, 2);
        var transfer = new TxnRepeatKey(new DateOnly(2024, 4, 12).DayNumber, IsDebit: true, 6600_00);
        var fee = transfer with { AmountFen = 2_00 };
        var credit = transfer with { IsDebit = false };
        var nextDay = transfer with { DayNumber = transfer.DayNumber + 1 };
        int Add(TxnRepeatKey tag, int value, out int first)
        {
            int offset = arena.Add("V0001"u8);
            return set.TryGetOrAdd(offset, 5, tag, value, out first) ? 1 : 0;
        }

        Assert.Equal(0, Add(transfer, 0, out _));
        Assert.Equal(0, Add(fee, 1, out _));
        Assert.Equal(0, Add(credit, 2, out _));
        Assert.Equal(0, Add(nextDay, 3, out _));
        Assert.Equal(1, Add(fee, 4, out int firstFee));
        Assert.Equal(1, firstFee);
        Assert.Equal(4, set.Count);
        Assert.True(set.TryGetValue("V0001"u8, transfer, out int value));
        Assert.Equal(0, value);
        Assert.False(set.TryGetValue("V0002"u8, transfer, out _));
    }

    [Fact]
    public void TextInterner_SameBytesTwice_ReturnsTheSameString()
    {
        var interner = new TextInterner();
        string first = interner.Get("张三"u8);
        string again = interner.Get("张三"u8);

        Assert.Equal("张三", first);
        Assert.Same(first, again);
        Assert.Same(string.Empty, interner.Get(default));
        Assert.Equal("张", interner.Get("张"u8));
    }
}
