using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// The body that a Sentinel automation rule or playbook trigger sends: <c>{"objectSchemaType": "Incident" | "Alert",
/// "objectEventType": "Create" | "Update", "workspaceInfo", "workspaceId", "object": {...}}</c>. The object is an
/// incident resource whose properties also carry <c>alerts</c> and <c>relatedEntities</c>, or an ARM SecurityAlert.
/// </summary>
internal readonly record struct AutomationEnvelope(string SchemaType, string? EventType, JsonElement Object)
{
    /// <summary>Path prefix of the wrapped object's fields in the record.</summary>
    public const string ObjectPath = "object.";

    public bool IsIncident => SchemaType.Equals("Incident", StringComparison.OrdinalIgnoreCase);

    public bool IsAlert => SchemaType.Equals("Alert", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the record has an envelope's shape. Does not throw.</summary>
    public static bool Matches(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && record.Str("objectSchemaType") is not null
        && record.Get("object") is { ValueKind: JsonValueKind.Object };

    /// <summary>Reads the envelope of a record that <see cref="Matches"/> accepted.</summary>
    public static AutomationEnvelope Read(JsonElement record) =>
        new(record.Str("objectSchemaType")!, record.Str("objectEventType"), record.Get("object")!.Value);
}
