using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Collects the distinct entities of an incident. Entities of the same kind that share a strong key are one real thing, so their
/// identifiers are merged into the first one seen (an account seen once with a UPN and once with a SID becomes one
/// account with both). Entities with only weak keys merge when their key sets are equal, and entities without keys
/// when they are equal records.
/// </summary>
internal sealed class EntityMerger
{
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, int> _positionByStrongKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _positionByWeakKeys = new(StringComparer.Ordinal);
    private readonly HashSet<Entity> _keyless = [];

    public IReadOnlyList<Entity> Entities => _entities;

    public void Add(Entity entity)
    {
        var keys = entity.GetKeys().ToList();
        if (keys.Count == 0)
        {
            if (_keyless.Add(entity))
            {
                _entities.Add(entity);
            }

            return;
        }

        if (!keys.Exists(k => k.IsStrong))
        {
            var weakKeys = string.Join('\n', keys.Select(k => k.Value).Order(StringComparer.Ordinal));
            if (_positionByWeakKeys.TryAdd(weakKeys, _entities.Count))
            {
                _entities.Add(entity);
            }

            return;
        }

        // NOTE: an entity whose strong keys match two different earlier entities merges into the first one only.
        foreach (var key in keys)
        {
            if (key.IsStrong && _positionByStrongKey.TryGetValue(StrongKeyOf(entity, key), out var position))
            {
                _entities[position] = Merge(_entities[position], entity);
                Register(_entities[position], position);
                return;
            }
        }

        _entities.Add(entity);
        Register(entity, _entities.Count - 1);
    }

    private void Register(Entity entity, int position)
    {
        foreach (var key in entity.GetKeys())
        {
            if (key.IsStrong)
            {
                _positionByStrongKey.TryAdd(StrongKeyOf(entity, key), position);
            }
        }
    }

    // A mailbox and an account can share a UPN key but are different entities, so the kind is part of the key.
    private static string StrongKeyOf(Entity entity, EntityKey key) => entity.Kind + " " + key.Value;

    private static Entity Merge(Entity kept, Entity added) => (kept, added) switch
    {
        (AccountEntity a, AccountEntity b) => a with
        {
            ObjectId = a.ObjectId ?? b.ObjectId,
            Upn = a.Upn ?? b.Upn,
            Sid = a.Sid ?? b.Sid,
            Name = a.Name ?? b.Name,
            NtDomain = a.NtDomain ?? b.NtDomain,
            UpnSuffix = a.UpnSuffix ?? b.UpnSuffix,
            DisplayName = a.DisplayName ?? b.DisplayName,
            Role = a.Role ?? b.Role,
        },
        (HostEntity a, HostEntity b) => a with
        {
            HostName = a.HostName ?? b.HostName,
            Fqdn = a.Fqdn ?? b.Fqdn,
            DefenderDeviceId = a.DefenderDeviceId ?? b.DefenderDeviceId,
            AzureAdDeviceId = a.AzureAdDeviceId ?? b.AzureAdDeviceId,
            AzureResourceId = a.AzureResourceId ?? b.AzureResourceId,
            OsFamily = a.OsFamily ?? b.OsFamily,
            OsVersion = a.OsVersion ?? b.OsVersion,
            Role = a.Role ?? b.Role,
        },
        (FileEntity a, FileEntity b) => a with
        {
            Name = a.Name ?? b.Name,
            Path = a.Path ?? b.Path,
            Sha1 = a.Sha1 ?? b.Sha1,
            Sha256 = a.Sha256 ?? b.Sha256,
            Md5 = a.Md5 ?? b.Md5,
            Role = a.Role ?? b.Role,
        },
        _ => kept,
    };
}
