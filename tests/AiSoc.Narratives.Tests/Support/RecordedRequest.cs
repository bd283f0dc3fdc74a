using System.Text.Json;

namespace AiSoc.Narratives.Tests.Support;

/// <summary>A request received by <see cref="FakeChatServer"/>.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ApiKeyHeader, string? AuthorizationHeader, string Body)
{
    /// <summary>Returns the text content of the message with the given role from the chat completions body.</summary>
    public string MessageText(string role)
    {
        using var document = JsonDocument.Parse(Body);
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            if (message.GetProperty("role").GetString() != role)
            {
                continue;
            }

            var content = message.GetProperty("content");
            if (content.ValueKind == JsonValueKind.String)
            {
                return content.GetString()!;
            }

            return string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        }

        throw new InvalidOperationException($"The request has no {role} message.");
    }
}
