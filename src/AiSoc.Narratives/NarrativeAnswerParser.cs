using System.Text.Json;

namespace AiSoc.Narratives;

/// <summary>Parses and validates the model's answer text.</summary>
internal static class NarrativeAnswerParser
{
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the answer, or null with the fallback reason and a detail that names the problem.</summary>
    public static NarrativeAnswer? Parse(string text, out NarrativeFallbackReason reason, out string? detail)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            reason = NarrativeFallbackReason.InvalidJson;
            detail = $"The answer is not valid JSON: {ex.Message}";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reason = NarrativeFallbackReason.InvalidJson;
                detail = $"The answer is a JSON {document.RootElement.ValueKind}, not an object.";
                return null;
            }

            var schemaErrors = NarrativeJsonSchema.Validate(document.RootElement);
            if (schemaErrors is not null)
            {
                reason = NarrativeFallbackReason.SchemaViolation;
                detail = $"The answer does not match the narrative schema: {schemaErrors}";
                return null;
            }

            reason = NarrativeFallbackReason.None;
            detail = null;
            return document.RootElement.Deserialize<NarrativeAnswer>(AnswerJson);
        }
    }
}
