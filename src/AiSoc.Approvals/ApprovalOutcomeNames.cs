namespace AiSoc.Approvals;

internal static class ApprovalOutcomeNames
{
    public static string Name(ApprovalOutcome outcome) => outcome switch
    {
        ApprovalOutcome.Approved => "approved",
        ApprovalOutcome.Rejected => "rejected",
        ApprovalOutcome.Duplicate => "duplicate",
        ApprovalOutcome.Late => "late",
        ApprovalOutcome.NotFound => "not-found",
        ApprovalOutcome.Unauthenticated => "unauthenticated",
        ApprovalOutcome.Forbidden => "forbidden",
        ApprovalOutcome.MfaRequired => "mfa-required",
        ApprovalOutcome.SelfApproval => "self-approval",
        ApprovalOutcome.StalePlan => "stale-plan",
        _ => "invalid-request",
    };
}
