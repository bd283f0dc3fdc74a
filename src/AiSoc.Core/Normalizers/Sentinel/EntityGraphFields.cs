using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Reads entity properties whose case differs between exports, such as <c>OSVersion</c> and <c>OsVersion</c>.</summary>
internal static class EntityGraphFields
{
    /// <summary>Returns the text of the first property found among <paramref name="names"/>, matching case-insensitively.</summary>
    public static string? Text(JsonElement entity, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (entity.Str(name) is { } exact)
            {
                return exact;
            }

            foreach (var property in entity.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && JsonFields.AsText(property.Value) is { } text)
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>Returns a GUID property, treating the all-zero GUID of sample and redacted data as missing.</summary>
    public static string? Guid(JsonElement entity, params ReadOnlySpan<string> names)
    {
        var text = Text(entity, names);
        return System.Guid.TryParse(text, out var value) && value != System.Guid.Empty ? value.ToString() : null;
    }

    /// <summary>
    /// Reads the role hint: <c>Roles</c> or <c>Role</c> words where the source writes them, else <c>"Asset": true</c>
    /// as impacted.
    /// </summary>
    /// <remarks>
    /// NOTE: reading <c>Asset</c> as impacted follows the field's name. The Defender for Cloud sample export sets it
    /// only on a gcp-resource, so no real record has confirmed the meaning.
    /// </remarks>
    public static EntityRole? Role(JsonElement entity)
    {
        if (Property(entity, "Roles") is { ValueKind: JsonValueKind.Array } roles)
        {
            foreach (var word in JsonFields.Strings(roles))
            {
                if (EntityFactory.Role(word) is { } role)
                {
                    return role;
                }
            }
        }

        if (EntityFactory.Role(Text(entity, "Roles", "Role")) is { } named)
        {
            return named;
        }

        return bool.TryParse(Text(entity, "Asset"), out var isAsset) && isAsset ? EntityRole.Impacted : null;
    }

    private static JsonElement? Property(JsonElement entity, string name)
    {
        foreach (var property in entity.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
