namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    internal void BeginHeaderSearch() { }
    internal void LockSeparator() { }
    internal bool LastRecordUnterminated => false;
    internal string? SheetName => null;
}
