using System.Text;

namespace PayrollRecon.FaultInjection;

/// <summary>Which input files a mutation kind applies to.</summary>
public enum MutationScope
{
    /// <summary>Any file's bytes (CSV, project.json, HTML table, workbook).</summary>
    Bytes,

    /// <summary>Text files: CSV, project.json and HTML tables saved as <c>.xls</c>.</summary>
    Text,

    /// <summary>Excel workbooks (<c>.xlsx</c> ZIP or <c>.xls</c> OLE2).</summary>
    Workbook,

    /// <summary><c>.xlsx</c> workbooks only (the ZIP container).</summary>
    Xlsx,

    /// <summary>The file is replaced by something that is not a regular file (FIFO, directory, device, bad symlink).</summary>
    FileSystem,
}

/// <summary>What a mutation did, in a sentence that says where (offsets, lines) so a failure can be understood without replaying it.</summary>
/// <param name="Bytes">The mutated content (null for a file-system mutation, which acts on the path).</param>
/// <param name="Description">What was changed.</param>
/// <param name="ChangedBytes">How many bytes were changed or inserted: the slack of the record bound for workbooks.</param>
public sealed record MutationResult(byte[]? Bytes, string Description, int ChangedBytes = 0);

/// <summary>One kind of damage done to one input file, deterministic for a given random source.</summary>
/// <param name="Name">The kind's name (used on the command line and in known-failures.txt).</param>
/// <param name="Scope">Which files it applies to.</param>
/// <param name="Apply">Mutates the file's bytes (for <see cref="MutationScope.FileSystem"/>, the path itself).</param>
public sealed record Mutation(string Name, MutationScope Scope, Func<MutationInput, Random, MutationResult> Apply)
{
    /// <summary>Whether the kind applies to a file of this format.</summary>
    public bool AppliesTo(FileFormat format) => Scope switch
    {
        MutationScope.Bytes or MutationScope.FileSystem => true,
        MutationScope.Text => format is FileFormat.Csv or FileFormat.Json or FileFormat.Html,
        MutationScope.Workbook => format is FileFormat.Xlsx or FileFormat.Xls,
        MutationScope.Xlsx => format is FileFormat.Xlsx,
        _ => false,
    };
}

/// <summary>The file a mutation works on.</summary>
/// <param name="Path">Its path in the scratch copy of the project.</param>
/// <param name="Bytes">Its original content.</param>
/// <param name="Format">What it is.</param>
public sealed record MutationInput(string Path, byte[] Bytes, FileFormat Format)
{
    /// <summary>The separator a CSV file uses (tab when its first line has more tabs than commas).</summary>
    public byte Separator
    {
        get
        {
            int end = Array.IndexOf(Bytes, (byte)'\n');
            ReadOnlySpan<byte> first = Bytes.AsSpan(0, end < 0 ? Bytes.Length : end);
            return first.Count((byte)'\t') > first.Count((byte)',') ? (byte)'\t' : (byte)',';
        }
    }
}

/// <summary>The format of an input file, told from its name and first bytes.</summary>
public enum FileFormat
{
    /// <summary>A CSV file.</summary>
    Csv,

    /// <summary>project.json.</summary>
    Json,

    /// <summary>An HTML table saved as <c>.xls</c>.</summary>
    Html,

    /// <summary>An Office Open XML workbook.</summary>
    Xlsx,

    /// <summary>A BIFF8 workbook.</summary>
    Xls,
}

