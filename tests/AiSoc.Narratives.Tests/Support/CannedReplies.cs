using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSoc.Narratives.Tests.Support;

/// <summary>Chat completions bodies in the shapes OpenAI and Azure OpenAI return.</summary>
public static class CannedReplies
{
    public const string Model = "gpt-4o-2024-08-06";

    public const int PromptTokens = 812;

    public const int CompletionTokens = 230;

    public static string ValidAnswerJson(string summary = "A user opened a phishing mail and ran an encoded PowerShell command.") =>
        new JsonObject
        {
            ["summary"] = summary,
            ["timelineNarrative"] = "The mail arrived first; the PowerShell process started four minutes later.",
            ["verdictRationale"] = "The command line is encoded and the sender domain is new.",
            ["recommendedNextSteps"] = new JsonArray
            {
                new JsonObject { ["text"] = "Isolate the workstation while the process is analysed.", ["actionType"] = "isolate-device", ["target"] = "ws-042" },
                new JsonObject { ["text"] = "Review the user's sign-ins of the last day.", ["actionType"] = null, ["target"] = null },
            },
            ["openQuestions"] = new JsonArray { "Did any other recipient open the mail?" },
        }.ToJsonString();

    public static FakeReply Completion(string? content, string finishReason = "stop", string? refusal = null, TimeSpan delay = default)
    {
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1764806400,
            ["model"] = Model,
            ["choices"] = new JsonArray
            {
                new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                    ["finish_reason"] = finishReason,
                },
            },
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = PromptTokens,
                ["completion_tokens"] = CompletionTokens,
                ["total_tokens"] = PromptTokens + CompletionTokens,
            },
        };

        return new FakeReply(200, body.ToJsonString(), delay);
    }

    /// <summary>Azure OpenAI's HTTP 400 response when the prompt trips the content filter.</summary>
    public static FakeReply ContentFilterError() => new(400, """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        "type":null,"param":"prompt","code":"content_filter","status":400,
        "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"jailbreak":{"filtered":true,"detected":true}}}}}
        """);

    /// <summary>Azure OpenAI's HTTP 200 response when the completion trips the content filter.</summary>
    public static FakeReply ContentFilterFinish() => Completion(content: null, finishReason: "content_filter");

    public static FakeReply ServerError() => new(500, """{"error":{"message":"The server had an error.","code":"server_error"}}""");

    /// <summary>Parses a JSON string so a test can assert on its fields.</summary>
    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
