using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>Builds triaged incidents in memory: a malicious sign-in incident against one account, or one without entities.</summary>
internal static class TestIncidents
{
    public const string TargetUpn = "alice@contoso.com";
    public const string TargetOid = "11111111-1111-1111-1111-111111111111";

    public const string SecondTargetUpn = "bob@contoso.com";

    public static StoredIncident CompromisedAccount(string incidentId, bool withEntities = true, Verdict verdict = Verdict.Malicious, double confidence = 0.95, bool withSecondAccount = false)
    {
        var activity = DateTimeOffset.UtcNow.AddHours(-1);
        Entity[] entities = withEntities ? [new AccountEntity { Upn = TargetUpn, ObjectId = TargetOid, DisplayName = "Alice" }] : [];
        if (withSecondAccount)
        {
            entities = [.. entities, new AccountEntity { Upn = SecondTargetUpn, ObjectId = "33333333-3333-3333-3333-333333333333", DisplayName = "Bob" }];
        }

        var alert = new NormalizedAlert
        {
            Id = "al-" + incidentId,
            Source = "entra-id-protection",
            ProviderAlertId = "p-" + incidentId,
            Title = "Impossible travel for Alice",
            CreatedAt = activity,
            FirstActivityAt = activity,
            DetectorId = "impossibleTravel",
            Severity = Severity.High,
            Entities = entities,
            Verdict = verdict,
            Confidence = confidence,
            Score = 85,
            Reasons = ["Impossible travel between two countries (+40)"],
            IncidentId = incidentId,
            Raw = new RawRecordRef("test.ndjson", 1),
        };

        var incident = new IncidentSummary
        {
            Id = incidentId,
            Title = "Impossible travel for Alice",
            Severity = Severity.High,
            Score = 85,
            Verdict = verdict,
            FirstActivityAt = activity,
            LastActivityAt = activity,
            AlertIds = [alert.Id],
            Tactics = ["InitialAccess"],
            Techniques = ["T1078"],
            Sources = ["entra-id-protection"],
            ProviderIncidentIds = [],
            Timeline = [new TimelineEntry(alert.Id, activity, alert.Title, Severity.High, ["InitialAccess"])],
            Entities = entities,
            Reasons = alert.Reasons,
            HeldBackEntities = [],
        };
        return new StoredIncident(incident, [alert]);
    }
}
