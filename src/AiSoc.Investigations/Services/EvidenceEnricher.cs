using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Output;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Services;

/// <summary>
/// An offline <see cref="IEntityEnricher"/> that reads only the alerts' own evidence. An entity with a strong
/// identifier is resolved with the fields the alert carried. Privilege is never stated, because alert evidence
/// does not say which roles an account holds. An entity without a strong identifier is unresolved.
/// </summary>
public sealed class EvidenceEnricher : IEntityEnricher
{
    public const string SourceName = "alert-evidence";

    public Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);

        IReadOnlyList<EntityEnrichment> enrichments = [.. entities.Select(Enrich)];
        return Task.FromResult(enrichments);
    }

    private static EntityEnrichment Enrich(Entity entity)
    {
        var keys = entity.GetKeys().ToList();
        var key = keys.Where(candidate => candidate.IsStrong).Select(candidate => candidate.Value).FirstOrDefault()
            ?? keys.Select(candidate => candidate.Value).FirstOrDefault()
            ?? EntityDisplay.Describe(entity);
        var facts = FactsOf(entity);

        if (!keys.Any(candidate => candidate.IsStrong))
        {
            return new EntityEnrichment(key, SourceName, EnrichmentStatus.Unresolved, facts, Message: "the alerts carry no strong identifier for this entity");
        }

        return new EntityEnrichment(key, SourceName, EnrichmentStatus.Resolved, facts, IsPrivileged: null, Message: "privilege is not stated in alert evidence");
    }

    // The entity's own non-empty scalar fields, as the alert reported them.
    private static Dictionary<string, string> FactsOf(Entity entity)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonSerializer.SerializeToNode(entity, OutputJson.Options) is not JsonObject json)
        {
            return facts;
        }

        foreach (var (name, value) in json)
        {
            if (value is JsonValue scalar && name != "kind")
            {
                var text = scalar.GetValueKind() == JsonValueKind.String
                    ? scalar.GetValue<string>()
                    : Convert.ToString(scalar.ToJsonString(), CultureInfo.InvariantCulture);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    facts[name] = text;
                }
            }
        }

        return facts;
    }
}
