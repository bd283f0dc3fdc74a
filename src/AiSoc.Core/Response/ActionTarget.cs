using System.Text.Json.Serialization;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

/// <summary>The thing an action changes: one entity, or the whole incident for a manual task.</summary>
/// <param name="Kind">Entity kind such as <c>account</c>, or <c>incident</c>.</param>
/// <param name="Id">Stable identifier such as <c>upn:alice@contoso.com</c> or <c>sha256:…</c>, in lower case where case does not matter.</param>
/// <param name="DisplayName">Name shown to approvers; may carry attacker-controlled text.</param>
public sealed record ActionTarget(string Kind, string Id, string DisplayName)
{
    /// <summary>The incident entity behind the target; null for an incident target. Not part of the plan hash.</summary>
    [JsonIgnore]
    public Entity? Entity { get; init; }

    /// <summary>The target as <c>kind:id</c>, used in idempotency keys and the plan hash.</summary>
    [JsonIgnore]
    public string Key => Kind + ":" + Id;
}
