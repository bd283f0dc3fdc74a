using System.Text.Json.Serialization;

namespace AiSoc.Core.Schema;

/// <summary>The part an entity plays in an alert, when the source states it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityRole>))]
public enum EntityRole
{
    [JsonStringEnumMemberName("impacted")] Impacted,
    [JsonStringEnumMemberName("related")] Related,
    [JsonStringEnumMemberName("attacker")] Attacker,
}
