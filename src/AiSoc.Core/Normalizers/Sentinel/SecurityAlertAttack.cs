using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>Reads ATT&amp;CK tactics and techniques from alert columns and from extended properties.</summary>
internal static partial class SecurityAlertAttack
{
    private static readonly string[] TechniqueKeys = ["Techniques", "SubTechniques", "Technique", "MitreTechniques"];

    /// <summary>
    /// Adds tactics from a column written as a comma-separated list ("InitialAccess, Persistence"), a JSON array,
    /// or a string that contains a JSON array.
    /// </summary>
    public static void AddTactics(AlertDraft draft, JsonElement? value, string field) =>
        draft.AddTactics(ListText(value), field);

    /// <summary>Adds technique ids from a column written in any of the forms that <see cref="AddTactics"/> accepts.</summary>
    public static void AddTechniques(AlertDraft draft, JsonElement? value, string field) =>
        draft.AddTechniques(ListText(value), field);

    /// <summary>
    /// Adds technique ids found in the technique entries of extended properties, an object or a string that contains
    /// one. Only ids are taken from those values, so text such as "T1078 - Valid Accounts" adds T1078 without
    /// warnings. Unreadable properties become a warning.
    /// </summary>
    public static void AddExtendedPropertyTechniques(AlertDraft draft, JsonElement? value, string field)
    {
        if (value is not { } element)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            AddTechniquesFromObject(draft, element, field);
            return;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var utf8 = EmbeddedJson.Utf8Of(element);
        if (EmbeddedJson.IsMissing(utf8))
        {
            return;
        }

        // Most rows carry large extended properties (saved search queries) without technique entries. Checking that
        // they are valid JSON needs only a token scan, which costs far less than building a document.
        if (utf8.AsSpan().IndexOf("echnique"u8) < 0)
        {
            WarnIfNotJsonObject(draft, utf8, field);
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                draft.Warn($"{field}: ignored {document.RootElement.ValueKind} value where a JSON object was expected");
                return;
            }

            AddTechniquesFromObject(draft, document.RootElement, field);
        }
        catch (JsonException error)
        {
            draft.Warn($"{field}: ignored text that is not valid JSON ({error.Message})");
        }
    }

    private static void WarnIfNotJsonObject(AlertDraft draft, byte[] utf8, string field)
    {
        if (!EmbeddedJson.IsValid(utf8, out var error))
        {
            draft.Warn($"{field}: ignored text that is not valid JSON ({error})");
            return;
        }

        var kind = utf8.AsSpan().TrimStart(" \t\r\n"u8)[0] switch
        {
            (byte)'{' => JsonValueKind.Object,
            (byte)'[' => JsonValueKind.Array,
            (byte)'"' => JsonValueKind.String,
            (byte)'t' => JsonValueKind.True,
            (byte)'f' => JsonValueKind.False,
            (byte)'n' => JsonValueKind.Null,
            _ => JsonValueKind.Number,
        };
        if (kind != JsonValueKind.Object)
        {
            draft.Warn($"{field}: ignored {kind} value where a JSON object was expected");
        }
    }

    private static void AddTechniquesFromObject(AlertDraft draft, JsonElement properties, string field)
    {
        foreach (var property in properties.EnumerateObject())
        {
            if (!TechniqueKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase) || ListText(property.Value) is not { } text)
            {
                continue;
            }

            foreach (Match match in TechniqueId().Matches(text))
            {
                draft.AddTechniques(match.Value, $"{field}.{property.Name}");
            }
        }
    }

    /// <summary>Returns the items of a list column as comma-separated text, or null when it is empty.</summary>
    private static string? ListText(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var items = JsonFields.Strings(element);
            return items.Count == 0 ? null : string.Join(',', items);
        }

        var text = JsonFields.AsText(element);
        if (text is null || !text.StartsWith('['))
        {
            return text;
        }

        // Log Analytics writes dynamic columns such as Techniques as JSON text: ["T1078","T1110"].
        try
        {
            using var document = JsonDocument.Parse(text);
            return ListText(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return text.Trim('[', ']');
        }
    }

    [GeneratedRegex(@"\bT\d{4}(?:\.\d{3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueId();
}
