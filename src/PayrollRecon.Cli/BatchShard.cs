using System.Globalization;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Which share of the projects a batch checks: <c>--shard I/N</c>, or else the task of a Slurm job array.</summary>
internal static class BatchShard
{
    /// <summary>The whole root: shard 0 of 1.</summary>
    public static readonly (int Index, int Count) All = (0, 1);

    /// <summary>The shard from <c>--shard</c> when given (<paramref name="option"/>), else from the Slurm array variables of
    /// <paramref name="environment"/>; the latter is said on <paramref name="error"/> in <paramref name="language"/>, since nothing on the command line shows it.</summary>
    /// <remarks>With <c>--array=1-3</c> the tasks are 1, 2, 3: the index is the task id less SLURM_ARRAY_TASK_MIN (divided
    /// by SLURM_ARRAY_TASK_STEP for <c>--array=0-10:2</c>), the count SLURM_ARRAY_TASK_COUNT.</remarks>
    public static (int Index, int Count) Resolve(string? option, Func<string, string?> environment, TextWriter error, ReportLanguage language)
    {
        if (option is not null) return BatchCommand.ParseShard(option);
        string? id = environment("SLURM_ARRAY_TASK_ID");
        if (string.IsNullOrEmpty(id)) return All;

        int Read(string name, int? fallback)
        {
            string? text = environment(name);
            if (string.IsNullOrEmpty(text))
                return fallback ?? throw new CliException(MessageKey.ShardEnvironmentMissing, name);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                throw new CliException(MessageKey.ShardEnvironmentNotNumber, name, Program.OneLine(text));
            return value;
        }

        int task = Read("SLURM_ARRAY_TASK_ID", null);
        int count = Read("SLURM_ARRAY_TASK_COUNT", null);
        int min = Read("SLURM_ARRAY_TASK_MIN", null);
        int step = Read("SLURM_ARRAY_TASK_STEP", 1);
        string from = $"SLURM_ARRAY_TASK_ID={task}, SLURM_ARRAY_TASK_MIN={min}, SLURM_ARRAY_TASK_COUNT={count}"
            + (step == 1 ? string.Empty : $", SLURM_ARRAY_TASK_STEP={step}");
        if (count < 1 || step < 1 || task < min || (task - min) % step != 0 || (task - min) / step >= count)
        {
            // A sparse array (--array=0,3,7) does not say which share of the projects a task is. (A re-run of one task
            // as --array=2 reads as shard 0/1 and cannot be told from a one-task array here; merge refuses its count.)
            throw new CliException(MessageKey.ShardEnvironmentSparse, from, Math.Max(count, 1) - 1);
        }

        var shard = ((task - min) / step, count);
        error.WriteLine(new LocalizedText(MessageKey.ShardFromEnvironment, shard.Item1, shard.count, from).Render(language));
        return shard;
    }
}
