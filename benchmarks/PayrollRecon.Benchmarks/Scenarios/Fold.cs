using System.Runtime.CompilerServices;

using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>Folds parsed values into a checksum, so no parse is dead code and both libraries can be compared.</summary>
internal static class Fold
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Mix(long acc, long value) => unchecked(acc * 31 + value);

    /// <summary>A text field as length and last byte: touches the value without hashing it all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Text(ReadOnlySpan<byte> value) => value.IsEmpty ? 0 : (value.Length << 8) | value[^1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Bank(
        long acc,
        ReadOnlySpan<byte> txnId,
        DateOnly date,
        TimeOnly? timeOfDay,
        BankDirection direction,
        Money amount,
        Money? balance,
        ReadOnlySpan<byte> counterpartyName,
        ReadOnlySpan<byte> counterpartyAccount,
        ReadOnlySpan<byte> memo,
        ReadOnlySpan<byte> batchId)
    {
        acc = Mix(acc, Text(txnId));
        acc = BankValues(acc, date, timeOfDay, direction, amount, balance);
        acc = Mix(acc, Text(counterpartyName));
        acc = Mix(acc, Text(counterpartyAccount));
        acc = Mix(acc, Text(memo));
        return Mix(acc, Text(batchId));
    }

    /// <summary>The parsed values of a bank row, folded between its transaction id and its text fields (see <see cref="Bank"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BankValues(long acc, DateOnly date, TimeOnly? timeOfDay, BankDirection direction, Money amount, Money? balance)
    {
        acc = Mix(acc, date.DayNumber);
        acc = Mix(acc, timeOfDay is { } t ? t.Ticks : -1);
        acc = Mix(acc, (long)direction);
        acc = Mix(acc, amount.Fen);
        return Mix(acc, balance is { } b ? b.Fen : -1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Attendance(long acc, ReadOnlySpan<byte> idNumber, DateTime time, PunchDirection direction)
    {
        acc = Mix(acc, Text(idNumber));
        acc = Mix(acc, time.Ticks);
        return Mix(acc, (long)direction);
    }
}
