namespace AiSoc.Investigations;

/// <summary>Settings of the investigation orchestration, validated at start-up by <see cref="InvestigationOptionsValidator"/>.</summary>
public sealed class InvestigationOptions
{
    public const string SectionName = "Investigations";

    /// <summary>
    /// When true, executors record what would run and change nothing. The only mode without tenant integrations,
    /// and the only mode in which the local runner may approve every request on its own.
    /// </summary>
    public bool DryRun { get; set; } = true;

    /// <summary>Base HTTPS URL of the approval page; the approval id is appended. Only the card shows it.</summary>
    public Uri ApprovalPageBaseUrl { get; set; } = new("https://localhost/approvals/");

    /// <summary>
    /// How often a waiting investigation reads the approval store without an event, so a decision whose event was
    /// lost still takes effect. Each check adds a timer and an activity to the orchestration history.
    /// </summary>
    public TimeSpan ApprovalRecheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a person has to review an incident that no playbook action applies to.</summary>
    public TimeSpan HumanReviewTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Who is notified when a review request for such an incident expires.</summary>
    public string HumanReviewEscalateTo { get; set; } = "soc-tier2";

    /// <summary>Wait between two status checks of an action the provider still runs.</summary>
    public TimeSpan VerifyPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Status checks of a pending action before it is recorded as unverified.</summary>
    public int VerifyMaxPolls { get; set; } = 10;
}
