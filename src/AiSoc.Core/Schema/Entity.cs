using System.Text.Json.Serialization;

namespace AiSoc.Core.Schema;

/// <summary>
/// A typed entity of an alert. The <c>kind</c> discriminator names the type in JSON output.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AccountEntity), "account")]
[JsonDerivedType(typeof(HostEntity), "host")]
[JsonDerivedType(typeof(IpEntity), "ip")]
[JsonDerivedType(typeof(UrlEntity), "url")]
[JsonDerivedType(typeof(DomainEntity), "domain")]
[JsonDerivedType(typeof(FileEntity), "file")]
[JsonDerivedType(typeof(ProcessEntity), "process")]
[JsonDerivedType(typeof(MailboxEntity), "mailbox")]
[JsonDerivedType(typeof(MailMessageEntity), "mail-message")]
[JsonDerivedType(typeof(CloudApplicationEntity), "cloud-application")]
[JsonDerivedType(typeof(AzureResourceEntity), "azure-resource")]
[JsonDerivedType(typeof(RegistryEntity), "registry")]
[JsonDerivedType(typeof(MalwareEntity), "malware")]
public abstract record Entity(string Kind)
{
    /// <summary>The role the source gave the entity; null when the source does not say.</summary>
    public EntityRole? Role { get; init; }

    /// <summary>The kind name used in JSON, such as <c>account</c> or <c>ip</c>.</summary>
    [JsonIgnore]
    public string Kind { get; } = Kind;

    /// <summary>
    /// Identifiers that name this entity across alerts, each as <c>kind:type:value</c> in lower case.
    /// Strong keys link alerts on their own; weak keys only join a group that has a strong key.
    /// </summary>
    public abstract IEnumerable<EntityKey> GetKeys();
}

/// <summary>An identifier of an entity used for correlation and deduplication.</summary>
/// <param name="Value">The key text, such as <c>account:upn:alice@contoso.com</c>.</param>
/// <param name="IsStrong">True when the key alone identifies one real thing.</param>
public readonly record struct EntityKey(string Value, bool IsStrong);
