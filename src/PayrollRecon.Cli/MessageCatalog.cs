using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>
/// Every message of the command line — its errors, summaries, warnings and the report of <c>inspect</c> — in English and
/// Chinese, keyed by what it says. Messages of the library (unreadable rows, unreadable files) come with their own
/// language (<see cref="Model.PayrollDataException.GetMessage"/>, <see cref="Model.Diagnostic.ToString(ReportLanguage)"/>).
/// </summary>
/// <remarks>
/// Templates are composite formats (<c>{0}</c>, <c>{1:F1}</c>); values from the inputs are arguments, never part of a
/// template. A message names its subject first and then <c>": "</c> in both languages (<c>bank.csv: …</c>), so a batch
/// can put the project folder in front of either. The English texts are the contract of the exact-message tests.
/// </remarks>
internal static partial class MessageCatalog
{
    /// <summary>The template of <paramref name="key"/> in <paramref name="language"/>.</summary>
    public static string Template(MessageKey key, ReportLanguage language)
    {
        var (en, zh) = Templates(key);
        return language == ReportLanguage.En ? en : zh;
    }

    private static (string En, string Zh) Templates(MessageKey key) => key switch
    {
        MessageKey.KindFolder => ("a folder", "文件夹"),
        MessageKey.KindNamedPipe => ("a named pipe", "命名管道"),
        MessageKey.KindCharacterDevice => ("a character device", "字符设备"),
        MessageKey.KindBlockDevice => ("a block device", "块设备"),
        MessageKey.KindSocket => ("a socket", "套接字"),
        MessageKey.KindLink => ("a link", "链接"),
        MessageKey.KindMissing => ("missing", "不存在"),
        MessageKey.KindRegularFile => ("a regular file", "普通文件"),
        MessageKey.KindSpecialFile => ("a special file", "特殊文件"),

        MessageKey.UnknownCommand => ("unknown command '{0}'; the commands are check, batch, generate and inspect (see 'payrollrecon --help')",
            "未知命令 '{0}'；可用命令为 check、batch、generate、inspect（见 'payrollrecon --help'）"),
        MessageKey.UnknownCommandSuggest => ("unknown command '{0}'; did you mean '{1}'? (see 'payrollrecon --help')",
            "未知命令 '{0}'；是否要用 '{1}'？（见 'payrollrecon --help'）"),
        MessageKey.NoCommand => ("no command given; the commands are check, batch, generate and inspect (see 'payrollrecon --help')",
            "没有给出命令；可用命令为 check、batch、generate、inspect（见 'payrollrecon --help'）"),
        MessageKey.AsOfInvalid => ("--as-of: invalid date '{0}' (expected yyyy-MM-dd, e.g. 2024-07-10; also yyyy/M/d, yyyyMMdd or 2024年7月10日)",
            "--as-of: 日期无效 '{0}'（应为 yyyy-MM-dd，例如 2024-07-10；也可写 yyyy/M/d、yyyyMMdd 或 2024年7月10日）"),
        MessageKey.AsOfOutOfRange => ("--as-of: date '{0}' is outside the years 1900–2199", "--as-of: 日期 '{0}' 不在 1900–2199 年之间"),
        MessageKey.OutIsFile => ("--out: '{0}' is a file, not a folder; give a folder for the outputs", "--out: '{0}' 是文件而不是文件夹；请指定输出文件夹"),
        MessageKey.ShardInvalid => ("--shard: expected I/N with 0 <= I <= N, got '{0}'", "--shard: 应为 I/N 且 0 <= I <= N，实为 '{0}'"),
        MessageKey.JobsInvalid => ("--jobs: expected a positive number, got {0}", "--jobs: 应为正整数，实为 {0}"),
        MessageKey.DefectRateRange => ("--defect-rate: expected a number from 0 to 1, got {0}", "--defect-rate: 应为 0 到 1 之间的数，实为 {0}"),
        MessageKey.OptionRange => ("{0}: expected a number from 1 to {1}, got {2}", "{0}: 应为 1 到 {1} 之间的数，实为 {2}"),
        MessageKey.NoSuchFolder => ("{0}: no such folder", "{0}: 文件夹不存在"),
        MessageKey.NoSuchProjectFolder => ("{0}: no such project folder", "{0}: 项目文件夹不存在"),
        MessageKey.ProjectFolderIsFile => ("{0}: a file, not a project folder", "{0}: 是文件而不是项目文件夹"),
        MessageKey.MissingRequiredFile => ("{0}: missing required file '{1}'", "{0}: 缺少必需的文件 '{1}'"),
        MessageKey.MissingSettingsHoldsProjects => ("{0}: missing required file 'project.json'; it holds {1} project folders (e.g. {2}): to check them all, run 'payrollrecon batch {0}'",
            "{0}: 缺少必需的文件 'project.json'；其下有 {1} 个项目文件夹（如 {2}）：要全部检查，请运行 'payrollrecon batch {0}'"),
        MessageKey.NoProjectsBelowRoot => ("{0}: no projects found (a project is a folder holding a project.json); nothing was checked",
            "{0}: 未找到任何项目（项目是含 project.json 的文件夹）；未检查任何内容"),
        MessageKey.InspectMissingRequired => ("{0}: missing required file '{1}'; the project cannot be checked", "{0}: 缺少必需的文件 '{1}'；无法检查该项目"),
        MessageKey.OutIsRoot => ("--out: '{0}' is the root folder itself; write the outputs to a folder outside the root",
            "--out: '{0}' 就是根文件夹；请把结果写到根文件夹以外的文件夹"),
        MessageKey.OutInsideRoot => ("--out: '{0}' is inside the root folder '{1}'; write the outputs to a folder outside the root",
            "--out: '{0}' 位于根文件夹 '{1}' 之内；请把结果写到根文件夹以外的文件夹"),
        MessageKey.OutHoldsRoot => ("--out: '{0}' holds the root folder '{1}'; write the outputs to a folder outside the root",
            "--out: '{0}' 包含根文件夹 '{1}'；请把结果写到根文件夹以外的文件夹"),
        MessageKey.OutHoldsProject => ("--out: '{0}' holds a project ({1}); write the outputs to a folder of their own",
            "--out: '{0}' 中有项目（{1}）；请把结果写到单独的文件夹"),
        MessageKey.OutputFolderNotFolder => ("output folder '{0}' in --out is {1}, not a folder; not written (remove it)",
            "--out 中的输出文件夹 '{0}' 是{1}而不是文件夹；未写入（请删除它）"),
        MessageKey.LockHeldByOther => ("--out: '{0}' holds {1} named {2}; remove it", "--out: '{0}' 中有名为 {2} 的{1}；请删除它"),
        MessageKey.LockInUse => ("--out: '{0}' is in use by another batch run (it holds {1}); wait for that run to end or choose another folder",
            "--out: '{0}' 正被另一个 batch 运行使用（其中有 {1}）；请等它结束或换一个文件夹"),
        MessageKey.LockReplaced => ("--out: '{0}': cannot lock {1} (it keeps being replaced)", "--out: '{0}': 无法锁定 {1}（它不断被替换）"),
        MessageKey.LinkToNothing => ("{0}: a link to nothing (its target does not exist)", "{0}: 链接指向的目标不存在"),
        MessageKey.NotRegularLink => ("{0}: not a regular file (a link to {1})", "{0}: 不是普通文件（是指向{1}的链接）"),
        MessageKey.LinkOutside => ("{0}: a link to a file outside the project folder (not read)", "{0}: 链接指向项目文件夹以外的文件（未读取）"),
        MessageKey.NotRegularFile => ("{0}: not a regular file ({1})", "{0}: 不是普通文件（是{1}）"),
        MessageKey.CannotExamine => ("{0}: cannot be examined ({1})", "{0}: 无法查看（{1}）"),
        MessageKey.CannotBeRead => ("{0}: cannot be read ({1})", "{0}: 无法读取（{1}）"),
        MessageKey.FolderCannotBeListed => ("{0}: folder cannot be listed ({1})", "{0}: 无法列出文件夹内容（{1}）"),
        MessageKey.LinkToFolderOutsideRoot => ("{0}: a link to a folder outside the root (not followed)", "{0}: 指向根文件夹以外的链接（未跟随）"),
        MessageKey.DuplicateCode => ("{0}: project code '{1}' is also the code of {2}", "{0}: 项目编号 '{1}' 与 {2} 的编号相同"),
        MessageKey.LookAlikeCode => ("{0}: project code '{1}' cannot be told from the code '{2}' of {3} (they differ only in case, width, invisible characters or surrounding spaces)",
            "{0}: 项目编号 '{1}' 与 {3} 的编号 '{2}' 无法区分（只差大小写、全半角、不可见字符或首尾空格）"),
        MessageKey.Overflow => ("an amount or a sum of amounts is too large to hold exactly (over 92 233 720 368 547 758.07 yuan)",
            "金额或金额之和过大，无法精确表示（超过 92 233 720 368 547 758.07 元）"),
        MessageKey.Cancelled => ("cancelled", "已中断"),
        MessageKey.Untranslated => ("{0}", "{0}"),
        MessageKey.ListItems => ("{0}, {1}", "{0}、{1}"),
        MessageKey.InternalError => ("internal error ({0}): {1}", "内部错误（{0}）：{1}"),

        MessageKey.InspectFile => ("{0}: {1}{2}, {3} bytes, {4} rows read, {5} rejected", "{0}: {1}{2}，{3} 字节，读取 {4} 行，拒绝 {5} 行"),
        MessageKey.InspectSheet => (" (sheet '{0}')", "（工作表 '{0}'）"),
        MessageKey.InspectHeader => ("  header on line {0}{1}; {2} preamble rows, {3} footer rows skipped", "  表头在第 {0} 行{1}；跳过表头前 {2} 行、表尾 {3} 行"),
        MessageKey.InspectCommaSeparated => (", comma-separated", "，逗号分隔"),
        MessageKey.InspectTabSeparated => (", tab-separated", "，制表符分隔"),
        MessageKey.InspectEncodingDecided => ("  encoding decided on the first {0} bytes", "  编码依据前 {0} 字节判定"),
        MessageKey.InspectWarning => ("  warning: {0}", "  警告: {0}"),
        MessageKey.InspectPreamble => ("  preamble: {0}", "  表头前: {0}"),
        MessageKey.InspectPreambleAccount => ("  statement account (preamble): {0}", "  流水账号（表头前）: {0}"),
        MessageKey.InspectPreamblePeriod => ("  statement period (preamble): {0} to {1}", "  流水期间（表头前）: {0} 至 {1}"),
        MessageKey.InspectLayout => ("  layout: {0}{1}", "  格式: {0}{1}"),
        MessageKey.InspectNewestFirst => ("; listed newest first (read in reverse, R40)", "；按时间倒序排列（倒序读取，R40）"),
        MessageKey.InspectLayoutA => ("A (direction + amount)", "A（方向 + 金额）"),
        MessageKey.InspectLayoutB => ("B (debit / credit columns)", "B（借方 / 贷方金额列）"),
        MessageKey.InspectLayoutC => ("C (signed amount)", "C（带符号金额）"),
        MessageKey.InspectColumns => ("  columns: {0}", "  列: {0}"),
        MessageKey.InspectNoColumns => ("(none)", "（无）"),
        MessageKey.InspectIgnored => ("  ignored: {0}", "  忽略: {0}"),
        MessageKey.InspectMore => ("  … and {0} more", "  ……另有 {0} 行"),
        MessageKey.InspectAbsent => ("{0}: absent", "{0}: 无此文件"),
        MessageKey.InspectAbsentRequired => ("{0}: absent (required)", "{0}: 无此文件（必需）"),
        MessageKey.LevelRed => ("red", "红色预警"),
        MessageKey.LevelOrange => ("orange", "橙色预警"),
        MessageKey.LevelYellow => ("yellow", "黄色预警"),
        MessageKey.LevelGreen => ("green", "无预警"),

        MessageKey.FindingCount => ("{0} findings", "{0} 条问题"),
        MessageKey.FindingCountOne => ("{0} finding", "{0} 条问题"),
        MessageKey.CheckSummary => ("{0}: {1}; {2} (red {3}, orange {4}, yellow {5}{6}{7}); due {8}, paid {9}, outstanding {10}; as of {11}; written to {12}",
            "{0}: {1}；{2}（红 {3}、橙 {4}、黄 {5}{6}{7}）；应发 {8} 元，已付 {9} 元，欠付 {10} 元；截至 {11}；结果已写入 {12}"),
        MessageKey.CheckSummaryInfo => (", info {0}", "、提示 {0}"),
        MessageKey.CheckSummaryWaived => ("; {0} waived as false alarms", "；{0} 条误报已豁免"),
        MessageKey.CheckSummaryWaivedOne => ("; {0} waived as a false alarm", "；{0} 条误报已豁免"),
        MessageKey.CheckTopFinding => ("  {0} {1}: {2}", "  {0} {1}：{2}"),
        MessageKey.CheckTopFindingWaived => ("  {0} {1} (waived as a false alarm): {2}", "  {0} {1}（误报，已豁免）：{2}"),
        MessageKey.CheckMoreFindings => ("  … and {0} more in {1}", "  ……另有 {0} 条，见 {1}"),
        MessageKey.CheckRejectedRows => ("  {0}: {1} of {2} rows could not be read (DATA_ERROR, see {3})", "  {0}: {2} 行中有 {1} 行无法读取（DATA_ERROR，见 {3}）"),
        MessageKey.BatchSummary => ("{0} checked ({1} could not be read) in {2:F1} s; as of {3}; portfolio written to {4}",
            "已检查 {0}（{1} 个无法读取），用时 {2:F1} 秒；截至 {3}；汇总已写入 {4}"),
        MessageKey.ProjectCount => ("{0} projects", "{0} 个项目"),
        MessageKey.ProjectCountOne => ("{0} project", "{0} 个项目"),
        MessageKey.GenerateSummary => ("{0}, {1} in {2:F1} s ({3}/s)", "已生成 {0}，{1}，用时 {2:F1} 秒（{3}/s）"),
        MessageKey.BatchAsOfDates => ("{0} to {1}", "{0} 至 {1}"),
        MessageKey.AsOfFallbackWarning => ("no as-of date given (project.json has no 'asOf', no --as-of): checked as of today, {0}; findings change with the day the check is run",
            "未给出截至日期（project.json 没有 'asOf'，也没有 --as-of）：按今天 {0} 检查；检查结果会随运行日期变化"),
        MessageKey.BatchAsOfFallbackWarning => ("{0} of {1} projects have no as-of date (project.json has no 'asOf', no --as-of): checked as of today, {2}; their findings change with the day the check is run",
            "{1} 个项目中有 {0} 个未给出截至日期（project.json 没有 'asOf'，也没有 --as-of）：按今天 {2} 检查；其检查结果会随运行日期变化"),
        MessageKey.HistoryPastCap => ("{0} holds {1} finding ids; a later check reads at most {2} from its previous run (--previous) and will refuse this folder",
            "{0} 含 {1} 个问题编号；之后的检查最多从上次结果（--previous）读取 {2} 个，将拒绝读取此文件夹"),
        MessageKey.Warning => ("payrollrecon: warning: {0}", "payrollrecon: 警告: {0}"),
        MessageKey.ProgressLine => ("{0}/{1} projects, {2}/s, {3}, {4} (of {5})", "{0}/{1} 个项目，{2}/s，{3}，{4}（共 {5}）"),
        MessageKey.ProgressElapsed => ("elapsed {0}", "已用 {0}"),
        MessageKey.ProgressLeft => ("left {0}", "剩余 {0}"),
        _ => CliTemplates(key),
    };
}
