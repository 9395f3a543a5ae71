using System.Globalization;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

using CliMessageCatalog = PayrollRecon.Cli.MessageCatalog;
using CliMessageKey = PayrollRecon.Cli.MessageKey;

namespace PayrollRecon.Tests.Reporting;

/// <summary>Every message of the catalogue exists in both languages and takes the same values in both.</summary>
public sealed class MessageCatalogTests
{
    private static int Placeholders(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{(\d+)(?::[^}]*)?\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    [Fact]
    public void Template_EveryKey_BothLanguagesWithTheSameValues()
    {
        foreach (var key in Enum.GetValues<MessageKey>())
            AssertBothLanguages(key.ToString(), MessageCatalog.Template(key, ReportLanguage.En), MessageCatalog.Template(key, ReportLanguage.Zh),
                sameText: key == MessageKey.PreviousRow, wherePlaceholders: key == MessageKey.SettingsInvalidJson);
    }

    [Fact]
    public void Template_EveryCommandLineKey_BothLanguagesWithTheSameValues()
    {
        foreach (var key in Enum.GetValues<CliMessageKey>())
        {
            AssertBothLanguages(key.ToString(), CliMessageCatalog.Template(key, ReportLanguage.En), CliMessageCatalog.Template(key, ReportLanguage.Zh),
                sameText: key == CliMessageKey.Untranslated, wherePlaceholders: key == CliMessageKey.ManifestInvalid);
        }
    }

    /// <param name="sameText">A message not yet in the catalogue passes through as written; a row of a previous run's table is only its place and its reason.</param>
    /// <param name="wherePlaceholders">The English text quotes System.Text.Json's own explanation; the Chinese says where the error is instead.</param>
    private static void AssertBothLanguages(string key, string en, string zh, bool sameText, bool wherePlaceholders)
    {
        Assert.False(string.IsNullOrEmpty(en), key);
        if (!sameText) Assert.NotEqual(en, zh);
        if (!wherePlaceholders) Assert.True(Placeholders(en) == Placeholders(zh), $"{key}: {en} / {zh}");
        var values = Enumerable.Range(0, Math.Max(Placeholders(en), Placeholders(zh))).Select(i => (object)(i + 0.5)).ToArray();
        // Renders in both languages without a format error.
        _ = string.Format(CultureInfo.InvariantCulture, en, values);
        _ = string.Format(CultureInfo.InvariantCulture, zh, values);
    }

    [Fact]
    public void Reason_EveryDiagnosticReason_BothLanguages()
    {
        foreach (var reason in Enum.GetValues<DiagnosticReason>().Where(r => r != DiagnosticReason.Other))
        {
            var d = new Diagnostic("bank.csv", 7, "amount", MessageCatalog.EnglishReason(reason, "x", 3, 4)) { Reason = reason, Value = "x", Expected = 3, Found = 4 };
            Assert.Equal(d.Message, MessageCatalog.Reason(d, ReportLanguage.En));
            Assert.NotEqual(d.Message, MessageCatalog.Reason(d, ReportLanguage.Zh));
        }
    }

    [Theory]
    [InlineData(DiagnosticReason.InvalidAmount, "amount", "12.3.4", "bank.csv:17: column amount: invalid amount '12.3.4'", "bank.csv:17: 金额（amount）列：金额无效 '12.3.4'")]
    [InlineData(DiagnosticReason.MissingValue, "id_number", null, "bank.csv:17: column id_number: missing value", "bank.csv:17: 身份证号（id_number）列：缺少值")]
    [InlineData(DiagnosticReason.UnterminatedQuote, null, null, "bank.csv:17: unterminated quoted field", "bank.csv:17: 引号字段未闭合")]
    public void Line_Diagnostic_TheSameRowInEitherLanguage(DiagnosticReason reason, string? column, string? value, string en, string zh)
    {
        var d = new Diagnostic("bank.csv", 17, column, MessageCatalog.EnglishReason(reason, value)) { Reason = reason, Value = value };
        Assert.Equal(en, d.ToString());
        Assert.Equal(en, MessageCatalog.Line(d, ReportLanguage.En));
        Assert.Equal(zh, MessageCatalog.Line(d, ReportLanguage.Zh));
        Assert.Equal(en, d.ToString(ReportLanguage.En));
        Assert.Equal(zh, d.ToString(ReportLanguage.Zh));
    }

    [Fact]
    public void Diagnostic_Equality_IsThatOfTheMessage()
    {
        // The structured reason is the message in another form: existing comparisons by message keep holding.
        var plain = new Diagnostic("bank.csv", 3, "amount", "invalid amount '12.3.4'");
        var structured = plain with { Reason = DiagnosticReason.InvalidAmount, Value = "12.3.4" };
        Assert.Equal(plain, structured);
        Assert.Equal(plain.GetHashCode(), structured.GetHashCode());
    }
}
