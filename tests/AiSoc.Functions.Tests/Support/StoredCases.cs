using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;

namespace AiSoc.Functions.Tests.Support;

/// <summary>Builds a finished investigation: the incident with one alert, and its case record with an approved containment.</summary>
internal static class StoredCases
{
    public const string TriageKey = "sentinel-webhook";
    public const string DetectorId = "impossibleTravel";

    public static StoredIncident Incident(string incidentId, DateTimeOffset alertCreatedAt)
    {
        var alert = new NormalizedAlert
        {
            Id = "al-" + incidentId,
            Source = "entra-id-protection",
            ProviderAlertId = "p-" + incidentId,
            Title = "Impossible travel",
            CreatedAt = alertCreatedAt,
            FirstActivityAt = alertCreatedAt,
            DetectorId = DetectorId,
            Severity = Severity.High,
            Verdict = Verdict.Malicious,
            Score = 85,
            Techniques = ["T1078"],
            IncidentId = incidentId,
            Raw = new RawRecordRef("test.ndjson", 1),
        };
        var incident = new IncidentSummary
        {
            Id = incidentId,
            Title = "Impossible travel",
            Severity = Severity.High,
            Score = 85,
            Verdict = Verdict.Malicious,
            FirstActivityAt = alertCreatedAt,
            LastActivityAt = alertCreatedAt,
            AlertIds = [alert.Id],
            Tactics = ["InitialAccess"],
            Techniques = ["T1078"],
            Sources = [alert.Source],
            ProviderIncidentIds = [],
            Timeline = [],
            Entities = [],
            Reasons = [],
            HeldBackEntities = [],
        };
        return new StoredIncident(incident, [alert]);
    }

    public static CaseRecord Record(string incidentId, DateTimeOffset completedAt, string? triageKey = TriageKey) => new()
    {
        InvestigationId = "inv-" + incidentId,
        IncidentId = incidentId,
        Title = "Impossible travel",
        Verdict = Verdict.Malicious,
        Evidence = [],
        PlannedActions = [],
        Actions = [new ActionOutcome(incidentId + "|disable-user|account", ActionDisposition.RequireApproval, "executed", Executed: true, ActionExecutionStatus.Succeeded, null, [])],
        Decisions = [new ApprovalState("a1", ApprovalStatus.Approved, "sam@contoso.com", completedAt, null)],
        TriageKey = triageKey,
        StartedAt = completedAt.AddMinutes(-30),
        CompletedAt = completedAt,
    };
}
