using AiSoc.Core.Schema;

namespace AiSoc.Core.Response.Ports;

/// <summary>
/// Looks up facts about the entities of an investigation, such as a user's roles or a device's exposure. The
/// offline implementation reads the alerts' own evidence; Graph and Defender implementations call the tenant.
/// </summary>
public interface IEntityEnricher
{
    /// <summary>Enriches each entity. A lookup that finds nothing returns <see cref="EnrichmentStatus.Unresolved"/>, never evidence of benignity.</summary>
    Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken);
}

/// <summary>Outcome of one entity lookup.</summary>
public enum EnrichmentStatus
{
    /// <summary>The source found the entity and returned facts.</summary>
    Resolved,

    /// <summary>The source does not know the entity. This is not evidence that the entity is benign.</summary>
    Unresolved,

    /// <summary>The lookup failed (permissions, throttling, outage); the facts are unknown.</summary>
    Failed,
}

/// <summary>Facts about one entity from one source.</summary>
/// <param name="EntityKey">The entity's first correlation key, or its kind and display name when it has none.</param>
/// <param name="Source">Where the facts came from, such as <c>alert-evidence</c>, <c>microsoft-graph</c> or <c>defender-for-endpoint</c>.</param>
/// <param name="Status">Whether the lookup found the entity.</param>
/// <param name="Facts">Named facts as text, such as <c>accountEnabled=true</c> or <c>privilegedRoles=Global Administrator</c>.</param>
/// <param name="IsPrivileged">True when the source says the entity holds a privileged role; null when it does not say.</param>
/// <param name="Message">Why the lookup failed or found nothing, for the case record.</param>
public sealed record EntityEnrichment(
    string EntityKey,
    string Source,
    EnrichmentStatus Status,
    IReadOnlyDictionary<string, string> Facts,
    bool? IsPrivileged = null,
    string? Message = null);
