using System.Text;

using PayrollRecon.Records;

namespace PayrollRecon.Generation;

internal sealed partial class ProjectBuilder
{
    private const byte WorkingDay = 0;
    private const byte Saturday = 1;
    private const byte Sunday = 2;
    private const byte Holiday = 3;

    /// <summary>Writes <c>attendance.csv</c> month by month and measures each worker's days and seconds on site per
    /// month; within a month the punches are in time order as devices export them (<see cref="AttendanceOrder.Time"/>)
    /// or grouped by worker in roster order (<see cref="AttendanceOrder.Worker"/>).</summary>
    /// <returns>The number of punch rows written.</returns>
    private long WriteAttendance(string path, CancellationToken ct, ref long bytes)
    {
        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        csv.Header(_zh ? "身份证号,考勤时间,方向,设备编号" : "id_number,time,direction,device");
        byte[] dirIn = _encoding.GetBytes(_zh ? "进" : "in");
        byte[] dirOut = _encoding.GetBytes(_zh ? "出" : "out");
        byte[][] devices = [.. Enumerable.Range(1, 3).Select(d => Encoding.ASCII.GetBytes($"GATE-{d:D2}"))];
        var unregisteredIds = _unregistered.Select(u => Encoding.ASCII.GetBytes(u.IdNumber)).ToArray();
        var punch = new PunchSink(csv, dirIn, dirOut, buffered: _o.AttendanceOrder == AttendanceOrder.Time);
        Span<byte> kinds = stackalloc byte[31];

        for (int i = 0; i < _n; i++)
        {
            ct.ThrowIfCancellationRequested();
            var first = _months[i].FirstDay;
            int dayCount = _months[i].DayCount;
            for (int d = 0; d < dayCount; d++) kinds[d] = DayKind(first.AddDays(d));

            foreach (var w in _workers)
            {
                var forced = FirstWorkingDay(Max(w.AttendFrom, first), Min(w.AttendTo, first.AddDays(dayCount - 1)), kinds, first);
                for (int d = 0; d < dayCount; d++)
                {
                    var date = first.AddDays(d);
                    bool outside = w.ExtraDates.Length > 0 && Array.IndexOf(w.ExtraDates, date) >= 0;
                    if (!outside)
                    {
                        if (date < w.AttendFrom || date > w.AttendTo || w.SkipMonth == i) continue;
                        // The first working day of tenure in each month is always worked, so every month inside tenure has days.
                        if (date != forced && !Attends(w.Index, date, kinds[d])) continue;
                    }
                    long seconds = punch.Day(w.AttendanceId, devices[w.Device - 1], date, DayHash(w.Index, date),
                        w.MidDayPunches, allowForgotten: w.WageType != WageType.Hourly);
                    w.Days[i]++;
                    w.Seconds[i] += seconds;
                }
            }

            for (int u = 0; u < _unregistered.Count; u++)
            {
                if (_unregistered[u].Month != i) continue;
                foreach (var date in _unregistered[u].Dates)
                    punch.Day(unregisteredIds[u], devices[0], date, DayHash(1_000_000 + u, date), midDay: false, allowForgotten: false);
            }

            // Time order: the month's punches leave the buffer sorted as a site's devices upload them.
            punch.Flush();

            foreach (var (month, worker) in _attendanceJunk)
            {
                if (month != i) continue;
                // A date that does not exist (the 31st of a 30-day month, 30 February, ...): DATA_ERROR.
                var ym = _months[i];
                csv.Raw(_workers[worker].AttendanceId);
                csv.Text($"{ym.Year:D4}-{ym.Month:D2}-{ym.DayCount + 1:D2} 07:{_rng.Next(10, 60):D2}:{_rng.Next(10, 60):D2}");
                csv.Raw(dirIn);
                csv.Raw(devices[0]);
                csv.EndRow();
            }
        }
        bytes += csv.BytesWritten;
        return csv.Rows - 1;
    }

