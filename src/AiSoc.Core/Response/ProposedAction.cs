namespace AiSoc.Core.Response;

/// <summary>One action of a response plan, bound to one target.</summary>
public sealed class ProposedAction
{
    /// <summary>Id of the playbook action this was built from.</summary>
    public required string ActionId { get; init; }

    public required ResponseActionType Type { get; init; }

    public required ActionTarget Target { get; init; }

    public required ImpactLevel Impact { get; init; }

    /// <summary>True when the playbook allows this action to run without approval; the policy still decides.</summary>
    public required bool AutoRun { get; init; }

    public required TimeSpan ApprovalTimeout { get; init; }

    public required string EscalateTo { get; init; }

    public string? Task { get; init; }

    public string? ConfirmRole { get; init; }

    /// <summary>
    /// Investigation id, action type and target key, joined with <c>|</c>. Executors must run an action with a
    /// given key at most once, however often the plan is retried; this library does not track executions.
    /// </summary>
    public required string IdempotencyKey { get; init; }
}
