using AiSoc.Approvals;
using AiSoc.Core.Parsing;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>
/// Converts a case record and its incident to the per-alert <see cref="CaseOutcome"/> values that tuning reads,
/// with the values <see cref="CaseRecordReader"/> returns for the <c>aisoc.case/1</c> lines that
/// <c>aisoc investigate</c> writes for the same case: one outcome per alert, with the incident id as the case id.
/// </summary>
public static class CaseOutcomeBuilder
{
    /// <summary>
    /// Builds one outcome per alert of <paramref name="incident"/>. The verdict is unknown unless a person approved a
    /// containment action: that approval means the person judged the incident malicious, so the outcome is a true
    /// positive decided by a person. A rejection is not a benign verdict, so it stays unknown and decided by automation.
    /// </summary>
    public static IEnumerable<CaseOutcome> Build(CaseRecord record, StoredIncident incident)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(incident);

        var approvedContainment = ApprovedContainment(record);
        var escalated = record.Decisions.Count > 0 || record.Actions.Any(outcome => outcome.Result.StartsWith("unverified", StringComparison.Ordinal));

        // NOTE: outcomes carry no time of their own, so containment is dated when the investigation completed,
        // which is after the last status check of the action.
        DateTimeOffset? containedAt = record.Actions.Any(IsContainment) ? record.CompletedAt : null;
        var incidentTechniques = Techniques(incident.Incident.Techniques);

        foreach (var alert in incident.Alerts)
        {
            yield return new CaseOutcome
            {
                CaseId = record.IncidentId,
                AlertId = alert.Id,
                DetectorId = string.IsNullOrWhiteSpace(alert.DetectorId) ? null : alert.DetectorId,
                Source = alert.Source,
                Title = alert.Title,
                Severity = alert.Severity,
                Tactics = alert.Tactics,
                Techniques = Techniques(alert.Techniques),
                IncidentTechniques = incidentTechniques,
                Entities = alert.Entities,
                CreatedAt = alert.CreatedAt,
                TriagedAt = record.StartedAt,
                ContainedAt = containedAt,
                ClosedAt = record.CompletedAt,
                Verdict = approvedContainment ? CaseVerdict.TruePositive : CaseVerdict.Unknown,
                VerdictReason = approvedContainment ? "a person approved containment" : null,
                DecidedBy = approvedContainment ? VerdictSource.Human : VerdictSource.Automation,
                AutoClosed = record.Decisions.Count == 0,
                Escalated = escalated,
                TriageVerdict = record.Verdict,
            };
        }
    }

    // A containment action a person approved and the executor ran (in a dry run, would have run). Approving a
    // manual task such as "review this incident" is not a judgment that the incident is malicious.
    private static bool ApprovedContainment(CaseRecord record) =>
        record.Decisions.Any(decision => decision.Status == ApprovalStatus.Approved)
        && record.Actions.Any(outcome => outcome.Disposition == ActionDisposition.RequireApproval
            && outcome.Executed
            && outcome.Status is not ActionExecutionStatus.ManualTask and not ActionExecutionStatus.Failed);

    private static bool IsContainment(ActionOutcome outcome) =>
        outcome.Status is ActionExecutionStatus.Succeeded or ActionExecutionStatus.AlreadyInDesiredState;

    // Normalizes technique ids and drops repeats, as the reader does. The reader rejects an id that does not parse,
    // but here it is dropped, so one alert cannot fail the whole tuning run.
    private static List<string> Techniques(IEnumerable<string> values)
    {
        var techniques = new List<string>();
        foreach (var value in values)
        {
            if (AttackIds.TryNormalizeTechnique(value, out var technique) && !techniques.Contains(technique))
            {
                techniques.Add(technique);
            }
        }

        return techniques;
    }
}
