namespace AiSoc.Core.Schema;

/// <summary>A URL as the source reported it.</summary>
public sealed record UrlEntity() : Entity("url")
{
    public required string Url { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        yield return new EntityKey("url:" + Url.ToLowerInvariant(), false);
    }
}

/// <summary>A DNS domain name.</summary>
public sealed record DomainEntity() : Entity("domain")
{
    public required string Name { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        yield return new EntityKey("domain:" + Name.ToLowerInvariant(), false);
    }
}

/// <summary>A cloud application (OAuth app or SaaS service).</summary>
public sealed record CloudApplicationEntity() : Entity("cloud-application")
{
    /// <summary>Application (client) id or the provider's numeric app id.</summary>
    public string? AppId { get; init; }

    public string? Name { get; init; }

    public string? InstanceName { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (AppId is not null)
        {
            yield return new EntityKey("app:" + AppId.ToLowerInvariant(), false);
        }
    }
}

/// <summary>An Azure resource named by its ARM id.</summary>
public sealed record AzureResourceEntity() : Entity("azure-resource")
{
    public required string ResourceId { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        yield return new EntityKey("arm:" + ResourceId.ToLowerInvariant(), true);
    }
}

/// <summary>A registry key, optionally with one of its values.</summary>
public sealed record RegistryEntity() : Entity("registry")
{
    public string? Hive { get; init; }

    public required string Key { get; init; }

    public string? ValueName { get; init; }

    public string? ValueData { get; init; }

    public string? ValueType { get; init; }

    public override IEnumerable<EntityKey> GetKeys() => [];
}

/// <summary>A malware family or detection name.</summary>
public sealed record MalwareEntity() : Entity("malware")
{
    public required string Name { get; init; }

    public string? Category { get; init; }

    public override IEnumerable<EntityKey> GetKeys() => [];
}
