using System.Diagnostics;
using System.Globalization;
using PayrollRecon.Reporting;
using Spectre.Console;

namespace PayrollRecon.Cli;

/// <summary>Progress of a batch: projects done of total, input megabytes per second, the time elapsed and the time left
/// (each clock labelled), shown live on a terminal (Spectre.Console); when stderr is redirected, as a plain line every few
/// seconds only when asked for (<see cref="PlainLines"/>, <c>--progress</c>), else not at all.</summary>
/// <remarks>Bytes count the input files; a project being checked contributes what its readers have consumed so far,
/// so one large project still moves the display.</remarks>
internal sealed class BatchProgress(int total, long totalBytes, TextWriter error, bool interactive, ReportLanguage language = ReportLanguage.En)
{
    /// <summary>How often a plain line is written when the output is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Slot> _slots = [];
    private int _done;
    private long _doneBytes;

    /// <summary>Off a terminal, write a plain line every <see cref="PlainInterval"/> and at the end (else nothing).</summary>
    public bool PlainLines { get; init; }

    /// <summary>Time since the batch started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>A progress sink for one worker thread.</summary>
    public Slot NewSlot()
    {
        var slot = new Slot();
        lock (_slots) _slots.Add(slot);
        return slot;
    }

    /// <summary>Records a finished project (checked or failed) of <paramref name="bytes"/> input bytes.</summary>
    public void Completed(Slot slot, long bytes)
    {
        slot.Start();
        Interlocked.Add(ref _doneBytes, bytes);
        Interlocked.Increment(ref _done);
    }

    /// <summary>Displays progress on the calling thread until <paramref name="finished"/> is true.</summary>
    public void Show(Func<bool> finished)
    {
        if (interactive && total > 0)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress()
                .AutoClear(false)
                // The clocks are in the description, labelled: an unlabelled elapsed-time column beside the time left reads as two ETAs.
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Line(), maxValue: Math.Max(totalBytes, 1));
                    do
                    {
                        task.Value = BytesSoFar();
                        task.Description = Line();
                        ctx.Refresh();
                    }
                    while (!Wait(finished, TimeSpan.FromMilliseconds(250)));
                    task.Value = BytesSoFar();
                    task.Description = Line();
                });
            return;
        }
        while (!Wait(finished, PlainInterval))
        {
            if (PlainLines) error.WriteLine(Line());
        }
        if (PlainLines) error.WriteLine(Line());
    }

    /// <summary>The progress as one line, e.g. <c>120/500 projects, 41 MB/s, elapsed 00:00:09, left 00:00:31 (of 1302 MB)</c>
    /// (<c>… 640 KB/s, …(of 42 KB)</c> below one MB).</summary>
    public string Line()
    {
        int done = Volatile.Read(ref _done);
        long bytes = BytesSoFar();
        var elapsed = _clock.Elapsed;
        double seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        double rate = bytes / seconds;
        string left = done == total ? "00:00:00"
            : rate <= 0 ? "?"
            : Clock(TimeSpan.FromSeconds(Math.Min((totalBytes - bytes) / rate, TimeSpan.MaxValue.TotalSeconds / 2)));
        return new LocalizedText(MessageKey.ProgressLine, done, total, Size(rate),
            new LocalizedText(MessageKey.ProgressElapsed, Clock(elapsed)), new LocalizedText(MessageKey.ProgressLeft, left), Size(totalBytes)).Render(language);
    }

    /// <summary>A number of bytes in whole MB (10^6), or in whole KB (10^3) below one MB, so that a small portfolio does
    /// not read <c>0 MB</c>: <c>1302 MB</c>, <c>42 KB</c>.</summary>
    internal static string Size(double bytes) => bytes >= 999_500
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:F0} KB");

    /// <summary>A duration as <c>hh:mm:ss</c> (hours past 99 in full).</summary>
    private static string Clock(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");

    private long BytesSoFar()
    {
        long bytes = Volatile.Read(ref _doneBytes);
        lock (_slots)
        {
            foreach (var s in _slots) bytes += s.Bytes;
        }
        return Math.Min(bytes, totalBytes);
    }

    private static bool Wait(Func<bool> finished, TimeSpan interval)
    {
        // Poll in short steps so the display ends as soon as the workers do.
        var until = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency);
        while (!finished())
        {
            if (Stopwatch.GetTimestamp() >= until) return false;
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>Bytes consumed by the project a worker is checking; the checker reports per input file, cumulatively.</summary>
    internal sealed class Slot : IProgress<CheckProgress>
    {
        private string? _file;
        private long _finishedFiles;
        private long _current;
        private long _bytes;

        /// <summary>Bytes read so far of the current project.</summary>
        public long Bytes => Volatile.Read(ref _bytes);

        /// <summary>Starts a new project.</summary>
        public void Start()
        {
            _file = null;
            _finishedFiles = 0;
            _current = 0;
            Volatile.Write(ref _bytes, 0);
        }

        /// <inheritdoc/>
        public void Report(CheckProgress value)
        {
            if (!string.Equals(value.File, _file, StringComparison.Ordinal))
            {
                _finishedFiles += _current;
                _file = value.File;
            }
            _current = value.BytesRead;
            Volatile.Write(ref _bytes, _finishedFiles + _current);
        }
    }
}
