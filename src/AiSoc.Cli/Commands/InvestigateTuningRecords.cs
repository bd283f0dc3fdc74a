using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Builds the <c>aisoc.case/1</c> records that <c>aisoc tune</c> reads (docs/tuning.md): one per alert of an
/// investigated incident, with the incident id as the case id.
/// </summary>
internal static class InvestigateTuningRecords
{
    /// <summary>
    /// Builds one record per alert of <paramref name="incident"/>. The verdict is <c>Unknown</c> unless a person
    /// approved a containment action: that approval means the person judged the incident malicious, so the record
    /// gets <c>TruePositive</c> decided by <c>human</c>. A rejection is not a benign verdict, so it stays <c>Unknown</c>,
    /// and every <c>Unknown</c> record has <c>decidedBy</c> <c>automation</c>, because no person set a verdict.
    /// </summary>
    public static IEnumerable<InvestigateTuningRecord> Build(CaseRecord record, StoredIncident incident)
    {
        var approvedContainment = ApprovedContainment(record);
        var escalated = record.Decisions.Count > 0 || record.Actions.Any(outcome => outcome.Result.StartsWith("unverified", StringComparison.Ordinal));

        // NOTE: outcomes carry no time of their own, so containment is dated when the investigation completed,
        // which is after the last status check of the action.
        DateTimeOffset? containedAt = record.Actions.Any(IsContainment) ? record.CompletedAt : null;

        foreach (var alert in incident.Alerts)
        {
            yield return new InvestigateTuningRecord
            {
                CaseId = record.IncidentId,
                AlertId = alert.Id,
                DetectorId = alert.DetectorId,
                Source = alert.Source,
                Title = alert.Title,
                Severity = alert.Severity.ToString().ToLowerInvariant(),
                Tactics = alert.Tactics,
                Techniques = alert.Techniques,
                IncidentTechniques = incident.Incident.Techniques,
                Entities = alert.Entities,
                CreatedAt = alert.CreatedAt,
                TriagedAt = record.StartedAt,
                ContainedAt = containedAt,
                ClosedAt = record.CompletedAt,
                Verdict = approvedContainment ? nameof(CaseVerdict.TruePositive) : nameof(CaseVerdict.Unknown),
                VerdictReason = approvedContainment ? "a person approved containment" : null,
                DecidedBy = approvedContainment ? "human" : "automation",
                AutoClosed = record.Decisions.Count == 0,
                Escalated = escalated,
                TriageVerdict = VerdictNames.Name(record.Verdict),
            };
        }
    }

    // A containment action a person approved and the executor ran (in a dry run, would have run). Approving a
    // manual task such as "review this incident" is not a judgment that the incident is malicious.
    private static bool ApprovedContainment(CaseRecord record) =>
        record.Decisions.Any(decision => decision.Status == Approvals.ApprovalStatus.Approved)
        && record.Actions.Any(outcome => outcome.Disposition == Core.Response.ActionDisposition.RequireApproval
            && outcome.Executed
            && outcome.Status is not ActionExecutionStatus.ManualTask and not ActionExecutionStatus.Failed);

    private static bool IsContainment(ActionOutcome outcome) =>
        outcome.Status is ActionExecutionStatus.Succeeded or ActionExecutionStatus.AlreadyInDesiredState;
}

/// <summary>One line of <c>case-records.ndjson</c> in the <c>aisoc.case/1</c> format.</summary>
internal sealed record InvestigateTuningRecord
{
    public string Schema { get; } = CaseRecordFormat.Schema;

    public required string CaseId { get; init; }

    public required string AlertId { get; init; }

    public string? DetectorId { get; init; }

    public required string Source { get; init; }

    public required string Title { get; init; }

    public required string Severity { get; init; }

    public IReadOnlyList<string> Tactics { get; init; } = [];

    public IReadOnlyList<string> Techniques { get; init; } = [];

    public IReadOnlyList<string> IncidentTechniques { get; init; } = [];

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? TriagedAt { get; init; }

    public DateTimeOffset? ContainedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public required string Verdict { get; init; }

    public string? VerdictReason { get; init; }

    public required string DecidedBy { get; init; }

    public bool AutoClosed { get; init; }

    public bool Escalated { get; init; }

    public required string TriageVerdict { get; init; }
}
