using AiSoc.Core.Correlation;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Correlation;

public class EntityLinkTests
{
    private const string BobOid = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    private const string BobSid = "S-1-5-21-1004336348-1177238915-682003330-1107";

    private static CorrelationResult Correlate(params NormalizedAlert[] alerts) =>
        new AlertCorrelator(new CorrelationOptions()).Correlate(alerts);

    private static CorrelatedIncident IncidentOf(CorrelationResult result, NormalizedAlert alert) =>
        result.Incidents.Single(i => i.AlertIds.Contains(alert.Id));

    [Fact]
    public void Correlate_SharedUpn_LinksAlerts()
    {
        var first = Create("upn-1", [Upn("alice@contoso.com")]);
        var second = Create("upn-2", [Upn("Alice@Contoso.com"), PublicIp], at: T0.AddHours(2));

        var result = Correlate(first, second);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal([first.Id, second.Id], incident.AlertIds);
    }

    [Fact]
    public void Correlate_DifferentUpns_KeepsAlertsApart()
    {
        var first = Create("upn-3", [Upn("alice@contoso.com")]);
        var second = Create("upn-4", [Upn("bob@contoso.com")]);

        var result = Correlate(first, second);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_SidAndObjectId_LinkThroughBridge()
    {
        var sidOnly = Create("sid-1", [EntityFactory.Account(sid: BobSid)]);
        var oidOnly = Create("sid-2", [EntityFactory.Account(objectId: BobOid)], at: T0.AddHours(1));
        var both = Create("sid-3", [EntityFactory.Account(sid: BobSid, objectId: BobOid, name: "bob")], at: T0.AddHours(2));

        var result = Correlate(sidOnly, oidOnly, both);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal([sidOnly.Id, oidOnly.Id, both.Id], incident.AlertIds);
    }

    [Fact]
    public void Correlate_SidAndObjectIdNoBridge_StayApart()
    {
        var sidOnly = Create("sid-4", [EntityFactory.Account(sid: BobSid)]);
        var oidOnly = Create("sid-5", [EntityFactory.Account(objectId: BobOid)], at: T0.AddHours(1));

        var result = Correlate(sidOnly, oidOnly);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_SharedSidOnly_DoesNotLink()
    {
        var first = Create("sid-6", [EntityFactory.Account(sid: BobSid)]);
        var second = Create("sid-7", [EntityFactory.Account(sid: BobSid)], at: T0.AddHours(1));

        var result = Correlate(first, second);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_SharedPrivateIpAlone_DoesNotLink()
    {
        var first = Create("pip-1", [Ip("10.1.2.3")]);
        var second = Create("pip-2", [Ip("10.1.2.3")], at: T0.AddMinutes(5));

        var result = Correlate(first, second);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_SharedPublicIp_Links()
    {
        var first = Create("ip-1", [Ip("81.2.69.142")]);
        var second = Create("ip-2", [Ip("::ffff:81.2.69.142")], at: T0.AddMinutes(5));

        var result = Correlate(first, second);

        Assert.Single(result.Incidents);
    }

    [Fact]
    public void Correlate_ShortHostNameTiedToFqdn_Links()
    {
        var fqdnAndName = Create("host-1", [Host("ws042.contoso.com")]);
        var nameOnly = Create("host-2", [EntityFactory.Host(hostName: "WS042")], at: T0.AddHours(1));

        var result = Correlate(fqdnAndName, nameOnly);

        Assert.Single(result.Incidents);
    }

    [Fact]
    public void Correlate_AmbiguousShortHostName_HeldBack()
    {
        var contoso = Create("host-3", [Host("ws042.contoso.com")]);
        var fabrikam = Create("host-4", [Host("ws042.fabrikam.com")], at: T0.AddHours(1));
        var nameOnly = Create("host-5", [EntityFactory.Host(hostName: "ws042")], at: T0.AddHours(2));

        var result = Correlate(contoso, fabrikam, nameOnly);

        Assert.Equal(3, result.Incidents.Count);
        var held = Assert.Single(IncidentOf(result, nameOnly).HeldBackEntities);
        Assert.Equal("host:name:ws042", held.Key);
        Assert.Equal(HoldBackReason.Ambiguous, held.Reason);
        Assert.Equal("tied to both host:fqdn:ws042.contoso.com and host:fqdn:ws042.fabrikam.com", held.Detail);
    }

    [Fact]
    public void Correlate_BuiltInAccount_DoesNotLink()
    {
        var first = Create("sys-1", [EntityFactory.Account(sid: "S-1-5-18", name: "SYSTEM")]);
        var second = Create("sys-2", [EntityFactory.Account(sid: "S-1-5-18", name: "SYSTEM")], at: T0.AddMinutes(1));

        var result = Correlate(first, second);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_WithinWindow_Links()
    {
        var first = Create("win-1", [Upn("alice@contoso.com")]);
        var second = Create("win-2", [Upn("alice@contoso.com")], at: T0.AddHours(23).AddMinutes(59));

        var result = Correlate(first, second);

        Assert.Single(result.Incidents);
    }

    [Fact]
    public void Correlate_GapOfWindowOrMore_KeepsApart()
    {
        var first = Create("win-3", [Upn("alice@contoso.com")]);
        var second = Create("win-4", [Upn("alice@contoso.com")], at: T0.AddHours(24));
        var third = Create("win-5", [Upn("alice@contoso.com")], at: T0.AddHours(60));

        var result = Correlate(first, second, third);

        Assert.Equal(3, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_ChainOfCloseNeighbours_LinksWholeChain()
    {
        var first = Create("win-6", [Upn("alice@contoso.com")]);
        var second = Create("win-7", [Upn("alice@contoso.com")], at: T0.AddHours(20));
        var third = Create("win-8", [Upn("alice@contoso.com")], at: T0.AddHours(40));

        var result = Correlate(third, first, second);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal([first.Id, second.Id, third.Id], incident.AlertIds);
    }

    [Fact]
    public void Correlate_ConfiguredWindow_UsesIt()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { Window = TimeSpan.FromHours(1) });
        var first = Create("win-9", [Upn("alice@contoso.com")]);
        var second = Create("win-10", [Upn("alice@contoso.com")], at: T0.AddHours(2));

        var result = correlator.Correlate([first, second]);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_FirstActivityTime_DecidesWindow()
    {
        var first = Create("win-11", [Upn("alice@contoso.com")]);
        var late = new NormalizedAlert
        {
            Id = Create("win-12").Id,
            Source = SourceProduct.ThirdParty,
            ProviderAlertId = "win-12",
            Title = "Delayed alert",
            CreatedAt = T0.AddDays(3),
            FirstActivityAt = T0.AddHours(1),
            Entities = [Upn("alice@contoso.com")],
            Raw = new RawRecordRef("test.json", 1),
        };

        var result = Correlate(first, late);

        Assert.Single(result.Incidents);
    }
}
