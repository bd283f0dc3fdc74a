using System.Text.Json.Serialization;

namespace AiSoc.Approvals;

/// <summary>The outcome of one approval decision attempt.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalOutcome>))]
public enum ApprovalOutcome
{
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>The request was already decided; nothing changed.</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,

    /// <summary>The request had expired; the decision is recorded as late and has no effect.</summary>
    [JsonStringEnumMemberName("late")] Late,

    [JsonStringEnumMemberName("not-found")] NotFound,

    /// <summary>The token is missing, invalid, expired, or for another issuer, audience or tenant.</summary>
    [JsonStringEnumMemberName("unauthenticated")] Unauthenticated,

    /// <summary>The approver lacks the approver app role.</summary>
    [JsonStringEnumMemberName("forbidden")] Forbidden,

    [JsonStringEnumMemberName("mfa-required")] MfaRequired,

    /// <summary>The approver is a target of the plan.</summary>
    [JsonStringEnumMemberName("self-approval")] SelfApproval,

    /// <summary>The plan changed since the approver saw it.</summary>
    [JsonStringEnumMemberName("stale-plan")] StalePlan,

    [JsonStringEnumMemberName("invalid-request")] InvalidRequest,
}

/// <summary>A typed decision result with a reason for people and logs.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Request">The request after the attempt; null when it was not loaded.</param>
public sealed record ApprovalResult(ApprovalOutcome Outcome, string Reason, ApprovalRequest? Request)
{
    /// <summary>True when this attempt changed the request's status to approved or rejected.</summary>
    public bool Decided => Outcome is ApprovalOutcome.Approved or ApprovalOutcome.Rejected;
}

/// <summary>A person's decision as submitted from the approval page.</summary>
/// <param name="ApprovalId">Approval request id.</param>
/// <param name="PlanHash">Plan hash shown to the person; must equal the request's.</param>
/// <param name="Approve">True to approve, false to reject.</param>
/// <param name="Comment">Optional free text.</param>
/// <param name="BearerToken">The approver's access token.</param>
public sealed record ApprovalDecision(string ApprovalId, string PlanHash, bool Approve, string? Comment, string? BearerToken);
