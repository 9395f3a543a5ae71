namespace PayrollRecon.Generation;

/// <summary>Writes gate punches: every present worker clocks in around 7:00 and out around 17:30, day after day, each
/// day's punches in time order with all workers interleaved (as attendance devices export them).</summary>
internal static class BulkAttendance
{
    public static ReadOnlySpan<byte> Header => "id_number,time,direction,device\n"u8;

    /// <summary>Writes rows until <paramref name="minBytes"/> bytes (header included) have been written.</summary>
    public static long Write(ByteRowWriter w, Random random, SyntheticWorker[] workers, long minBytes)
    {
        w.Bytes(Header);
        var day = new DateTime(2022, 1, 3);
        long rows = 0;
        var punches = new List<(DateTime Time, int Worker, bool In, int Gate)>(workers.Length * 2);
        while (w.Length < minBytes)
        {
            punches.Clear();
            for (int i = 0; i < workers.Length; i++)
            {
                if (random.Next(100) >= 85) continue;
                int gate = random.Next(1, 9);
                punches.Add((day.AddSeconds(random.Next(6 * 3600 + 1800, 8 * 3600)), i, true, gate));
                punches.Add((day.AddSeconds(random.Next(17 * 3600, 19 * 3600)), i, false, gate));
            }
            punches.Sort();
            foreach (var p in punches) Punch(w, workers[p.Worker], p.Time, p.In ? "进"u8 : "出"u8, p.Gate);
            rows += punches.Count;
            day = day.AddDays(1);
        }
        w.Flush();
        return rows;
    }

    private static void Punch(ByteRowWriter w, SyntheticWorker worker, DateTime time, ReadOnlySpan<byte> direction, int gate)
    {
        w.Bytes(worker.IdNumber);
        w.Comma();
        w.DateTime(time);
        w.Comma();
        w.Bytes(direction);
        w.Comma();
        w.Bytes("GATE-"u8);
        w.Digits(gate, 2);
        w.EndLine();
    }
}
