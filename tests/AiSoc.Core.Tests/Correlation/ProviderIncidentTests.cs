using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Correlation;

public class ProviderIncidentTests
{
    [Fact]
    public void Correlate_SharedProviderIncident_NeverSplitByWindow()
    {
        var alerts = Enumerable.Range(0, 4)
            .Select(i => Create($"pi-{i}", [], source: SourceProduct.DefenderXdr, providerIncidentId: "1042", at: T0.AddDays(i * 3)))
            .ToArray();

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate(alerts);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(4, incident.AlertIds.Count);
        Assert.Equal(["1042"], incident.ProviderIncidentIds);
    }

    [Fact]
    public void Correlate_OversizedProviderIncident_StaysWhole()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { MaxIncidentSize = 2 });
        var alerts = Enumerable.Range(0, 5)
            .Select(i => Create($"pi-big-{i}", [Upn("alice@contoso.com")], source: SourceProduct.Sentinel, providerIncidentId: "77", at: T0.AddMinutes(i)))
            .ToArray();

        var result = correlator.Correlate(alerts);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(5, incident.AlertIds.Count);
    }

    [Fact]
    public void Correlate_IncidentIdOfTwoSources_StaysApart()
    {
        var sentinel = Create("pi-s", [], source: SourceProduct.Sentinel, providerIncidentId: "5");
        var xdr = Create("pi-x", [], source: SourceProduct.DefenderXdr, providerIncidentId: "5");

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate([sentinel, xdr]);

        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Correlate_ProviderIncidentRecord_TiesListedAlerts()
    {
        var first = Create("da-111", [], source: SourceProduct.DefenderXdr);
        var second = Create("da-222", [], source: SourceProduct.DefenderXdr, at: T0.AddDays(5));
        var other = Create("da-333", [], source: SourceProduct.DefenderXdr, at: T0.AddDays(1));
        var record = new ProviderIncident
        {
            Source = SourceProduct.DefenderXdr,
            ProviderIncidentId = "2001",
            ProviderAlertIds = ["da-111", "da-222", "da-missing"],
            Raw = new RawRecordRef("incidents.json", 0),
        };

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate([first, second, other], [record]);

        Assert.Equal(2, result.Incidents.Count);
        var incident = result.Incidents.Single(i => i.AlertIds.Contains(first.Id));
        Assert.Equal([first.Id, second.Id], incident.AlertIds);
        Assert.Equal(["2001"], incident.ProviderIncidentIds);
    }

    [Fact]
    public void Correlate_ProviderIncidentRecord_JoinsCarriedId()
    {
        var carried = Create("da-444", [], source: SourceProduct.Sentinel, providerIncidentId: "3001");
        var listed = Create("da-555", [], source: SourceProduct.Sentinel, at: T0.AddDays(2));
        var record = new ProviderIncident
        {
            Source = SourceProduct.Sentinel,
            ProviderIncidentId = "3001",
            ProviderAlertIds = ["da-555"],
            Raw = new RawRecordRef("incidents.json", 1),
        };

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate([carried, listed], [record]);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal([carried.Id, listed.Id], incident.AlertIds);
    }

    [Fact]
    public void Correlate_EntityLinkBetweenProviderIncidents_MergesThem()
    {
        var first = Create("pim-1", [Upn("alice@contoso.com")], source: SourceProduct.Sentinel, providerIncidentId: "10");
        var second = Create("pim-2", [Upn("alice@contoso.com")], source: SourceProduct.DefenderXdr, providerIncidentId: "20", at: T0.AddHours(1));

        var result = new AlertCorrelator(new CorrelationOptions()).Correlate([first, second]);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(["10", "20"], incident.ProviderIncidentIds);
    }
}
