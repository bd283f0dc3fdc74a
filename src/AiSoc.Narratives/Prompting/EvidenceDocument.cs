namespace AiSoc.Narratives.Prompting;

/// <summary>The JSON document placed in the prompt. String values from alerts are clipped by <see cref="UntrustedText"/>.</summary>
internal sealed record EvidenceDocument(
    EvidenceIncident Incident,
    IReadOnlyList<EvidenceAlert> Alerts,
    int OmittedAlertCount,
    IReadOnlyList<ProposedAction> ProposedActions);

internal sealed record EvidenceIncident(
    string Id,
    string? Title,
    string Severity,
    int Score,
    string Verdict,
    DateTimeOffset FirstActivityAt,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string?> Reasons);

internal sealed record EvidenceAlert(
    string Id,
    DateTimeOffset Time,
    string Source,
    string? Product,
    string? Title,
    string? Description,
    string Severity,
    int Score,
    string Verdict,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string?> Reasons,
    IReadOnlyList<EvidenceEntity> Entities);

/// <summary>One entity as named fields, such as <c>commandLine</c> for a process or <c>subject</c> for a mail message.</summary>
internal sealed record EvidenceEntity(string Kind, string? Role, IReadOnlyDictionary<string, string?> Fields);
