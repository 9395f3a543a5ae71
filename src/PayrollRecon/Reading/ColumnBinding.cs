namespace PayrollRecon.Reading;

/// <summary>One header of an input file and the column it was bound to (R3, R38).</summary>
/// <param name="Header">The header name as written.</param>
/// <param name="Column">The canonical column it feeds (<c>amount</c>, <c>counterparty_name</c>, …), or null when it was ignored.</param>
public sealed record ColumnBinding(string Header, string? Column);
