namespace PayrollRecon.Benchmarks.Inputs;

/// <summary>Writes gate punches: every present worker clocks in around 7:00 and out around 17:30, day after day.</summary>
internal static class AttendanceGenerator
{
    public static ReadOnlySpan<byte> Header => "id_number,time,direction,device\n"u8;

    /// <summary>Writes rows until <paramref name="minBytes"/> bytes (header included) have been written.</summary>
    public static long Write(ByteRowWriter w, Random random, SyntheticWorker[] workers, long minBytes)
    {
        w.Bytes(Header);
        var day = new DateTime(2022, 1, 3);
        long rows = 0;
        while (w.Length < minBytes)
        {
            foreach (SyntheticWorker worker in workers)
            {
                if (random.Next(100) >= 85) continue;
                int gate = random.Next(1, 9);
                Punch(w, worker, day.AddSeconds(random.Next(6 * 3600 + 1800, 8 * 3600)), "进"u8, gate);
                Punch(w, worker, day.AddSeconds(random.Next(17 * 3600, 19 * 3600)), "出"u8, gate);
                rows += 2;
            }
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
