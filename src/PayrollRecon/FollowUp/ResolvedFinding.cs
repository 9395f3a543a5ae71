namespace PayrollRecon.FollowUp;

/// <summary>A finding of the previous run that this run no longer reports (销号, <c>resolved.csv</c>).</summary>
/// <param name="FindingId">The finding id.</param>
/// <param name="Code">The finding code name.</param>
/// <param name="Severity">Its severity when last reported.</param>
/// <param name="WorkerId">The worker_id as last reported (empty for project-level findings).</param>
/// <param name="Period"><c>yyyy-MM</c> or empty.</param>
/// <param name="FirstSeen">The asOf of the run that first reported it.</param>
/// <param name="ResolvedOn">This run's asOf.</param>
/// <param name="DaysOpen">Days from <paramref name="FirstSeen"/> to <paramref name="ResolvedOn"/>.</param>
public sealed record ResolvedFinding(string FindingId, string Code, string Severity, string WorkerId, string Period, DateOnly FirstSeen, DateOnly ResolvedOn, int DaysOpen);
