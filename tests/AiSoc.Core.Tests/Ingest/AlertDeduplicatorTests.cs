using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Ingest;

public class AlertDeduplicatorTests
{
    [Fact]
    public void Deduplicate_NewerVersionWithoutEntities_KeepsOlderEntities()
    {
        var older = Alert("a1", "2024-01-01T00:00:00Z", "old", EntityFactory.Host(hostName: "ws-01"));
        var newer = Alert("a1", "2024-01-02T00:00:00Z", "new");

        var (alerts, merged) = AlertDeduplicator.Deduplicate([older, newer]);

        var alert = Assert.Single(alerts);
        Assert.Equal(1, merged);
        Assert.Equal("new", alert.Title);
        Assert.Equal("ws-01", Assert.IsType<HostEntity>(Assert.Single(alert.Entities)).HostName);
    }

    [Fact]
    public void Deduplicate_SameEntityInBothVersions_ListedOnce()
    {
        var older = Alert("a1", "2024-01-01T00:00:00Z", "old", EntityFactory.Account(upn: "alice@contoso.com", displayName: "Alice"));
        var newer = Alert("a1", "2024-01-02T00:00:00Z", "new", EntityFactory.Account(upn: "alice@contoso.com"));

        var (alerts, _) = AlertDeduplicator.Deduplicate([older, newer]);

        var account = Assert.IsType<AccountEntity>(Assert.Single(Assert.Single(alerts).Entities));
        Assert.Null(account.DisplayName);
    }

    [Fact]
    public void Deduplicate_EqualVersions_LaterRecordWins()
    {
        var first = Alert("a1", "2024-01-01T00:00:00Z", "first", record: 1);
        var second = Alert("a1", "2024-01-01T00:00:00Z", "second", record: 2);

        var (alerts, _) = AlertDeduplicator.Deduplicate([second, first]);

        Assert.Equal("second", Assert.Single(alerts).Title);
    }

    [Fact]
    public void Deduplicate_ProviderIncidentVersions_UnionAlertIds()
    {
        var raw = new RawRecordRef("f", 0);
        var older = new ProviderIncident { Source = "s", ProviderIncidentId = "1", ProviderAlertIds = ["x"], LastUpdatedAt = DateTimeOffset.UnixEpoch, Raw = raw, Title = "old" };
        var newer = older with { ProviderAlertIds = ["y"], LastUpdatedAt = DateTimeOffset.UnixEpoch.AddDays(1), Title = "new" };

        var incident = Assert.Single(AlertDeduplicator.Deduplicate([newer, older]));

        Assert.Equal("new", incident.Title);
        Assert.Equal(["y", "x"], incident.ProviderAlertIds);
    }

    private static NormalizedAlert Alert(string id, string updated, string title, Entity? entity = null, long record = 0)
    {
        var draft = new AlertDraft(SourceProduct.ThirdParty, new RawRecordRef("f", record))
        {
            ProviderAlertId = id,
            Title = title,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = AlertDraft.Time(updated, "updated"),
        };
        draft.AddEntity(entity, "entities", "host");
        return draft.Build("id", "title", "created");
    }
}