    /// <summary>The first working day in [from, to], or <paramref name="from"/> when there is none.</summary>
    private static DateOnly FirstWorkingDay(DateOnly from, DateOnly to, ReadOnlySpan<byte> kinds, DateOnly monthFirst)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (kinds[d.DayNumber - monthFirst.DayNumber] == WorkingDay) return d;
        return from;
    }

    private byte DayKind(DateOnly date)
    {
        if (_calendar.IsHoliday(date)) return Holiday;
        if (!_calendar.IsRestDay(date)) return WorkingDay;
        return date.DayOfWeek == DayOfWeek.Saturday ? Saturday : Sunday;
    }

    private ulong DayHash(int worker, DateOnly date) => StableHash.Mix(_hashSeed, (ulong)worker, (ulong)date.DayNumber);

    /// <summary>Whether a worker comes to site that day: most working days, some Saturdays, few Sundays and holidays.</summary>
    private bool Attends(int worker, DateOnly date, byte kind)
    {
        ulong u = DayHash(worker, date) % 1000;
        return kind switch
        {
            WorkingDay => u < 930,
            Saturday => u < 350,
            Sunday => u < 100,
            _ => u < 30,
        };
    }

    /// <summary>Writes one day's punches of one person, at once or, buffered, sorted at the end of the month.</summary>
    /// <remarks>
    /// Buffered punches leave in the order a site platform exports them: by date, then by two-hour upload window, then
    /// device by device, each device's punches in time order. So the file is in time order with all workers
    /// interleaved, but not perfectly: within a window the gates' uploads follow one another.
    /// </remarks>
    private sealed class PunchSink(CsvByteWriter csv, byte[] dirIn, byte[] dirOut, bool buffered)
    {
        private const int UploadWindowSeconds = 2 * 3600;
        private readonly List<Punch> _month = [];

        /// <summary>Writes the punches of a day and returns last − first in seconds.</summary>
        public long Day(byte[] id, byte[] device, DateOnly date, ulong hash, bool midDay, bool allowForgotten)
        {
            ulong h = StableHash.Mix(hash);
            int clockIn = (7 * 3600) - 1200 + (int)(h % 2400);
            int clockOut = (17 * 3600) + 1800 - 1500 + (int)((h >> 12) % 3000);
            // Now and then someone forgets to clock out: one punch, the day still counts, no hours.
            bool forgotten = allowForgotten && (h >> 24) % 50 == 0;
            Row(id, date, clockIn, dirIn, device);
            if (forgotten) return 0;
            if (midDay)
            {
                Row(id, date, (11 * 3600) + 1200 + (int)((h >> 36) % 1200), dirOut, device);
                Row(id, date, (12 * 3600) + 1200 + (int)((h >> 48) % 1200), dirIn, device);
            }
            Row(id, date, clockOut, dirOut, device);
            return clockOut - clockIn;
        }

        /// <summary>Writes the buffered punches in export order and empties the buffer.</summary>
        public void Flush()
        {
            if (_month.Count == 0) return;
            // Sequence breaks ties, so the order (and the file) depends on nothing but the punches.
            _month.Sort(static (a, b) =>
            {
                int c = a.Date.CompareTo(b.Date);
                if (c == 0) c = (a.Second / UploadWindowSeconds).CompareTo(b.Second / UploadWindowSeconds);
                if (c == 0) c = a.Device.AsSpan().SequenceCompareTo(b.Device);
                if (c == 0) c = a.Second.CompareTo(b.Second);
                return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
            });
            foreach (var p in _month) Write(p.Id, p.Date, p.Second, p.Direction, p.Device);
            _month.Clear();
        }

        private void Row(byte[] id, DateOnly date, int second, byte[] direction, byte[] device)
        {
            if (buffered) _month.Add(new Punch(id, date, second, direction, device, _month.Count));
            else Write(id, date, second, direction, device);
        }

        private void Write(byte[] id, DateOnly date, int second, byte[] direction, byte[] device)
        {
            csv.Raw(id);
            csv.DateTime(date, second);
            csv.Raw(direction);
            csv.Raw(device);
            csv.EndRow();
        }

        private readonly record struct Punch(byte[] Id, DateOnly Date, int Second, byte[] Direction, byte[] Device, int Sequence);
    }
}
