using AiSoc.Core.Correlation;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Tests.Triage;

public class IncidentSummaryFactoryTests
{
    [Fact]
    public void Create_ProviderIncidentEntities_JoinCorrelatedIncident()
    {
        var alert = Alert("a1", EntityFactory.Host(fqdn: "ws-01.contoso.com"));
        var relatedIp = EntityFactory.Ip("203.0.113.7")!;
        var provider = Provider("inc-1", ["a1"], relatedIp);

        var summary = Assert.Single(IncidentSummaryFactory.Create([Correlated(alert, "inc-1")], Index(alert), [provider]));

        Assert.Equal(2, summary.Entities.Count);
        Assert.Contains(relatedIp, summary.Entities);
    }

    [Fact]
    public void Create_ProviderIncidentWithoutAlerts_BecomesNeedsContextIncident()
    {
        var provider = Provider("inc-2", ["missing-alert"], EntityFactory.Account(upn: "alice@contoso.com")!);

        var summary = Assert.Single(IncidentSummaryFactory.Create([], new Dictionary<string, NormalizedAlert>(), [provider]));

        Assert.Equal(Verdict.NeedsContext, summary.Verdict);
        Assert.Equal(["inc-2"], summary.ProviderIncidentIds);
        Assert.Empty(summary.AlertIds);
        Assert.Single(summary.Entities);
        Assert.Equal("Needs context: the one alert the provider incident lists was not in the input", Assert.Single(summary.Reasons));
    }

    private static NormalizedAlert Alert(string id, Entity? entity)
    {
        var draft = new AlertDraft(SourceProduct.Sentinel, new RawRecordRef("f", 0))
        {
            ProviderAlertId = id,
            Title = "t",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Severity = Severity.High,
        };
        draft.AddEntity(entity, "entities", "host");
        return draft.Build("id", "title", "created");
    }

    private static ProviderIncident Provider(string id, IReadOnlyList<string> alertIds, Entity entity) => new()
    {
        Source = SourceProduct.Sentinel,
        ProviderIncidentId = id,
        Title = "Incident " + id,
        Severity = Severity.High,
        ProviderAlertIds = alertIds,
        Entities = [entity],
        Raw = new RawRecordRef("f", 1),
    };

    private static CorrelatedIncident Correlated(NormalizedAlert alert, string providerIncidentId) => new()
    {
        Id = "in-1",
        AlertIds = [alert.Id],
        Alerts = [new TimelineEntry(alert.Id, alert.CreatedAt, alert.Title, alert.Severity, alert.Tactics)],
        Entities = alert.Entities,
        Severity = alert.Severity,
        Title = alert.Title,
        Tactics = [],
        ProviderIncidentIds = [providerIncidentId],
        HeldBackEntities = [],
    };

    private static Dictionary<string, NormalizedAlert> Index(NormalizedAlert alert) => new() { [alert.Id] = alert };
}
