namespace PayrollRecon.Generation;

/// <summary>How <c>attendance.csv</c> orders a month's punches.</summary>
public enum AttendanceOrder
{
    /// <summary>In time order with all workers interleaved, as attendance devices and platforms export them: by date, then
    /// by upload window, device after device (nearly, not perfectly, sorted by time).</summary>
    Time,

    /// <summary>Grouped by worker in roster order, each worker's punches by date.</summary>
    Worker,
}
