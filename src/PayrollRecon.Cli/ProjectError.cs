using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Why a project of a batch could not be checked, told in either language: the portfolio's error column in the
/// language of the reports, the line on stderr in the language of errors (<see cref="Program.ErrorLanguageOf"/>).</summary>
/// <param name="text">The message in a language, one line, naming the project's folder relative to the root.</param>
/// <param name="ofInput">An error of the project's input (<see cref="Program.IsInputError"/>): its stderr line
/// starts with the path it names, <c>p1/bank.csv:17: column amount: invalid amount '12.3.4'</c>, as <c>check</c>'s does.</param>
internal sealed class ProjectError(Func<ReportLanguage, string> text, bool ofInput = false)
{
    /// <summary>An error of the project's input rather than of the file system, the command line or the program.</summary>
    public bool OfInput { get; } = ofInput;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string Text(ReportLanguage language) => text(language);

    /// <summary>The line on stderr in <paramref name="language"/> (<see cref="Program.ErrorLine"/>).</summary>
    public string Line(ReportLanguage language) => Program.ErrorLine(Text(language), OfInput);

    /// <summary>The same error with its message changed by <paramref name="change"/> in every language.</summary>
    public ProjectError Select(Func<string, string> change) => new(language => change(text(language)), OfInput);
}
