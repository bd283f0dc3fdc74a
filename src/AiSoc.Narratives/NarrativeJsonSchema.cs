using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AiSoc.Narratives;

/// <summary>
/// The JSON schema of the model's answer. The full schema, with length and count limits, validates every answer.
/// The model is sent the same schema without those limits, because strict structured output on OpenAI and
/// Azure OpenAI rejects some limit keywords.
/// </summary>
public static class NarrativeJsonSchema
{
    /// <summary>The name of the schema in the request's response format.</summary>
    public const string Name = "investigation_narrative";

    /// <summary>The full schema, with the limits an answer must meet.</summary>
    public const string Text = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["summary", "timelineNarrative", "verdictRationale", "recommendedNextSteps", "openQuestions"],
          "properties": {
            "summary": { "type": "string", "minLength": 1, "maxLength": 2000 },
            "timelineNarrative": { "type": "string", "minLength": 1, "maxLength": 4000 },
            "verdictRationale": { "type": "string", "minLength": 1, "maxLength": 2000 },
            "recommendedNextSteps": {
              "type": "array",
              "maxItems": 8,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["text", "actionType", "target"],
                "properties": {
                  "text": { "type": "string", "minLength": 1, "maxLength": 500 },
                  "actionType": { "type": ["string", "null"], "maxLength": 100 },
                  "target": { "type": ["string", "null"], "maxLength": 300 }
                }
              }
            },
            "openQuestions": {
              "type": "array",
              "maxItems": 8,
              "items": { "type": "string", "minLength": 1, "maxLength": 500 }
            }
          }
        }
        """;

    private static readonly string[] LimitKeywords = ["minLength", "maxLength", "maxItems", "$schema"];

    private static readonly JsonSchema Schema = JsonSchema.FromText(Text);

    /// <summary>The schema sent to the model: <see cref="Text"/> without length and count limits.</summary>
    public static JsonElement ModelSchema { get; } = BuildModelSchema();

    /// <summary>Returns null when <paramref name="answer"/> matches the full schema, else the first errors as one line.</summary>
    public static string? Validate(JsonElement answer)
    {
        var results = Schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? [])
            .Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(3);
        return string.Join("; ", errors);
    }

    private static JsonElement BuildModelSchema()
    {
        var node = JsonNode.Parse(Text)!;
        RemoveLimits(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void RemoveLimits(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var keyword in LimitKeywords)
            {
                obj.Remove(keyword);
            }

            foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().ToList())
            {
                RemoveLimits(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>().ToList())
            {
                RemoveLimits(child);
            }
        }
    }
}
