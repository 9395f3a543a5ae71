using System.Buffers.Text;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
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
    public void ArenaSliceSet_ManyKeysPastItsInitialSize_FindsEveryKeyAdded()
    {
        var arena = new Utf8Arena(16);
        var set = new ArenaSliceSet(arena, 2);
        for (int i = 0; i < 1_000; i++)
        {
            byte[] key = Encoding.UTF8.GetBytes($"T{i % 700}");
            bool seen = set.TryGetValue(key, out int first);
            Assert.Equal(i >= 700, seen);
            Assert.Equal(i >= 700 ? i - 700 : -1, first);
            if (!seen) set.Add(arena.Add(key), key.Length, i);
        }
        Assert.Equal(700, set.Count);
        Assert.True(set.TryGetValue("T699"u8, out int value));
        Assert.Equal(699, value);
        Assert.False(set.TryGetValue("T700"u8, out _));
        Assert.False(set.TryGetValue("T"u8, out _));
    }

    [Fact]
    public void TxnRepeatSet_SameIdOtherDirectionAmountOrDate_IsAnotherLine()
    {
        // R15: one serial number on a fee and on its transfer are two lines; only id, date, direction and amount together repeat.
        var day = new DateOnly(2024, 4, 12);
        var (set, lines) = RepeatSet(
            (day, "V0001", true, 6600_00),
            (day, "V0001", true, 2_00),
            (day, "V0001", false, 6600_00),
            (day.AddDays(1), "V0001", true, 6600_00),
            (day.AddDays(1), "V0001", true, 6600_00),
            (day.AddDays(1), "", true, 6600_00),
            (day.AddDays(1), "", true, 6600_00),
            (day.AddDays(1), "V0001", true, 6600_00));

        var firsts = new int[lines];
        for (int i = 0; i < lines; i++) firsts[i] = set.TryGetOrAdd(i, out int first) ? first : -1;
        Assert.Equal([-1, -1, -1, -1, 3, -1, -1, 3], firsts);
    }

    [Fact]
    public void TxnRepeatSet_ABusyDate_GrowsAndStillFindsEveryRepeat()
    {
        // 5,000 lines on one date (past the first sizes), each id twice, then the next date with the same ids: none repeats.
        var day = new DateOnly(2024, 4, 12);
        var specs = new List<(DateOnly, string, bool, long)>();
        for (int i = 0; i < 5_000; i++) specs.Add((day, $"T{i % 2_500}", true, 100));
        for (int i = 0; i < 100; i++) specs.Add((day.AddDays(1), $"T{i}", true, 100));
        var (set, lines) = RepeatSet([.. specs]);
        for (int i = 0; i < lines; i++)
        {
            bool seen = set.TryGetOrAdd(i, out int first);
            Assert.Equal(i is >= 2_500 and < 5_000, seen);
            Assert.Equal(seen ? i - 2_500 : -1, first);
        }
    }

    [Fact]
    public void TxnRepeatSet_ADateComingBackAfterAnother_StartsAfreshAndNeverFillsTheTable()
    {
        // Reading order never brings a date back; were it to, the date's second run holds its own lines only: 3 × 3,000
        // lines of one date in three runs would fill a table sized for one run if the runs were taken as one.
        var day = new DateOnly(2024, 4, 12);
        var specs = new List<(DateOnly, string, bool, long)>();
        for (int run = 0; run < 3; run++)
        {
            for (int i = 0; i < 3_000; i++) specs.Add((day, $"R{run}-{i}", true, 100));
            if (run == 2) specs.Add((day, "R2-5", true, 100));
            specs.Add((day.AddDays(1), $"R{run}-0", true, 100));
        }
        var (set, lines) = RepeatSet([.. specs]);
        var repeats = new List<(int Line, int First)>();
        for (int i = 0; i < lines; i++)
        {
            if (set.TryGetOrAdd(i, out int first)) repeats.Add((i, first));
        }
        Assert.Equal([(2 * 3_001 + 3_000, 2 * 3_001 + 5)], repeats);
    }

    [Fact]
    public void TxnRepeatSet_Property_AgreesWithEveryEarlierLineOfItsDate()
    {
        // Lines in date order with few ids, directions and amounts, so that repeats are frequent: each line's answer is the
        // first earlier line with the same id, date, direction and amount (none for an empty id).
        var line =
            from day in Gen.Choose(0, 3)
            from id in Gen.Choose(0, 4)
            from debit in Gen.Elements(true, false)
            from amount in Gen.Choose(0, 2)
            select (Date: new DateOnly(2024, 1, 1).AddDays(day), TxnId: id == 0 ? "" : $"V{id}", IsDebit: debit, AmountFen: (long)amount);
        Prop.ForAll(Arb.From(Gen.ListOf(line)), list =>
        {
            var specs = list.OrderBy(l => l.Date).ToArray();
            var (set, lines) = RepeatSet(specs);
            for (int i = 0; i < lines; i++)
            {
                var s = specs[i];
                int expected = s.TxnId.Length == 0 ? -1 : Array.FindIndex(specs, 0, i, e => e == s);
                Assert.Equal(expected, set.TryGetOrAdd(i, out int first) ? first : -1);
            }
        }).Check(PropertyConfig.Quick(300));
    }

    private static (TxnRepeatSet Set, int Lines) RepeatSet(params (DateOnly Date, string TxnId, bool IsDebit, long AmountFen)[] specs)
    {
        var arena = new Utf8Arena(16);
        var lines = new GrowingArray<StoredBankLine>();
        for (int i = 0; i < specs.Length; i++)
        {
            var (date, txnId, isDebit, amount) = specs[i];
            byte[] txn = Encoding.UTF8.GetBytes(txnId);
            lines.Add(new StoredBankLine(i + 2, arena.Add(txn), txn.Length, date, isDebit, BankLineStatus.Succeeded, amount, null, -1, -1, -1, -1));
        }
        return (new TxnRepeatSet(arena, lines), specs.Length);
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
