using AiSoc.Core.Correlation;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Correlation;

public class CorrelationScaleTests
{
    [Fact]
    public void Correlate_100000Alerts_Completes()
    {
        const int count = 100_000;
        var alerts = new NormalizedAlert[count];
        for (var i = 0; i < count; i++)
        {
            // 500 users, 2,000 hosts, one NAT IP in every tenth alert and a SID on every third account, one alert
            // every 26 seconds (30 days in all), so links, prevalence hold-backs and size limits all occur.
            var account = EntityFactory.Account(upn: $"user{i % 500}@contoso.com", sid: i % 3 == 0 ? $"S-1-5-21-1-2-3-{1000 + (i % 500)}" : null);
            Entity?[] entities = i % 10 == 0
                ? [account, Host($"ws{i % 2000}.contoso.com"), Ip("81.2.69.142")]
                : [account, Host($"ws{i % 2000}.contoso.com")];
            alerts[i] = Create($"scale-{i}", entities, at: T0.AddSeconds(i * 26L), severity: (Severity)(i % 5),
                providerIncidentId: i % 100 == 0 ? $"inc-{i / 1000}" : null);
        }

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate(alerts);

        Assert.Equal(count, result.Incidents.Sum(i => i.AlertIds.Count));
        Assert.Equal(count, result.Contexts.Count);
        Assert.All(result.Incidents, i => Assert.True(i.AlertIds.Count <= 200 || i.ProviderIncidentIds.Count > 0));
        Assert.Contains(result.Incidents, i => i.HeldBackEntities.Any(h => h.Reason == HoldBackReason.Prevalence));
        Assert.Contains(result.Incidents, i => i.HeldBackEntities.Any(h => h.Reason == HoldBackReason.MaxIncidentSize));
    }
}
