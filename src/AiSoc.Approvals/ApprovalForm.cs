namespace AiSoc.Approvals;

/// <summary>The fields the approval page posts back.</summary>
public sealed record ApprovalForm(string ApprovalId, string PlanHash, bool Approve, string? Comment, string AntiForgeryToken)
{
    public const string ApprovalIdField = "approvalId";
    public const string PlanHashField = "planHash";
    public const string DecisionField = "decision";
    public const string CommentField = "comment";
    public const string AntiForgeryField = "__antiForgery";

    /// <summary>Parses posted form fields; returns null with the reason when a field is missing or invalid.</summary>
    public static (ApprovalForm? Form, string? Error) Parse(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        string? Field(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var approvalId = Field(ApprovalIdField);
        var planHash = Field(PlanHashField);
        var decision = Field(DecisionField);
        var token = Field(AntiForgeryField);
        if (approvalId is null || planHash is null || token is null)
        {
            return (null, $"form field {(approvalId is null ? ApprovalIdField : planHash is null ? PlanHashField : AntiForgeryField)} is missing");
        }

        if (decision is not ("approve" or "reject"))
        {
            return (null, $"form field {DecisionField} is '{decision}'; expected approve or reject");
        }

        return (new ApprovalForm(approvalId, planHash, decision == "approve", Field(CommentField), token), null);
    }
}
