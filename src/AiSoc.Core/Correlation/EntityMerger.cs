using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Collects the distinct entities of an incident. Entities of the same kind that share a strong key are one real
/// thing, so their identifiers are merged into the first one seen. For example, an account seen once with a UPN
/// and once with a SID becomes one account with both. Entities with only weak keys merge when their key sets are
/// equal, and entities without keys when they are equal records. Keys are the interned ids of <see cref="KeyIndex"/>, so no
/// key text is built again.
/// </summary>
internal sealed class EntityMerger(KeyIndex index)
{
    private readonly List<Entity> _entities = [];
    private Dictionary<(Type Kind, int Key), int>? _positionByStrongKey;
    private HashSet<(Type Kind, string Keys)>? _weakKeySets;
    private HashSet<Entity>? _keyless;
    private int? _pendingFirst;

    public int Count => _entities.Count;

    public Entity[] ToArray() => _entities.ToArray();

    /// <summary>Adds an entity; <paramref name="entityNumber"/> is its number in the key index.</summary>
    public void Add(Entity entity, int entityNumber)
    {
        if (_entities.Count == 0 && _pendingFirst is null)
        {
            // The first entity cannot merge with anything, so the lookup structures wait for a second one.
            _entities.Add(entity);
            _pendingFirst = entityNumber;
            return;
        }

        if (_pendingFirst is { } first)
        {
            _pendingFirst = null;
            var firstEntity = _entities[0];
            _entities.Clear();
            AddIndexed(firstEntity, index.KeysOf(first));
        }

        AddIndexed(entity, index.KeysOf(entityNumber));
    }

    private void AddIndexed(Entity entity, ReadOnlySpan<int> keys)
    {
        if (keys.IsEmpty)
        {
            _keyless ??= [];
            if (_keyless.Add(entity))
            {
                _entities.Add(entity);
            }

            return;
        }

        var hasStrongKey = false;
        foreach (var key in keys)
        {
            hasStrongKey |= index.IsStrong(key);
        }

        if (!hasStrongKey)
        {
            AddWeakOnly(entity, keys);
            return;
        }

        _positionByStrongKey ??= [];
        var kind = entity.GetType();

        // NOTE: an entity whose strong keys match two different earlier entities merges into the first one only.
        foreach (var key in keys)
        {
            if (index.IsStrong(key) && _positionByStrongKey.TryGetValue((kind, key), out var position))
            {
                _entities[position] = Merge(_entities[position], entity);
                Register(kind, keys, position);
                return;
            }
        }

        _entities.Add(entity);
        Register(kind, keys, _entities.Count - 1);
    }

    private void AddWeakOnly(Entity entity, ReadOnlySpan<int> keys)
    {
        var sorted = keys.ToArray();
        Array.Sort(sorted);

        _weakKeySets ??= [];
        if (_weakKeySets.Add((entity.GetType(), string.Join(',', sorted))))
        {
            _entities.Add(entity);
        }
    }

    private void Register(Type kind, ReadOnlySpan<int> keys, int position)
    {
        foreach (var key in keys)
        {
            if (index.IsStrong(key))
            {
                _positionByStrongKey!.TryAdd((kind, key), position);
            }
        }
    }

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
