using AiSoc.Core.Schema;

namespace AiSoc.Integrations;

/// <summary>Builds the <see cref="AiSoc.Core.Response.Ports.EntityEnrichment.EntityKey"/> of an entity.</summary>
internal static class EntityKeys
{
    /// <summary>Returns the entity's first correlation key, or its kind and display name when it has none.</summary>
    public static string Of(Entity entity)
    {
        foreach (var key in entity.GetKeys())
        {
            return key.Value;
        }

        var name = entity switch
        {
            AccountEntity account => account.DisplayName ?? account.Name,
            HostEntity host => host.HostName,
            FileEntity file => file.Name,
            CloudApplicationEntity app => app.Name,
            _ => null,
        };

        return entity.Kind + ":" + (name ?? "unnamed");
    }
}
