using AiSoc.Core.Response;

namespace AiSoc.Investigations;

/// <summary>The policy decision for every action of a plan.</summary>
public sealed record PolicySummary(IReadOnlyList<PolicyDecision> Decisions);

/// <summary>The policy decision for one action, with the reasons.</summary>
public sealed record PolicyDecision(string IdempotencyKey, ActionDisposition Disposition, IReadOnlyList<string> Reasons, bool ShadowOnly);
