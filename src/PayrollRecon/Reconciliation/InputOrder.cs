using System.Runtime.CompilerServices;

namespace PayrollRecon.Reconciliation;

/// <summary>The order a <see cref="Reconciler"/> takes its inputs in; each stage may be empty, none may come back.</summary>
internal enum InputOrder
{
    Calendar,
    Roster,
    Punches,
    Payroll,
    Batches,
    Bank,
    Rulings,
    Completed,
}

/// <summary>The names and messages of <see cref="InputOrder"/>.</summary>
internal static class InputOrders
{
    /// <summary>The order, as the out-of-order message states it.</summary>
    public const string Order = "feed the calendar, roster, punches, payroll rows, batch lines, bank lines and rulings in that order, then call Complete once";

    /// <summary>The <see cref="Reconciler"/> method that feeds <paramref name="stage"/>.</summary>
    public static string Method(InputOrder stage) => stage switch
    {
        InputOrder.Calendar => nameof(Reconciler.AddCalendar),
        InputOrder.Roster => nameof(Reconciler.AddWorker),
        InputOrder.Punches => nameof(Reconciler.AddPunch),
        InputOrder.Payroll => nameof(Reconciler.AddPayroll),
        InputOrder.Batches => nameof(Reconciler.AddBatchLine),
        InputOrder.Bank => nameof(Reconciler.AddBankLine),
        InputOrder.Rulings => nameof(Reconciler.AddRuling),
        _ => nameof(Reconciler.Complete),
    };

    /// <summary>What <paramref name="stage"/> feeds, in words.</summary>
    public static string Rows(InputOrder stage) => stage switch
    {
        InputOrder.Calendar => "calendar rows",
        InputOrder.Roster => "roster rows",
        InputOrder.Punches => "punches",
        InputOrder.Payroll => "payroll rows",
        InputOrder.Batches => "batch lines",
        InputOrder.Bank => "bank lines",
        InputOrder.Rulings => "rulings",
        _ => "Complete",
    };

    /// <summary>The message for feeding <paramref name="stage"/> once <paramref name="current"/> (a later stage) has begun.</summary>
    public static string OutOfOrder(InputOrder stage, InputOrder current) =>
        $"{Method(stage)}: {Rows(stage)} cannot come after {Rows(current)}; {Order}.";
}

/// <summary>Holds a <see cref="Reconciler"/> to <see cref="InputOrder"/>: each input may follow only itself or an earlier one, and nothing follows Complete.</summary>
internal sealed class InputGate
{
    private InputOrder _stage;

    /// <summary>Moves the input to <paramref name="stage"/>; one comparison when it is the current stage (every row but a file's first).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="stage"/> lies behind the current stage, or Complete was called.</exception>
    public void Enter(InputOrder stage)
    {
        if (stage != _stage) Advance(stage);
    }

    /// <summary>Throws when Complete was called: <paramref name="method"/> may come at any point before it.</summary>
    public void NotCompleted(string method)
    {
        if (_stage == InputOrder.Completed) throw new InvalidOperationException($"{method}: Complete has been called; the reconciler takes no more input.");
    }

    /// <summary>Moves to <see cref="InputOrder.Completed"/>, once.</summary>
    public void Complete()
    {
        if (_stage == InputOrder.Completed) throw new InvalidOperationException("Complete has already been called on this reconciler.");
        _stage = InputOrder.Completed;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Advance(InputOrder stage)
    {
        NotCompleted(InputOrders.Method(stage));
        if (stage < _stage) throw new InvalidOperationException(InputOrders.OutOfOrder(stage, _stage));
        _stage = stage;
    }
}
