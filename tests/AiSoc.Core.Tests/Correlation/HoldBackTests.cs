using AiSoc.Core.Correlation;
using AiSoc.Core.Schema;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Correlation;

public class HoldBackTests
{
    private static CorrelatedIncident IncidentOf(CorrelationResult result, NormalizedAlert alert) =>
        result.Incidents.Single(i => i.AlertIds.Contains(alert.Id));

    [Fact]
    public void Correlate_PrevalentNatIp_HeldBackAndReported()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { PrevalenceLimit = 3 });
        var alerts = Enumerable.Range(0, 4)
            .Select(i => Create($"nat-{i}", [Ip("81.2.69.142"), Upn($"user{i}@contoso.com")], at: T0.AddMinutes(i)))
            .ToArray();

        var result = correlator.Correlate(alerts);

        Assert.Equal(4, result.Incidents.Count);
        var held = Assert.Single(IncidentOf(result, alerts[0]).HeldBackEntities);
        Assert.Equal(new HeldBackEntity("ip:81.2.69.142", HoldBackReason.Prevalence, "seen in 4 alerts within 24 h, limit 3"), held);
    }

    [Fact]
    public void Correlate_KeyAtPrevalenceLimit_StillLinks()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { PrevalenceLimit = 3 });
        var alerts = Enumerable.Range(0, 3)
            .Select(i => Create($"nat-ok-{i}", [Ip("81.2.69.142")], at: T0.AddMinutes(i)))
            .ToArray();

        var result = correlator.Correlate(alerts);

        var incident = Assert.Single(result.Incidents);
        Assert.Empty(incident.HeldBackEntities);
    }

    [Fact]
    public void Correlate_KeyFrequentOnlyAcrossWindows_StillLinks()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { PrevalenceLimit = 2 });
        var alerts = Enumerable.Range(0, 6)
            .Select(i => Create($"daily-{i}", [Upn("alice@contoso.com")], at: T0.AddHours(i * 20)))
            .ToArray();

        var result = correlator.Correlate(alerts);

        var incident = Assert.Single(result.Incidents);
        Assert.Equal(6, incident.AlertIds.Count);
        Assert.Empty(incident.HeldBackEntities);
    }

    [Fact]
    public void Correlate_PrevalentIpAndSharedUpn_Links()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { PrevalenceLimit = 2 });
        var first = Create("nat-u-1", [Ip("81.2.69.142"), Upn("alice@contoso.com")]);
        var second = Create("nat-u-2", [Ip("81.2.69.142"), Upn("alice@contoso.com")], at: T0.AddMinutes(1));
        var third = Create("nat-u-3", [Ip("81.2.69.142")], at: T0.AddMinutes(2));

        var result = correlator.Correlate([first, second, third]);

        Assert.Equal(2, result.Incidents.Count);
        Assert.Equal([first.Id, second.Id], IncidentOf(result, first).AlertIds);
    }

    [Theory]
    [InlineData("81.2.69.142")]
    [InlineData("::ffff:81.2.69.142")]
    [InlineData("ip:81.2.69.142")]
    public void Correlate_IgnoredIp_DoesNotLink(string ignored)
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { IgnoredEntities = { ignored } });
        var first = Create("ign-1", [Ip("81.2.69.142")]);
        var second = Create("ign-2", [Ip("81.2.69.142")], at: T0.AddMinutes(1));

        var result = correlator.Correlate([first, second]);

        Assert.Equal(2, result.Incidents.Count);
        var held = Assert.Single(IncidentOf(result, first).HeldBackEntities);
        Assert.Equal(new HeldBackEntity("ip:81.2.69.142", HoldBackReason.IgnoreList, "on the ignore list"), held);
    }

    [Fact]
    public void Correlate_IgnoredHostAndAccount_DoNotLink()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { IgnoredEntities = { "JUMP01.contoso.com", "jump01", "svc-scan@Contoso.com" } });
        var first = Create("ign-3", [Host("jump01.contoso.com"), Upn("svc-scan@contoso.com")]);
        var second = Create("ign-4", [Host("jump01.contoso.com"), Upn("svc-scan@contoso.com")], at: T0.AddMinutes(1));

        var result = correlator.Correlate([first, second]);

        Assert.Equal(2, result.Incidents.Count);
        Assert.Equal(
            ["account:upn:svc-scan@contoso.com", "host:fqdn:jump01.contoso.com", "host:name:jump01"],
            IncidentOf(result, first).HeldBackEntities.Select(h => h.Key));
    }

    [Fact]
    public void Correlate_MaxIncidentSize_StopsGrowthAndReports()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { MaxIncidentSize = 3 });
        var alerts = Enumerable.Range(0, 5)
            .Select(i => Create($"max-{i}", [Upn("alice@contoso.com")], at: T0.AddMinutes(i)))
            .Reverse()
            .ToArray();

        var result = correlator.Correlate(alerts);

        Assert.Equal([3, 2], result.Incidents.Select(i => i.AlertIds.Count));
        Assert.Equal(
            [Create("max-0").Id, Create("max-1").Id, Create("max-2").Id],
            result.Incidents[0].AlertIds);
        var expected = new HeldBackEntity("account:upn:alice@contoso.com", HoldBackReason.MaxIncidentSize,
            "linking would exceed the maximum incident size of 3 alerts");
        Assert.Equal([expected], result.Incidents[0].HeldBackEntities);
        Assert.Equal([expected], result.Incidents[1].HeldBackEntities);
    }

    [Fact]
    public void Correlate_ManySharedAlerts_StayWithinMaxSize()
    {
        var correlator = new AlertCorrelator(new CorrelationOptions { MaxIncidentSize = 4, PrevalenceLimit = 1000 });
        var alerts = Enumerable.Range(0, 50)
            .Select(i => Create($"max-many-{i}", [Upn("alice@contoso.com"), Upn($"u{i % 7}@contoso.com")], at: T0.AddMinutes(i)))
            .ToArray();

        var result = correlator.Correlate(alerts);

        Assert.All(result.Incidents, incident => Assert.True(incident.AlertIds.Count <= 4));
        Assert.Equal(50, result.Incidents.Sum(i => i.AlertIds.Count));
    }

    [Theory]
    [InlineData(0, 200, 50)]
    [InlineData(-1, 200, 50)]
    [InlineData(24, 1, 50)]
    [InlineData(24, 200, 1)]
    public void Constructor_InvalidOptions_Throws(int windowHours, int maxSize, int prevalence)
    {
        var options = new CorrelationOptions { Window = TimeSpan.FromHours(windowHours), MaxIncidentSize = maxSize, PrevalenceLimit = prevalence };

        Assert.Throws<ArgumentException>(() => new AlertCorrelator(options));
    }

    [Fact]
    public void Constructor_DefaultOptions_HaveDocumentedValues()
    {
        var options = new CorrelationOptions();

        Assert.Equal(TimeSpan.FromHours(24), options.Window);
        Assert.Equal(200, options.MaxIncidentSize);
        Assert.Equal(50, options.PrevalenceLimit);
    }
}
