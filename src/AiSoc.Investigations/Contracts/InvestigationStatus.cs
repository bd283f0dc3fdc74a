namespace AiSoc.Investigations;

/// <summary>The orchestration's custom status: the current stage and, while waiting, the approval id.</summary>
public sealed record InvestigationStatus(string Stage, string? ApprovalId = null);

/// <summary>Stage names shown in the custom status, in order.</summary>
public static class InvestigationStages
{
    public const string GatheringContext = "gathering-context";
    public const string Enriching = "enriching";
    public const string DecidingVerdict = "deciding-verdict";
    public const string Planning = "planning";
    public const string EvaluatingPolicy = "evaluating-policy";
    public const string RunningAutomaticActions = "running-automatic-actions";
    public const string AwaitingApproval = "awaiting-approval";
    public const string RunningApprovedActions = "running-approved-actions";
    public const string Verifying = "verifying";
    public const string WritingCaseRecord = "writing-case-record";
    public const string Completed = "completed";
}
