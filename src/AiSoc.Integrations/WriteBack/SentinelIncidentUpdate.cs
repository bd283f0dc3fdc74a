namespace AiSoc.Integrations.WriteBack;

/// <summary>An incident of one Sentinel workspace.</summary>
/// <param name="WorkspaceResourceId">ARM id of the Log Analytics workspace, <c>/subscriptions/…/workspaces/name</c>.</param>
/// <param name="IncidentName">The incident's <c>name</c> (a GUID), not its number.</param>
public sealed record SentinelIncidentRef(string WorkspaceResourceId, string IncidentName);

/// <summary>Changes to a Sentinel incident, where null leaves a property as it is.</summary>
/// <param name="Status"><c>New</c>, <c>Active</c> or <c>Closed</c>. <c>Closed</c> needs a classification.</param>
/// <param name="Classification"><c>Undetermined</c>, <c>TruePositive</c>, <c>BenignPositive</c> or <c>FalsePositive</c>.</param>
/// <param name="ClassificationReason"><c>SuspiciousActivity</c>, <c>SuspiciousButExpected</c>, <c>IncorrectAlertLogic</c> or <c>InaccurateData</c>.</param>
/// <param name="OwnerUpn">User principal name of the new owner.</param>
/// <param name="Labels">Labels to add. Existing labels are kept.</param>
public sealed record SentinelIncidentUpdate(
    string? Status = null,
    string? Classification = null,
    string? ClassificationReason = null,
    string? OwnerUpn = null,
    IReadOnlyList<string>? Labels = null)
{
    private static readonly string[] Statuses = ["New", "Active", "Closed"];
    private static readonly string[] Classifications = ["Undetermined", "TruePositive", "BenignPositive", "FalsePositive"];
    private static readonly string[] Reasons = ["SuspiciousActivity", "SuspiciousButExpected", "IncorrectAlertLogic", "InaccurateData"];

    /// <summary>Returns each problem with the values, in the words of the ARM API reference, or an empty list when the update is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Status is not null && !Statuses.Contains(Status, StringComparer.Ordinal))
        {
            problems.Add($"status '{Status}' is invalid: use {string.Join(", ", Statuses)}.");
        }

        if (Classification is not null && !Classifications.Contains(Classification, StringComparer.Ordinal))
        {
            problems.Add($"classification '{Classification}' is invalid: use {string.Join(", ", Classifications)}.");
        }

        if (ClassificationReason is not null && !Reasons.Contains(ClassificationReason, StringComparer.Ordinal))
        {
            problems.Add($"classificationReason '{ClassificationReason}' is invalid: use {string.Join(", ", Reasons)}.");
        }

        if (Status == "Closed" && Classification is null)
        {
            problems.Add("status Closed needs a classification.");
        }

        return problems;
    }
}
