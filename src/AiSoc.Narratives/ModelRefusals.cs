using Microsoft.Extensions.AI;

namespace AiSoc.Narratives;

/// <summary>Recognizes a model refusal, which OpenAI returns in the message's <c>refusal</c> field instead of its content.</summary>
internal static class ModelRefusals
{
    public static bool HasRefusal(ChatResponse response)
    {
        if (response.RawRepresentation is OpenAI.Chat.ChatCompletion { Refusal: { Length: > 0 } })
        {
            return true;
        }

        return response.Messages
            .SelectMany(m => m.Contents)
            .Any(c => c is ErrorContent || (c.AdditionalProperties?.ContainsKey("Refusal") ?? false));
    }
}