/// <summary>Every mutation kind the suite knows.</summary>
public static class MutationCatalog
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int MillionColumns = 1_000_000;

    static MutationCatalog() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, as Chinese exports write it.</summary>
    public static Encoding Gb18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>All kinds, in a fixed order (the order of the report and of the xunit theory).</summary>
    public static IReadOnlyList<Mutation> All { get; } =
    [
        new("truncate", MutationScope.Bytes, Truncate),
        new("flip-bytes", MutationScope.Bytes, FlipBytes),
        new("binary-garbage", MutationScope.Bytes, BinaryGarbage),
        new("duplicate-line", MutationScope.Text, DuplicateLine),
        new("drop-line", MutationScope.Text, DropLine),
        new("swap-lines", MutationScope.Text, SwapLines),
        new("shift-fields", MutationScope.Text, ShiftFields),
        new("gb18030-rows-in-utf8", MutationScope.Text, Gb18030RowsInUtf8),
        new("utf8-rows-in-gb18030", MutationScope.Text, Utf8RowsInGb18030),
        new("line-10mb", MutationScope.Text, LongLine),
        new("million-columns", MutationScope.Text, MillionColumnsLine),
        new("unterminated-quote", MutationScope.Text, UnterminatedQuote),
        new("nul-bytes", MutationScope.Text, NulBytes),
        new("bom-in-middle", MutationScope.Text, BomInMiddle),
        new("cr-only", MutationScope.Text, CrOnly),
        new("mixed-line-ends", MutationScope.Text, MixedLineEnds),
        new("workbook-truncated", MutationScope.Workbook, Truncate),
        new("workbook-flipped-bytes", MutationScope.Workbook, FlipBytes),
        new("xlsx-sheet-xml", MutationScope.Xlsx, XlsxSheetXml),
        new("fifo", MutationScope.FileSystem, static (_, _) => new MutationResult(null, "replaced by a FIFO with no writer")),
        new("directory", MutationScope.FileSystem, static (_, _) => new MutationResult(null, "replaced by a directory")),
        new("dev-zero", MutationScope.FileSystem, static (_, _) => new MutationResult(null, "replaced by a symlink to /dev/zero (endless zero bytes)")),
        new("dangling-symlink", MutationScope.FileSystem, static (_, _) => new MutationResult(null, "replaced by a symlink to a missing file")),
        new("symlink-loop", MutationScope.FileSystem, static (_, _) => new MutationResult(null, "replaced by a symlink that points to itself")),
    ];

    /// <summary>The kind of this name.</summary>
    public static Mutation Get(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"unknown mutation kind '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");

    private static MutationResult Truncate(MutationInput input, Random rng)
    {
        int at = input.Bytes.Length == 0 ? 0 : rng.Next(input.Bytes.Length);
        return new MutationResult(input.Bytes[..at], $"truncated to {at} of {input.Bytes.Length} bytes", 1);
    }

    private static MutationResult FlipBytes(MutationInput input, Random rng)
    {
        byte[] bytes = (byte[])input.Bytes.Clone();
        if (bytes.Length == 0) return new MutationResult(bytes, "empty file left empty");
        int count = 1 + rng.Next(8);
        var what = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int at = rng.Next(bytes.Length);
            byte old = bytes[at];
            bytes[at] ^= (byte)(1 + rng.Next(255));
            what.Add($"{at}:0x{old:X2}->0x{bytes[at]:X2}");
        }
        return new MutationResult(bytes, $"flipped {count} byte(s) at {string.Join(", ", what)}", count);
    }

    private static MutationResult BinaryGarbage(MutationInput input, Random rng)
    {
        if (rng.Next(3) == 0)
        {
            byte[] all = new byte[1 + rng.Next(65536)];
            rng.NextBytes(all);
            return new MutationResult(all, $"replaced by {all.Length} random bytes", all.Length);
        }
        byte[] bytes = (byte[])input.Bytes.Clone();
        if (bytes.Length == 0) return new MutationResult(bytes, "empty file left empty");
        int at = rng.Next(bytes.Length);
        int length = Math.Min(bytes.Length - at, 1 + rng.Next(4096));
        rng.NextBytes(bytes.AsSpan(at, length));
        return new MutationResult(bytes, $"overwrote {length} bytes at {at} with random bytes", length);
    }

    private static MutationResult DuplicateLine(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        if (lines.Count == 0) return new MutationResult(input.Bytes, "no line to duplicate");
        int i = rng.Next(lines.Count);
        byte[] line = Lines.Terminated(lines[i]);
        lines[i] = line;
        lines.Insert(i + 1, line);
        return new MutationResult(Lines.Join(lines), $"duplicated line {i + 1}", line.Length);
    }

    private static MutationResult DropLine(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        if (lines.Count == 0) return new MutationResult(input.Bytes, "no line to drop");
        int i = rng.Next(lines.Count);
        lines.RemoveAt(i);
        return new MutationResult(Lines.Join(lines), $"dropped line {i + 1}", 1);
    }

    private static MutationResult SwapLines(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        if (lines.Count < 2) return new MutationResult(input.Bytes, "fewer than two lines to swap");
        int i = rng.Next(lines.Count);
        int j = rng.Next(2) == 0 ? Math.Min(i + 1, lines.Count - 1) : rng.Next(lines.Count);
        if (i == j) j = i == 0 ? 1 : i - 1;
        (lines[i], lines[j]) = (Lines.Terminated(lines[j]), Lines.Terminated(lines[i]));
        return new MutationResult(Lines.Join(lines), $"swapped lines {i + 1} and {j + 1}", 2);
    }

    private static MutationResult ShiftFields(MutationInput input, Random rng)
    {
        // A value in the wrong column, as a hand-edited or misaligned export has it: ID and card numbers end up where an
        // amount, a date or a name is read, so they appear in error messages, which must mask them too.
        List<byte[]> lines = Lines.Split(input.Bytes);
        if (lines.Count < 2) return new MutationResult(input.Bytes, "fewer than two lines");
        byte sep = input.Separator;
        int count = 1 + rng.Next(Math.Min(5, lines.Count - 1));
        var changed = new SortedSet<int>();
        for (int k = 0; k < count; k++)
        {
            int i = 1 + rng.Next(lines.Count - 1);
            byte[] line = lines[i];
            int body = line.Length - (line.Length > 0 && line[^1] == (byte)'\n' ? 1 : 0);
            body -= body > 0 && line[body - 1] == (byte)'\r' ? 1 : 0;
            // Unquoted lines only: splitting a quoted one at separators would be another mutation.
            if (line.AsSpan(0, body).Contains((byte)'"')) continue;
            List<byte[]> fields = [.. Split(line.AsSpan(0, body), sep)];
            if (fields.Count < 2) continue;
            int a = rng.Next(fields.Count);
            int b = rng.Next(fields.Count - 1);
            if (b >= a) b++;
            (fields[a], fields[b]) = (fields[b], fields[a]);
            var rebuilt = new List<byte>();
            for (int f = 0; f < fields.Count; f++)
            {
                if (f > 0) rebuilt.Add(sep);
                rebuilt.AddRange(fields[f]);
            }
            rebuilt.AddRange(line.AsSpan(body).ToArray());
            lines[i] = [.. rebuilt];
            changed.Add(i + 1);
        }
        return new MutationResult(Lines.Join(lines), changed.Count == 0 ? "no unquoted data line to change" : $"two fields swapped on line(s) {string.Join(", ", changed)}", changed.Count);
    }

    private static List<byte[]> Split(ReadOnlySpan<byte> line, byte sep)
    {
        var fields = new List<byte[]>();
        while (true)
        {
            int at = line.IndexOf(sep);
            if (at < 0)
            {
                fields.Add(line.ToArray());
                return fields;
            }
            fields.Add(line[..at].ToArray());
            line = line[(at + 1)..];
        }
    }

    private static MutationResult Gb18030RowsInUtf8(MutationInput input, Random rng)
    {
        // Start from the file as UTF-8 (a GB18030 file is converted first), then put some rows back in GB18030.
        string text = Decode(input.Bytes, out bool wasGb);
        return ReencodeRows(text, Encoding.UTF8, Gb18030, rng, (wasGb ? "file converted to UTF-8, then " : "") + "in GB18030");
    }

    private static MutationResult Utf8RowsInGb18030(MutationInput input, Random rng)
    {
        string text = Decode(input.Bytes, out bool wasGb);
        return ReencodeRows(text, Gb18030, new UTF8Encoding(false), rng, (wasGb ? "" : "file converted to GB18030, then ") + "in UTF-8");
    }

    private static MutationResult ReencodeRows(string text, Encoding body, Encoding rows, Random rng, string what)
    {
        string[] lines = text.Split('\n');
        // Rows with Chinese text show the difference; ASCII-only rows are the same bytes in both.
        int[] candidates = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].Any(c => c > 0x7F))];
        if (candidates.Length == 0) candidates = [.. Enumerable.Range(0, lines.Length)];
        int count = Math.Min(candidates.Length, 1 + rng.Next(3));
        var chosen = new SortedSet<int>();
        while (chosen.Count < count) chosen.Add(candidates[rng.Next(candidates.Length)]);
        var output = new MemoryStream();
        for (int i = 0; i < lines.Length; i++)
        {
            byte[] b = (chosen.Contains(i) ? rows : body).GetBytes(lines[i]);
            output.Write(b);
            if (i + 1 < lines.Length) output.WriteByte((byte)'\n');
        }
        return new MutationResult(output.ToArray(), $"{what}: line(s) {string.Join(", ", chosen.Select(i => i + 1))}", count);
    }

    private static MutationResult LongLine(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        int i = rng.Next(lines.Count + 1);
        byte[] line = new byte[TenMegabytes + 1];
        string how;
        if (rng.Next(2) == 0 || lines.Count == 0)
        {
            line.AsSpan().Fill((byte)'x');
            how = "10 MiB of 'x'";
        }
        else
        {
            // A real row whose last field grows to 10 MiB: the row starts like data, so only its length is wrong.
            byte[] model = Lines.Terminated(lines[rng.Next(lines.Count)]);
            int body = model.Length - (model.Length > 1 && model[^2] == (byte)'\r' ? 2 : 1);
            int keep = Math.Min(body, TenMegabytes / 2);
            model.AsSpan(0, keep).CopyTo(line);
            line.AsSpan(keep, TenMegabytes - keep).Fill((byte)'9');
            how = "a row whose last field runs to 10 MiB";
        }
        line[^1] = (byte)'\n';
        if (i > 0) lines[i - 1] = Lines.Terminated(lines[i - 1]);
        lines.Insert(i, line);
        return new MutationResult(Lines.Join(lines), $"inserted {how} as line {i + 1}", line.Length);
    }

    private static MutationResult MillionColumnsLine(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        byte sep = input.Separator;
        int i = rng.Next(lines.Count + 1);
        byte[] line;
        string how;
        if (rng.Next(2) == 0)
        {
            // Under the 1 MiB record cap: a real record of a million empty fields.
            line = new byte[MillionColumns];
            line.AsSpan().Fill(sep);
            how = "1,000,000 empty fields (under the 1 MiB record cap)";
        }
        else
        {
            line = new byte[2 * MillionColumns + 1];
            for (int k = 0; k < MillionColumns; k++)
            {
                line[2 * k] = (byte)'1';
                line[2 * k + 1] = sep;
            }
            how = "1,000,000 fields '1' (over the 1 MiB record cap)";
        }
        line[^1] = (byte)'\n';
        if (i > 0) lines[i - 1] = Lines.Terminated(lines[i - 1]);
        lines.Insert(i, line);
        return new MutationResult(Lines.Join(lines), $"inserted {how} as line {i + 1}", line.Length);
    }

    private static MutationResult UnterminatedQuote(MutationInput input, Random rng)
    {
        byte[] bytes = input.Bytes;
        byte sep = input.Separator;
        // Field starts: the file's start, after a separator, after a line feed.
        var starts = new List<int> { 0 };
        for (int k = 0; k < bytes.Length; k++)
        {
            if (bytes[k] == sep || bytes[k] == (byte)'\n') starts.Add(k + 1);
        }
        // Half of the time the quote opens in the last record, so it stays open to the end of the file.
        int lastLine = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(0, bytes.Length - 2));
        int at = rng.Next(2) == 0 && lastLine >= 0 ? lastLine + 1 : starts[rng.Next(starts.Count)];
        byte[] result = [.. bytes.AsSpan(0, at), (byte)'"', .. bytes.AsSpan(at)];
        return new MutationResult(result, $"inserted a quote opening the field at byte {at} (line {Lines.LineOf(bytes, at)})", 1);
    }

    private static MutationResult NulBytes(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        if (rng.Next(3) == 0 && lines.Count > 1)
        {
            int i = 1 + rng.Next(lines.Count - 1);
            int length = Math.Max(1, lines[i].Length - 1);
            lines[i] = [.. new byte[length], (byte)'\n'];
            return new MutationResult(Lines.Join(lines), $"line {i + 1} replaced by {length} NUL bytes", length);
        }
        var bytes = new List<byte>(input.Bytes);
        int count = 1 + rng.Next(16);
        var where = new List<int>();
        for (int k = 0; k < count; k++)
        {
            int at = rng.Next(bytes.Count + 1);
            bytes.Insert(at, 0);
            where.Add(at);
        }
        return new MutationResult([.. bytes], $"inserted {count} NUL byte(s) at {string.Join(", ", where)}", count);
    }

    private static MutationResult BomInMiddle(MutationInput input, Random rng)
    {
        byte[] bytes = input.Bytes;
        int at;
        string where;
        int newline = bytes.Length > 2 ? Array.IndexOf(bytes, (byte)'\n', rng.Next(bytes.Length - 1)) : -1;
        if (rng.Next(2) == 0 && newline >= 0 && newline + 1 < bytes.Length)
        {
            at = newline + 1;
            where = $"at the start of line {Lines.LineOf(bytes, at)}";
        }
        else
        {
            at = bytes.Length == 0 ? 0 : rng.Next(bytes.Length);
            where = $"at byte {at} (line {Lines.LineOf(bytes, at)})";
        }
        byte[] result = [.. bytes.AsSpan(0, at), 0xEF, 0xBB, 0xBF, .. bytes.AsSpan(at)];
        return new MutationResult(result, $"inserted a UTF-8 byte order mark {where}", 3);
    }

    private static MutationResult CrOnly(MutationInput input, Random rng)
    {
        var output = new List<byte>(input.Bytes.Length);
        byte[] b = input.Bytes;
        for (int k = 0; k < b.Length; k++)
        {
            if (b[k] == (byte)'\r' && k + 1 < b.Length && b[k + 1] == (byte)'\n') continue;
            output.Add(b[k] == (byte)'\n' ? (byte)'\r' : b[k]);
        }
        return new MutationResult([.. output], "every line end made a lone CR (classic Mac)", 1);
    }

    private static MutationResult MixedLineEnds(MutationInput input, Random rng)
    {
        List<byte[]> lines = Lines.Split(input.Bytes);
        var kinds = new int[3];
        for (int i = 0; i < lines.Count; i++)
        {
            byte[] line = lines[i];
            if (line.Length == 0 || line[^1] != (byte)'\n') continue;
            int body = line.Length - (line.Length > 1 && line[^2] == (byte)'\r' ? 2 : 1);
            int kind = rng.Next(3);
            kinds[kind]++;
            byte[] end = kind switch { 0 => [(byte)'\n'], 1 => [(byte)'\r', (byte)'\n'], _ => [(byte)'\r'] };
            lines[i] = [.. line.AsSpan(0, body), .. end];
        }
        return new MutationResult(Lines.Join(lines), $"line ends mixed: {kinds[0]} LF, {kinds[1]} CRLF, {kinds[2]} lone CR", 1);
    }

    private static MutationResult XlsxSheetXml(MutationInput input, Random rng)
    {
        // A structurally valid ZIP whose worksheet XML is damaged: the CRCs match, so only the XML reader can object.
        using var source = new MemoryStream(input.Bytes);
        using var zip = new System.IO.Compression.ZipArchive(source, System.IO.Compression.ZipArchiveMode.Read);
        var output = new MemoryStream();
        string what = "no worksheet found";
        using (var target = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var content = new MemoryStream();
                s.CopyTo(content);
                byte[] data = content.ToArray();
                if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && what == "no worksheet found")
                {
                    (data, what) = DamageXml(data, rng);
                    what = $"{entry.FullName}: {what}";
                }
                var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Fastest);
                copy.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var d = copy.Open();
                d.Write(data);
            }
        }
        return new MutationResult(output.ToArray(), what, 1);
    }

    private static (byte[] Data, string What) DamageXml(byte[] xml, Random rng)
    {
        string text = Encoding.UTF8.GetString(xml);
        int rowAt = text.IndexOf("<row", rng.Next(Math.Max(1, text.Length / 2)), StringComparison.Ordinal);
        if (rowAt < 0) rowAt = text.IndexOf("<row", StringComparison.Ordinal);
        switch (rng.Next(5))
        {
            case 0:
                int cut = rng.Next(text.Length);
                return (Encoding.UTF8.GetBytes(text[..cut]), $"XML cut at character {cut}");
            case 1 when rowAt >= 0:
                int end = text.IndexOf("</row>", rowAt, StringComparison.Ordinal);
                if (end < 0) goto default;
                string row = text[rowAt..(end + 6)];
                return (Encoding.UTF8.GetBytes(text.Insert(end + 6, row)), $"row element at character {rowAt} duplicated");
            case 2 when rowAt >= 0:
                return (Encoding.UTF8.GetBytes(text.Insert(rowAt + 4, " r=\"1048577\"")), $"row at character {rowAt} given a row number past the sheet's limit");
            case 3:
                int at = rng.Next(text.Length);
                return (Encoding.UTF8.GetBytes(text.Insert(at, "<c r=\"XFD1\" t=\"s\"><v>99999999</v></c>")), $"cell with a shared-string index out of range inserted at character {at}");
            default:
                int open = rng.Next(text.Length);
                return (Encoding.UTF8.GetBytes(text.Insert(open, "<")), $"stray '<' inserted at character {open}");
        }
    }

    /// <summary>Decodes a text file as the reader would: BOM or valid UTF-8 → UTF-8, otherwise GB18030.</summary>
    internal static string Decode(byte[] bytes, out bool gb18030)
    {
        ReadOnlySpan<byte> body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;
        gb18030 = !System.Text.Unicode.Utf8.IsValid(body);
        return (gb18030 ? Gb18030 : Encoding.UTF8).GetString(body);
    }
}

/// <summary>Splitting into physical lines that keep their line feed.</summary>
internal static class Lines
{
    public static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int k = 0; k < bytes.Length; k++)
        {
            if (bytes[k] != (byte)'\n') continue;
            lines.Add(bytes[start..(k + 1)]);
            start = k + 1;
        }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

    public static byte[] Terminated(byte[] line) => line.Length > 0 && line[^1] == (byte)'\n' ? line : [.. line, (byte)'\n'];

    public static byte[] Join(List<byte[]> lines)
    {
        var output = new MemoryStream();
        foreach (byte[] line in lines) output.Write(line);
        return output.ToArray();
    }

    /// <summary>The 1-based physical line (by line feeds) of a byte offset.</summary>
    public static int LineOf(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
}
