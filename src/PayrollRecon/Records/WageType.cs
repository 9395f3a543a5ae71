namespace PayrollRecon.Records;

/// <summary>How a worker's wage is computed (计薪方式).</summary>
public enum WageType
{
    /// <summary>日薪: rate per attended day.</summary>
    Daily,
    /// <summary>月薪: rate per month, prorated by days / 21.75.</summary>
    Monthly,
    /// <summary>时薪: rate per hour on site.</summary>
    Hourly,
    /// <summary>计件: piece rate; due comes from the payroll sheet only.</summary>
    Piece,
}
