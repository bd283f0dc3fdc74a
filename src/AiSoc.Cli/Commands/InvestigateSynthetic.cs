using System.Globalization;
using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;
using AiSoc.Investigations.Ports;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Generated incidents for measuring orchestration throughput: each is a confident malicious sign-in alert against
/// its own account, so every investigation runs one automatic action and creates one approval request.
/// </summary>
internal static class InvestigateSynthetic
{
    public const string TriageKey = "synthetic";

    public static IEnumerable<StoredIncident> Create(int count, DateTimeOffset now)
    {
        for (var index = 1; index <= count; index++)
        {
            var id = "in-syn-" + index.ToString("D6", CultureInfo.InvariantCulture);
            var activity = now.AddMinutes(-30);
            Entity[] entities = [new AccountEntity { Upn = $"user{index}@contoso.example", ObjectId = $"00000000-0000-0000-0000-{index:D12}" }];
            var alert = new NormalizedAlert
            {
                Id = "al-" + id,
                Source = "entra-id-protection",
                ProviderAlertId = "synthetic-" + id,
                Title = "Synthetic impossible travel",
                CreatedAt = activity,
                FirstActivityAt = activity,
                DetectorId = "impossibleTravel",
                Severity = Severity.High,
                Tactics = ["InitialAccess"],
                Techniques = ["T1078"],
                Entities = entities,
                Verdict = Verdict.Malicious,
                Confidence = 0.95,
                Score = 90,
                Reasons = ["Synthetic benchmark alert"],
                IncidentId = id,
                Raw = new RawRecordRef("synthetic", index),
            };

            yield return new StoredIncident(new IncidentSummary
            {
                Id = id,
                Title = alert.Title,
                Severity = Severity.High,
                Score = 90,
                Verdict = Verdict.Malicious,
                FirstActivityAt = activity,
                LastActivityAt = activity,
                AlertIds = [alert.Id],
                Tactics = alert.Tactics,
                Techniques = alert.Techniques,
                Sources = [alert.Source],
                ProviderIncidentIds = [],
                Timeline = [new TimelineEntry(alert.Id, activity, alert.Title, Severity.High, alert.Tactics)],
                Entities = entities,
                Reasons = alert.Reasons,
                HeldBackEntities = [],
            }, [alert]);
        }
    }
}
