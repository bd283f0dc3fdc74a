using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Response;

public class PlaybookCatalogTests
{
    [Fact]
    public void Match_ImpossibleTravelIncident_SelectsCompromisedAccount()
    {
        var catalog = ResponseFixtures.ShippedPlaybooks();
        var incident = ResponseFixtures.Incident(Verdict.Malicious);
        var alerts = new[] { ResponseFixtures.Alert(Verdict.Malicious, 0.95, ResponseFixtures.Now) };

        var matched = catalog.Match(incident, alerts);

        Assert.Equal(["compromised-account"], matched.Select(playbook => playbook.Id));
    }

    [Fact]
    public void Match_BenignIncident_SelectsNothing()
    {
        var catalog = ResponseFixtures.ShippedPlaybooks();
        var incident = ResponseFixtures.Incident(Verdict.Benign);
        var alerts = new[] { ResponseFixtures.Alert(Verdict.Benign, 0.95, ResponseFixtures.Now) };

        var matched = catalog.Match(incident, alerts);

        Assert.Empty(matched);
    }

    [Fact]
    public void Match_NeedsContextIncident_StillSelectsPlaybook()
    {
        var catalog = ResponseFixtures.ShippedPlaybooks();
        var incident = ResponseFixtures.Incident(Verdict.NeedsContext);
        var alerts = new[] { ResponseFixtures.Alert(Verdict.NeedsContext, null, ResponseFixtures.Now) };

        var matched = catalog.Match(incident, alerts);

        Assert.Contains(matched, playbook => playbook.Id == "compromised-account");
    }

    [Fact]
    public void Match_ParentTechnique_MatchesSubTechnique()
    {
        var catalog = ResponseFixtures.ShippedPlaybooks();
        var incident = ResponseFixtures.Incident(Verdict.Suspicious);
        var alerts = new[] { ResponseFixtures.Alert(Verdict.Suspicious, 0.7, ResponseFixtures.Now) };

        var matched = catalog.Match(incident, alerts);

        Assert.Contains(matched, playbook => playbook.Id == "compromised-account");
        Assert.DoesNotContain("T1078.004", catalog.Find("compromised-account")!.Match.Techniques);
    }
}
