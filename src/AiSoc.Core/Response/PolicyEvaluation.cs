namespace AiSoc.Core.Response;

/// <summary>The policy decisions for every action of a plan, in plan order.</summary>
public sealed record PolicyEvaluation(ResponsePlan Plan, IReadOnlyList<ActionDecision> Decisions, DateTimeOffset EvaluatedAt)
{
    /// <summary>Actions that need a person's approval before they run.</summary>
    public IEnumerable<ActionDecision> NeedingApproval => Decisions.Where(decision => decision.Disposition == ActionDisposition.RequireApproval);
}
