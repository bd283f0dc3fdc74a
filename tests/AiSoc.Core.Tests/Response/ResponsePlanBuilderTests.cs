using AiSoc.Core.Response;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Response;

public class ResponsePlanBuilderTests
{
    [Fact]
    public void Build_CompromisedAccount_BindsActionsToTargets()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;

        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious));

        var revoke = Assert.Single(plan.Actions, action => action.Type == ResponseActionType.RevokeSessions);
        Assert.Equal("account", revoke.Target.Kind);
        Assert.Equal("oid:11111111-1111-1111-1111-111111111111", revoke.Target.Id);
        Assert.Equal("inv-1|revoke-sessions|account:oid:11111111-1111-1111-1111-111111111111", revoke.IdempotencyKey);
        Assert.Contains(plan.Actions, action => action.Type == ResponseActionType.BlockIndicator && action.Target.Id == "81.2.69.142");
    }

    [Fact]
    public void Build_PrivateIp_IsNotBlocked()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;
        var incident = ResponseFixtures.Incident(Verdict.Malicious, ResponseFixtures.Alice, new IpEntity { Address = "10.1.2.3", IsPrivate = true });

        var plan = ResponsePlanBuilder.Build("inv-1", playbook, incident);

        Assert.DoesNotContain(plan.Actions, action => action.Type == ResponseActionType.BlockIndicator);
    }

    [Fact]
    public void Build_EntityOrder_DoesNotChangeHash()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;

        var first = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, ResponseFixtures.Alice, ResponseFixtures.AttackerIp));
        var second = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, ResponseFixtures.AttackerIp, ResponseFixtures.Alice));

        Assert.Equal(first.PlanHash, second.PlanHash);
    }

    [Fact]
    public void Build_DifferentTarget_ChangesHash()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;
        var bob = new AccountEntity { Upn = "bob@contoso.com" };

        var first = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, ResponseFixtures.Alice));
        var second = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, bob));

        Assert.NotEqual(first.PlanHash, second.PlanHash);
    }

    [Fact]
    public void Build_Hash_IsSha256HexWithShortForm()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;

        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious));

        Assert.Matches("^[0-9a-f]{64}$", plan.PlanHash);
        Assert.Equal(plan.PlanHash[..12], plan.ShortHash);
    }

    [Fact]
    public void Build_GoldenSaml_KeepsRotationsSeparate()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("golden-saml")!;

        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious));

        var manualTasks = plan.Actions.Where(action => action.Type == ResponseActionType.ManualTask).ToList();
        Assert.Equal(3, manualTasks.Count);
        Assert.Equal(3, manualTasks.Select(action => action.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public void Build_AccountWithoutIdentifier_IsSkipped()
    {
        var playbook = ResponseFixtures.ShippedPlaybooks().Find("compromised-account")!;
        var nameOnly = new AccountEntity { Name = "alice" };

        var plan = ResponsePlanBuilder.Build("inv-1", playbook, ResponseFixtures.Incident(Verdict.Malicious, nameOnly));

        Assert.DoesNotContain(plan.Actions, action => action.Type == ResponseActionType.DisableUser);
    }
}
