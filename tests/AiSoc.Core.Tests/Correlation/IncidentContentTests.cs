using AiSoc.Core.Correlation;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Correlation;

public class IncidentContentTests
{
    private const string AliceOid = "4c5a1f0e-2b7d-4e8a-9c3f-1a2b3c4d5e6f";
    private const string AliceSid = "S-1-5-21-1004336348-1177238915-682003330-1104";

    private static readonly NormalizedAlert Phish = Create("c-1", [Upn("alice@contoso.com"), Ip("81.2.69.142")],
        severity: Severity.Medium, source: SourceProduct.DefenderXdr, productName: "Microsoft Defender for Office 365",
        tactics: ["InitialAccess"], title: "Phishing link clicked", providerIncidentId: "501");

    private static readonly NormalizedAlert Dump = Create("c-2",
        [EntityFactory.Account(upn: "alice@contoso.com", sid: AliceSid), Host("ws042.contoso.com")],
        severity: Severity.High, source: SourceProduct.DefenderForEndpoint, tactics: ["CredentialAccess", "Execution"],
        title: "Credential dumping", at: T0.AddHours(3));

    private static readonly NormalizedAlert SignIn = Create("c-3",
        [EntityFactory.Account(objectId: AliceOid, upn: "ALICE@contoso.com"), Ip("81.2.69.142")],
        severity: Severity.High, source: SourceProduct.EntraIdProtection, tactics: ["InitialAccess"],
        title: "Unfamiliar sign-in properties", at: T0.AddHours(1));

    private static CorrelationResult Correlate(params NormalizedAlert[] alerts) =>
        new AlertCorrelator(new CorrelationOptions()).Correlate(alerts);

