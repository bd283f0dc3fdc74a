using System.ClientModel;
using System.Text.Json;

namespace AiSoc.Narratives;

/// <summary>
/// Recognizes the HTTP 400 form of an Azure OpenAI content filter block, whose body is
/// <c>{"error":{"code":"content_filter", ...}}</c>. The other form, a 200 answer with
/// <c>finish_reason: "content_filter"</c>, arrives as <c>ChatFinishReason.ContentFilter</c>.
/// </summary>
internal static class ContentFilterErrors
{
    public const string Code = "content_filter";

    public static bool IsContentFilter(ClientResultException exception)
    {
        if (exception.Status != 400)
        {
            return false;
        }

        var body = exception.GetRawResponse()?.Content?.ToString();
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() == Code;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
