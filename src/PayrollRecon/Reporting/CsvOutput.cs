using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>Writes RFC 4180 records with the formula-injection guard of SPEC §4, field by field, without building rows.</summary>
internal sealed class CsvOutput : IDisposable
{
    private readonly TextWriter _writer;
    private char[] _scratch = ArrayPool<char>.Shared.Rent(256);
    private bool _rowStarted;
    private StringBuilder? _text;

    internal CsvOutput(TextWriter writer) => _writer = writer;

    /// <summary>Writes one field, quoted when needed and prefixed with <c>'</c> when it could start a formula.</summary>
    internal void Field(ReadOnlySpan<char> value)
    {
        if (_rowStarted) _writer.Write(',');
        _rowStarted = true;
        bool guard = NeedsFormulaGuard(value);
        bool quote = value.IndexOfAny(",\"\r\n") >= 0;
        if (quote) _writer.Write('"');
        if (guard) _writer.Write('\'');
        if (quote)
        {
            int i;
            while ((i = value.IndexOf('"')) >= 0)
            {
                _writer.Write(value[..(i + 1)]);
                _writer.Write('"');
                value = value[(i + 1)..];
            }
        }

        _writer.Write(value);
        if (quote) _writer.Write('"');
    }

    /// <summary>
    /// Writes a field the caller knows needs neither quoting nor the formula guard: a number, a date, a period or a
    /// fixed keyword, or text already rendered by <see cref="Field(ReadOnlySpan{char})"/>.
    /// </summary>
    internal void PlainField(ReadOnlySpan<char> value)
    {
        if (_rowStarted) _writer.Write(',');
        _rowStarted = true;
        _writer.Write(value);
    }

    /// <summary>Writes a string field (null is empty).</summary>
    internal void Field(string? value) => Field(value.AsSpan());

    /// <summary>Writes an ID or card number, masked (first 6 and last 4 kept) when <paramref name="mask"/> is set.</summary>
    internal void MaskedField(ReadOnlySpan<char> value, bool mask)
    {
        if (!mask || value.IsEmpty)
        {
            Field(value);
            return;
        }

        Span<char> buffer = value.Length <= 64 ? stackalloc char[64] : new char[value.Length];
        buffer = buffer[..value.Length];
        PersonalData.MaskInto(value, buffer);
        Field(buffer);
    }

    /// <summary>Writes a worker_id: masked whole when it is the worker's ID number (R30), else as free text.</summary>
    internal void WorkerIdField(string? workerId, string? idNumber, bool mask)
    {
        if (mask && PersonalData.IsIdNumber(workerId, idNumber)) MaskedField(workerId, mask: true);
        else FreeTextField(workerId, mask);
    }

    /// <summary>Writes text from the inputs with every ID or card number in it masked when <paramref name="mask"/> is set.</summary>
    internal void FreeTextField(string? value, bool mask)
    {
        if (string.IsNullOrEmpty(value) || !mask || !PersonalData.HasSensitiveRun(value))
        {
            Field(value);
            return;
        }

        _text ??= new StringBuilder(64);
        _text.Clear();
        PersonalData.AppendFreeText(_text, value, mask);
        Field(_text);
    }

    /// <summary>Writes the text accumulated in <paramref name="sb"/> as one field.</summary>
    internal void Field(StringBuilder sb)
    {
        if (_scratch.Length < sb.Length)
        {
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = ArrayPool<char>.Shared.Rent(sb.Length);
        }

        sb.CopyTo(0, _scratch, sb.Length);
        Field(_scratch.AsSpan(0, sb.Length));
    }

    /// <summary>Writes an amount as yuan with two decimals, or an empty field.</summary>
    internal void Field(Money? value)
    {
        if (value is not { } m)
        {
            Field(ReadOnlySpan<char>.Empty);
            return;
        }

        Span<char> buffer = stackalloc char[32];
        m.TryFormat(buffer, out int n);
        // A plain number such as -12.50 is never guarded (SPEC §4) and holds no character that needs quoting.
        PlainField(buffer[..n]);
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>, or an empty field.</summary>
    internal void Field(DateOnly? value)
    {
        Span<char> buffer = stackalloc char[10];
        int n = 0;
        if (value is { } d)
        {
            // DateOnly years are 1–9999: always four digits, as the custom format yyyy pads them.
            d.Deconstruct(out int year, out int month, out int day);
            WriteDigits(buffer[..4], year);
            buffer[4] = '-';
            WriteDigits(buffer.Slice(5, 2), month);
            buffer[7] = '-';
            WriteDigits(buffer.Slice(8, 2), day);
            n = 10;
        }
        PlainField(buffer[..n]);
    }

    /// <summary>Writes a month as <c>yyyy-MM</c>, or an empty field.</summary>
    internal void Field(YearMonth? value)
    {
        Span<char> buffer = stackalloc char[7];
        int n = 0;
        if (value is { } p)
        {
            p.Year.TryFormat(buffer, out _, "D4", CultureInfo.InvariantCulture);
            buffer[4] = '-';
            WriteDigits(buffer.Slice(5, 2), p.Month);
            n = 7;
        }

        PlainField(buffer[..n]);
    }

    /// <summary>Writes an integer, or an empty field.</summary>
    internal void Field(long? value)
    {
        Span<char> buffer = stackalloc char[20];
        int n = 0;
        if (value is { } v) v.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
        PlainField(buffer[..n]);
    }

    /// <summary>Ends the current record with LF.</summary>
    internal void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
    }

    /// <summary>Writes a header line of literal names.</summary>
    internal void Header(string commaSeparatedNames)
    {
        _writer.Write(commaSeparatedNames);
        EndRow();
    }

    /// <summary>Writes <paramref name="value"/> (0 ≤ value &lt; 10^length) as exactly <paramref name="destination"/>.Length digits.</summary>
    private static void WriteDigits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_scratch);
        _scratch = [];
    }

    /// <summary>True when a spreadsheet could read <paramref name="value"/> as a formula (SPEC §4): it starts with
    /// <c>= + - @</c>, tab or CR and is not a plain number such as <c>-12.50</c>.</summary>
    internal static bool NeedsFormulaGuard(ReadOnlySpan<char> value) => NeedsFormulaGuard<ushort>(MemoryMarshal.Cast<char, ushort>(value));

    /// <summary><see cref="NeedsFormulaGuard(ReadOnlySpan{char})"/> of text given as UTF-8 (the characters it looks at are ASCII).</summary>
    internal static bool NeedsFormulaGuard(ReadOnlySpan<byte> value) => NeedsFormulaGuard<byte>(value);

    // One reading for UTF-16 and UTF-8 text: every character it looks at is ASCII, one code unit in either.
    private static bool NeedsFormulaGuard<T>(ReadOnlySpan<T> value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (value.Length == 0) return false;
        uint first = uint.CreateTruncating(value[0]);
        return first is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value, first);
    }

    private static bool IsPlainNumber<T>(ReadOnlySpan<T> value, uint first)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = first is '+' or '-' ? 1 : 0;
        int digitsStart = i;
        while (i < value.Length && IsDigit(value[i])) i++;
        if (i == digitsStart) return false;
        if (i == value.Length) return true;
        if (uint.CreateTruncating(value[i]) != '.') return false;
        int fractionStart = ++i;
        while (i < value.Length && IsDigit(value[i])) i++;
        return i > fractionStart && i == value.Length;

        static bool IsDigit(T c) => unchecked(uint.CreateTruncating(c) - '0') <= 9;
    }
}
