namespace AiSoc.Core.Audit;

/// <summary>What a caller records: one step, decision or action of an investigation.</summary>
public sealed record AuditEntry
{
    public required string InvestigationId { get; init; }

    /// <summary>Category such as <c>step</c>, <c>decision</c> or <c>action</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What happened, such as <c>policy-evaluated</c> or <c>disable-user</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Who acted: a user principal name, or a component such as <c>response-policy</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>Inputs of the step as name and text value pairs.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Result such as <c>approved</c>, <c>succeeded</c> or <c>failed: …</c>.</summary>
    public required string Outcome { get; init; }
}
