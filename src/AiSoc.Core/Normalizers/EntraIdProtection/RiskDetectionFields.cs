using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.EntraIdProtection;

/// <summary>
/// Reads risk detection fields from the top level of a Graph resource or from <c>properties</c> of a
/// diagnostic-settings export (nested or flattened as <c>properties.name</c>), and names them by their path in
/// the source record.
/// </summary>
internal readonly struct RiskDetectionFields(JsonElement record, bool isExport)
{
    public bool IsExport { get; } = isExport;

    public string? Str(string name) => IsExport ? record.Str("properties", name) : record.Str(name);

    public JsonElement? Get(string name) => IsExport ? record.Get("properties", name) : record.Get(name);

    /// <summary>Parses an optional timestamp field; an unreadable value rejects the record naming the field path.</summary>
    public DateTimeOffset? Time(string name) => AlertDraft.Time(Str(name), PathOf(name));

    public string PathOf(string name) => IsExport ? "properties." + name : name;
}
