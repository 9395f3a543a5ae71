using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Cli;
using PayrollRecon.Findings;
using PayrollRecon.Generation;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Generation;

namespace PayrollRecon.Tests.EndToEnd;

/// <summary>
/// Same inputs, same bytes out (SPEC §5): the four outputs of a generated project do not depend on how the input
/// streams hand out their bytes, nor (for projects whose findings cite no attendance line) on the order of punches.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string[] OutputNames = ["findings.csv", "ledger.csv", "summary.json", "report.html"];

    /// <summary>Codes whose evidence is an attendance line number, which shuffling the file changes by design.</summary>
    private static readonly HashSet<FindingCode> CitesAttendanceLines =
        [FindingCode.UnregisteredWorker, FindingCode.AttendanceOutsideTenure, FindingCode.DataError];

    [Fact]
    public void Check_RandomReadSizesAndShuffledPunches_SameOutputBytes()
    {
        var defects = Enum.GetValues<FindingCode>().Where(c => !CitesAttendanceLines.Contains(c)).ToHashSet();
        using var g = GeneratedFiles.Generate(new GeneratorOptions
        {
            Projects = 1, Workers = 40, Months = 5, Seed = 5, DefectRate = 0.6, Defects = defects,
        });
        var dir = g.ProjectDir();
        var baseline = Outputs(ProjectFolder.Load(dir));
        Assert.Contains("UNPAID", System.Text.Encoding.UTF8.GetString(baseline["findings.csv"]));

        Prop.ForAll(Arb.From(Gen.OneOf(Gen.Choose(1, 16), Gen.Choose(17, 4096), Gen.Choose(4097, 1 << 20))), Arb.From(Gen.Choose(0, int.MaxValue)), (maxRead, seed) =>
        {
            var inputs = ProjectFolder.Load(dir);
            var random = new Random(seed);
            var chunked = inputs with
            {
                Workers = Chunked(inputs.Workers, maxRead, seed),
                Bank = Chunked(inputs.Bank, maxRead, seed + 1),
                Attendance = Shuffled(inputs.Attendance!, random, maxRead, seed + 2),
                Payroll = Chunked(inputs.Payroll!, maxRead, seed + 3),
                Batches = Chunked(inputs.Batches!, maxRead, seed + 4),
                Calendar = Chunked(inputs.Calendar!, maxRead, seed + 5),
            };
            var outputs = Outputs(chunked);
            foreach (var name in OutputNames) Assert.True(baseline[name].AsSpan().SequenceEqual(outputs[name]), $"{name} differs (maxRead {maxRead}, seed {seed})");
        }).Check(PropertyConfig.Quick(12));
    }

    [Fact]
    public void Check_SameInputsTwice_SameBankLineExplanations()
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions { Projects = 1, Workers = 30, Months = 4, Seed = 9, DefectRate = 0.5 });
        var a = PayrollChecker.Check(ProjectFolder.Load(g.ProjectDir()));
        var b = PayrollChecker.Check(ProjectFolder.Load(g.ProjectDir()));
        Assert.Equal(a.BankLines.Select(Describe), b.BankLines.Select(Describe));
        Assert.True(a.Summary.Conservation.Balanced);
    }

    private static string Describe(BankLineExplanation e) =>
        $"{e.Source}|{e.Class}|{e.Rule}|{e.WorkerIdNumber}|{e.Cancelled}|{string.Join(";", e.Allocations)}|{e.Excess}";

    private static Dictionary<string, byte[]> Outputs(CheckInputs inputs)
    {
        var result = PayrollChecker.Check(inputs);
        var options = new ReportOptions();
        var outputs = new Dictionary<string, byte[]>();
        void Write(string name, Action<Stream> write)
        {
            using var s = new MemoryStream();
            write(s);
            outputs[name] = s.ToArray();
        }
        Write("findings.csv", s => ReportWriter.WriteFindingsCsv(result, s, options));
        Write("ledger.csv", s => ReportWriter.WriteLedgerCsv(result, s, options));
        Write("summary.json", s => ReportWriter.WriteSummaryJson(result, s));
        Write("report.html", s => ReportWriter.WriteReportHtml(result, s, options));
        return outputs;
    }

    private static InputSource Chunked(InputSource source, int maxRead, int seed) =>
        source with { Open = () => new ChunkedStream(ReadAll(source), maxRead, seed) };

    /// <summary>The attendance file with its data rows in a random order (header first), read in random-sized pieces.</summary>
    private static InputSource Shuffled(InputSource source, Random random, int maxRead, int seed)
    {
        var lines = System.Text.Encoding.UTF8.GetString(ReadAll(source)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).OrderBy(_ => random.Next()).ToArray();
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rows.Prepend(lines[0])) + "\n");
        return source with { Open = () => new ChunkedStream(bytes, maxRead, seed) };
    }

    private static byte[] ReadAll(InputSource source)
    {
        using var s = source.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>A read-only stream whose reads return a random 1..maxRead bytes.</summary>
    private sealed class ChunkedStream(byte[] data, int maxRead, int seed) : Stream
    {
        private readonly Random _random = new(seed);
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, data.Length - _position), _random.Next(1, maxRead + 1));
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }
}
