using System.Globalization;

using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>A message as a key of the <see cref="MessageCatalog"/> and its values, told in either language when it is shown.</summary>
/// <remarks>A value that is itself a <see cref="LocalizedText"/> (a kind of file, a reason) is told in the same language.</remarks>
internal sealed class LocalizedText(MessageKey key, params object?[] args)
{
    /// <summary>What the message says.</summary>
    public MessageKey Key { get; } = key;

    /// <summary>The values put into the message.</summary>
    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string Render(ReportLanguage language)
    {
        var template = MessageCatalog.Template(Key, language);
        var values = new object?[Args.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = Args[i] is LocalizedText inner ? inner.Render(language) : Args[i];
        return string.Format(CultureInfo.InvariantCulture, template, values);
    }

    /// <summary>The items as one value, joined by <paramref name="joiner"/> (<c>a, b, c</c> / <c>a、b、c</c>); an item may itself be a message.</summary>
    public static object? Join(IReadOnlyList<object?> items, MessageKey joiner = MessageKey.ListItems)
    {
        if (items.Count == 0) return string.Empty;
        object? joined = items[^1];
        for (int i = items.Count - 2; i >= 0; i--) joined = new LocalizedText(joiner, items[i], joined);
        return joined;
    }

    /// <summary>A count with its noun, singular for 1 in English (<c>1 finding</c>, <c>10 findings</c>; <c>1 条问题</c>).</summary>
    public static LocalizedText Count(long count, MessageKey one, MessageKey many) => new(count == 1 ? one : many, count);

    /// <summary>The English message.</summary>
    public override string ToString() => Render(ReportLanguage.En);
}
