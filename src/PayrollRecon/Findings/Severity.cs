namespace PayrollRecon.Findings;

/// <summary>Severity of a finding; also the project warning level (红橙黄三级预警). Higher is worse.</summary>
public enum Severity
{
    /// <summary>Informational.</summary>
    Info = 0,
    /// <summary>黄色预警.</summary>
    Yellow = 1,
    /// <summary>橙色预警.</summary>
    Orange = 2,
    /// <summary>红色预警.</summary>
    Red = 3,
}
