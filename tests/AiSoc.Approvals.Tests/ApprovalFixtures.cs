using AiSoc.Core.Response;
using AiSoc.Core.Schema;

namespace AiSoc.Approvals.Tests;

internal static class ApprovalFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public const string TargetOid = "11111111-1111-1111-1111-111111111111";
    public const string TargetUpn = "alice@contoso.com";

    /// <summary>A plan that disables alice and blocks an IP, both needing approval.</summary>
    public static PolicyEvaluation Evaluation(string displayName = "Alice Smith")
    {
        var account = new AccountEntity { ObjectId = TargetOid, Upn = TargetUpn, DisplayName = displayName };
        var actions = new[]
        {
            Action(ResponseActionType.DisableUser, new ActionTarget("account", "oid:" + TargetOid, displayName) { Entity = account }, ImpactLevel.High, TimeSpan.FromHours(2)),
            Action(ResponseActionType.BlockIndicator, new ActionTarget("ip", "81.2.69.142", "81.2.69.142") { Entity = new IpEntity { Address = "81.2.69.142" } }, ImpactLevel.Medium, TimeSpan.FromHours(4)),
        };
        var plan = new ResponsePlan { InvestigationId = "inv-1", PlaybookId = "compromised-account", Actions = actions, PlanHash = PlanHasher.Compute(actions) };
        return new PolicyEvaluation(plan, [.. actions.Select(action => new ActionDecision(action, ActionDisposition.RequireApproval, ["the playbook requires approval for this action"], false))], Now);
    }

    private static ProposedAction Action(ResponseActionType type, ActionTarget target, ImpactLevel impact, TimeSpan timeout) => new()
    {
        ActionId = ActionCatalog.Name(type),
        Type = type,
        Target = target,
        Impact = impact,
        AutoRun = false,
        ApprovalTimeout = timeout,
        EscalateTo = "soc-lead",
        IdempotencyKey = $"inv-1|{ActionCatalog.Name(type)}|{target.Key}",
    };
}