    [Fact]
    public void Correlate_ThreeAlerts_BuildsTimelineInTimeOrder()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        Assert.Equal([Phish.Id, SignIn.Id, Dump.Id], incident.AlertIds);
        Assert.Equal([T0, T0.AddHours(1), T0.AddHours(3)], incident.Alerts.Select(a => a.Time));
        Assert.Equal(new TimelineEntry(Dump.Id, T0.AddHours(3), "Credential dumping", Severity.High, Dump.Tactics), incident.Alerts[2]);
    }

    [Fact]
    public void Correlate_ThreeAlerts_UsesStableIncidentId()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        Assert.Equal(StableIds.ForIncident([Phish.Id, SignIn.Id, Dump.Id]), incident.Id);
        Assert.StartsWith("in-", incident.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlate_ThreeAlerts_TitlesByHighestSeverity()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        Assert.Equal(Severity.High, incident.Severity);
        Assert.Equal("Unfamiliar sign-in properties and 2 more alerts", incident.Title);
    }

    [Fact]
    public void Correlate_ThreeAlerts_OrdersTacticsByKillChain()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        Assert.Equal(["InitialAccess", "Execution", "CredentialAccess"], incident.Tactics);
    }

    [Fact]
    public void Correlate_ThreeAlerts_MergesAccountIdentifiers()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        var account = Assert.Single(incident.Entities.OfType<AccountEntity>());
        Assert.Equal("alice@contoso.com", account.Upn);
        Assert.Equal(AliceOid, account.ObjectId);
        Assert.Equal(AliceSid, account.Sid);
        Assert.Single(incident.Entities.OfType<IpEntity>());
        Assert.Equal("ws042.contoso.com", Assert.Single(incident.Entities.OfType<HostEntity>()).Fqdn);
    }

    [Fact]
    public void Correlate_ThreeAlerts_ListsProviderIncidentIds()
    {
        var incident = Assert.Single(Correlate(Dump, Phish, SignIn).Incidents);

        Assert.Equal(["501"], incident.ProviderIncidentIds);
    }

    [Fact]
    public void Correlate_ThreeAlerts_ComputesContexts()
    {
        var result = Correlate(Dump, Phish, SignIn);

        Assert.Equal(new AlertContext(2, 2, true, true, "CredentialAccess"), result.Contexts[Phish.Id]);
        Assert.Equal(new AlertContext(2, 2, true, true, "CredentialAccess"), result.Contexts[Dump.Id]);
        Assert.Equal(new AlertContext(2, 2, true, true, "CredentialAccess"), result.Contexts[SignIn.Id]);
    }

    [Fact]
    public void Correlate_SameProductPair_ReportsNoOtherProduct()
    {
        var first = Create("ctx-p1", [Upn("bob@contoso.com")], source: SourceProduct.DefenderForEndpoint, severity: Severity.High);
        var second = Create("ctx-p2", [Upn("bob@contoso.com")], source: SourceProduct.Sentinel,
            productName: "Microsoft Defender Advanced Threat Protection", severity: Severity.Low, at: T0.AddMinutes(3));

        var result = Correlate(first, second);

        Assert.Equal(new AlertContext(1, 1, false, false, null), result.Contexts[first.Id]);
        Assert.Equal(new AlertContext(1, 1, false, true, null), result.Contexts[second.Id]);
    }

    [Fact]
    public void Correlate_SingleAlert_FormsOwnIncident()
    {
        var alone = Create("alone-1", [Upn("carol@contoso.com")], title: "Lonely alert");

        var result = Correlate(alone);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal("Lonely alert", incident.Title);
        Assert.Equal(AlertContext.None, result.Contexts[alone.Id]);
    }

    [Fact]
    public void Correlate_TwoAlerts_TitleSaysOneMoreAlert()
    {
        var first = Create("two-1", [Upn("dave@contoso.com")], title: "First");
        var second = Create("two-2", [Upn("dave@contoso.com")], title: "Second", at: T0.AddMinutes(1));

        var incident = Assert.Single(Correlate(first, second).Incidents);

        Assert.Equal("First and 1 more alert", incident.Title);
    }

    [Fact]
    public void Correlate_Alerts_SetsIncidentIdOnEachAlert()
    {
        var first = Create("set-1", [Upn("erin@contoso.com")]);
        var second = Create("set-2", [Upn("erin@contoso.com")], at: T0.AddMinutes(1));

        var incident = Assert.Single(Correlate(first, second).Incidents);

        Assert.Equal(incident.Id, first.IncidentId);
        Assert.Equal(incident.Id, second.IncidentId);
    }

    [Fact]
    public void Correlate_TwoVersionsOfAlert_KeepsLatest()
    {
        var old = Create("ver-1", [Upn("frank@contoso.com")], title: "Old title", updatedAt: T0.AddMinutes(5));
        var latest = Create("ver-1", [Upn("frank@contoso.com")], title: "New title", updatedAt: T0.AddMinutes(30));

        var incident = Assert.Single(Correlate(latest, old).Incidents);

        Assert.Equal("New title", incident.Title);
        Assert.Single(incident.AlertIds);
    }

    [Fact]
    public void Correlate_ShuffledInput_GivesSameOutput()
    {
        var alerts = SyntheticAlerts(400);
        var shuffled = alerts.OrderBy(a => a.ProviderAlertId.GetHashCode(StringComparison.Ordinal)).ToArray();
        var correlator = new AlertCorrelator(new CorrelationOptions { MaxIncidentSize = 6, PrevalenceLimit = 20 });

        var first = correlator.Correlate(alerts);
        var second = correlator.Correlate(shuffled);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Correlate_SameInputTwice_GivesSameOutput()
    {
        var alerts = SyntheticAlerts(400);
        var correlator = new AlertCorrelator(new CorrelationOptions { MaxIncidentSize = 6, PrevalenceLimit = 20 });

        var first = correlator.Correlate(alerts);
        var second = correlator.Correlate(alerts);

        Assert.Equal(Describe(first), Describe(second));
    }

    private static List<string> Describe(CorrelationResult result) => result.Incidents
        .Select(i => $"{i.Id}|{string.Join(',', i.AlertIds)}|{i.Title}|{string.Join(',', i.HeldBackEntities)}|{string.Join(',', i.Entities)}")
        .ToList();

    private static NormalizedAlert[] SyntheticAlerts(int count) => Enumerable.Range(0, count)
        .Select(i => Create($"det-{i}", [Upn($"user{i % 37}@contoso.com"), Host($"ws{i % 23}.contoso.com"), Ip($"81.2.{i % 5}.{i % 11}")],
            at: T0.AddMinutes(i * 7 % 3000), severity: (Severity)(i % 5)))
        .ToArray();
}
