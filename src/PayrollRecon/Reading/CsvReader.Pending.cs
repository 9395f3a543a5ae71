namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    internal string? SheetName => null;
}
