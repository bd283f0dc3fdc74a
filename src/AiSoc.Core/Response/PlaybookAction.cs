namespace AiSoc.Core.Response;

/// <summary>One action a playbook proposes, applied to every incident entity of <see cref="TargetKind"/>.</summary>
public sealed class PlaybookAction
{
    /// <summary>Id unique within the playbook, such as <c>revoke-sessions</c>.</summary>
    public required string Id { get; init; }

    public required ResponseActionType Type { get; init; }

    /// <summary>Entity kind the action targets, or <c>incident</c> for a manual task about the whole incident.</summary>
    public required string TargetKind { get; init; }

    public required ImpactLevel Impact { get; init; }

    /// <summary>True when the playbook allows the policy to run the action without approval.</summary>
    public bool AutoRun { get; init; }

    /// <summary>How long an approval request for this action stays open before it expires.</summary>
    public required TimeSpan ApprovalTimeout { get; init; }

    /// <summary>Role or team notified when the approval request expires, such as <c>soc-tier2</c>.</summary>
    public required string EscalateTo { get; init; }

    /// <summary>What a person must do for a manual task; null for other actions.</summary>
    public string? Task { get; init; }

    /// <summary>App role that must confirm a manual task as done; null for other actions.</summary>
    public string? ConfirmRole { get; init; }
}
